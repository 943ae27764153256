using Robotics.Control.Hybrid;
using Robotics.Control.Loop;
using Robotics.Core.Time;
using Robotics.Sim.Hybrid.Car;

namespace Robotics.Nodes.Hybrid;

/// <summary>
/// The online switching supervisor of the hybrid car: plans the switch into the icy mode once (from the car's state at
/// configure, <see cref="SwitchPlanner"/> over the <see cref="CarSwitchEvaluator"/> loss on the 9 x 5 x 5 grid of
/// (switch-waypoint offset d, dry speed v1, icy speed v2), as <c>robotics hybrid bench --system car</c>'s
/// <c>roa_planner</c>), then every tick tracks the current segment with the LQR of the current friction mode and
/// reports the mode's Lyapunov ratio V/c.
/// </summary>
/// <remarks>
/// <para>State in: [x, y, yaw, vx, vy, r, icy] (the simulator's friction mode as 0/1). Command out: [acceleration,
/// steering] = <see cref="ModeLqr.Compute"/> of the mode at the segment's reference speed (v1 on segment A from the
/// origin to W1 = (x_ice, d), v2 on segment B from W1 to W2 = (x_ice + L, y_end), continued past W2).</para>
/// <para>V/c: V = (e - e*)' P (e - e*) of the current mode's LQR at its reference speed, e the error state
/// [e_y, e_psi, vx, vy, r] on the current segment (<see cref="CarTrack.ErrorState"/>), c =
/// <see cref="CarModeLibrary.Level"/>. V/c &lt;= 1 means the state is inside the mode's estimated RoA.</para>
/// <para>With <c>planner = lqr</c> no plan is made: d = 0, v1 = v2 = the nominal speed (the benchmark's baseline).</para>
/// <para>Update allocates nothing (the per-mode LQRs are designed in the constructor).</para>
/// </remarks>
public sealed class HybridCarSupervisor : IController
{
    private readonly double[] error = new double[5];
    private readonly ModeLqr dryLqr;
    private readonly ModeLqr icyLqr;
    private readonly double dryLevel;
    private readonly double icyLevel;
    private readonly double headingA;
    private readonly double headingB;
    private readonly double lengthA;

    /// <summary>Plans the switch for the car at <paramref name="initialWorld"/>.</summary>
    /// <param name="library">Per-mode LQRs and RoA levels.</param>
    /// <param name="initialWorld">The car's world state [x, y, yaw, vx, vy, r] when the plan is made.</param>
    /// <param name="endY">Lateral position of the icy segment's end W2 (m).</param>
    /// <param name="planner"><c>roa_planner</c> or <c>lqr</c>.</param>
    /// <exception cref="ArgumentException">Unknown planner.</exception>
    public HybridCarSupervisor(CarModeLibrary library, ReadOnlySpan<double> initialWorld, double endY, string planner)
    {
        ArgumentNullException.ThrowIfNull(library);
        Library = library;
        var o = library.Options;
        EndX = o.IceStartXM + o.IcySegmentLengthM;
        EndY = endY;
        Planner = planner;
        if (planner == HybridMethods.RoaPlanner)
        {
            var p = new SwitchPlanner(new SwitchPlannerOptions
            {
                GridAxes = [[-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0], o.SampledSpeeds, o.SampledSpeeds],
            });
            var plan = p.Plan(new CarSwitchEvaluator(library, initialWorld, (0, 0), (EndX, endY)));
            SwitchOffsetM = plan.Decision[0];
            DrySpeed = plan.Decision[1];
            IcySpeed = plan.Decision[2];
            PlanLoss = plan.Loss;
        }
        else if (planner == HybridMethods.Lqr)
        {
            DrySpeed = o.NominalSpeed;
            IcySpeed = o.NominalSpeed;
            PlanLoss = double.NaN;
        }
        else
        {
            throw new ArgumentException($"parameter 'planner' = '{planner}' is not known; use {HybridMethods.RoaPlanner} or {HybridMethods.Lqr}.", nameof(planner));
        }

        headingA = Math.Atan2(SwitchOffsetM, o.IceStartXM);
        lengthA = Math.Sqrt(o.IceStartXM * o.IceStartXM + SwitchOffsetM * SwitchOffsetM);
        headingB = Math.Atan2(endY - SwitchOffsetM, EndX - o.IceStartXM);
        dryLqr = library.Lqr(false, DrySpeed);
        icyLqr = library.Lqr(true, IcySpeed);
        dryLevel = library.Level(false, DrySpeed);
        icyLevel = library.Level(true, IcySpeed);
    }

    /// <summary>The mode library.</summary>
    public CarModeLibrary Library { get; }

    /// <summary><c>roa_planner</c> or <c>lqr</c>.</summary>
    public string Planner { get; }

    /// <summary>Planned lateral offset d of the switch waypoint W1 = (x_ice, d) (m).</summary>
    public double SwitchOffsetM { get; }

    /// <summary>Planned dry reference speed v1 (m/s).</summary>
    public double DrySpeed { get; }

    /// <summary>Planned icy reference speed v2 (m/s).</summary>
    public double IcySpeed { get; }

    /// <summary>The planner's loss at the chosen decision (0 = both RoA conditions met; NaN without planning).</summary>
    public double PlanLoss { get; }

    /// <summary>x of the icy segment's end W2 (m).</summary>
    public double EndX { get; }

    /// <summary>y of the icy segment's end W2 (m).</summary>
    public double EndY { get; }

    /// <summary>The friction mode of the last update (from the simulator's state).</summary>
    public bool Icy { get; private set; }

    /// <summary>True once the car passed W1's along-track position (tracking segment B).</summary>
    public bool OnSegmentB { get; private set; }

    /// <summary>V of the current mode's LQR at the last update.</summary>
    public double Lyapunov { get; private set; }

    /// <summary>RoA level c of the current mode at its reference speed.</summary>
    public double Level { get; private set; }

    /// <summary>V / c at the last update.</summary>
    public double LyapunovRatio { get; private set; }

    /// <summary>Mode changes seen by the supervisor.</summary>
    public int ModeSwitches { get; private set; }

    /// <summary>Time of the last mode change (the tick's time), or -1 before any.</summary>
    public double LastSwitchTimeS { get; private set; } = -1;

    /// <summary>Updates since construction or <see cref="Reset"/>.</summary>
    public long Updates { get; private set; }

    /// <inheritdoc/>
    public string Name => "hybrid_car_supervisor";

    /// <inheritdoc/>
    public int StateSize => 7;

    /// <inheritdoc/>
    public int ReferenceSize => 0;

    /// <inheritdoc/>
    public int CommandSize => 2;

    /// <inheritdoc/>
    public void Reset()
    {
        Updates = 0;
    }

    /// <inheritdoc/>
    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
    {
        bool icy = state[6] >= 0.5;
        if (Updates > 0 && icy != Icy)
        {
            ModeSwitches++;
            LastSwitchTimeS = now.Seconds;
        }

        Icy = icy;
        Updates++;
        double iceX = Library.Options.IceStartXM;
        double s = OnSegmentB
            ? CarTrack.ErrorState(state, iceX, SwitchOffsetM, headingB, error)
            : CarTrack.ErrorState(state, 0, 0, headingA, error);
        if (!OnSegmentB && s >= lengthA)
        {
            OnSegmentB = true;
            CarTrack.ErrorState(state, iceX, SwitchOffsetM, headingB, error);
        }

        double vref = OnSegmentB ? IcySpeed : DrySpeed;
        var lqr = icy ? (vref == IcySpeed ? icyLqr : Library.Lqr(true, vref)) : (vref == DrySpeed ? dryLqr : Library.Lqr(false, vref));
        lqr.Compute(error, command);
        Lyapunov = lqr.Lyapunov(error);
        Level = icy ? (vref == IcySpeed ? icyLevel : Library.Level(true, vref)) : (vref == DrySpeed ? dryLevel : Library.Level(false, vref));
        LyapunovRatio = Lyapunov / Level;
        return double.IsFinite(Lyapunov) ? ControllerStatus.Ok : ControllerStatus.Failed;
    }
}
