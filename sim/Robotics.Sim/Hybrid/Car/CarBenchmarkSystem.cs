using Robotics.Control.Hybrid;
using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Costs;
using Robotics.Core.Randomness;
using Robotics.Core.Time;
using Robotics.Models.Dynamics;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Hybrid.Car;

/// <summary>
/// The hybrid car benchmark (<c>robotics hybrid bench --system car</c>): a single-track car drives a dry segment
/// into an icy one (mu 1.0 -&gt; 0.1 at x = x_ice), where the road turns; the mode switch is entering the ice.
/// </summary>
/// <remarks>
/// <para><b>Trial</b> (seeded, the same scenario for every method): the car starts at the origin with lateral error
/// U(+-0.5) m, heading error U(+-0.2) rad and speed U(3, 6) m/s; the road is segment A from (0, 0) to the switch
/// waypoint W1 = (x_ice, d) and segment B from W1 to W2 = (x_ice + L, Y), Y ~ U(+-<see cref="LateralEndRangeM"/>).
/// Success: the car passes W2's along-track position within the time limit without leaving the road
/// (|e_y| &lt;= road half-width) or spinning (|e_psi| &lt;= 1.2 rad).</para>
/// <para><b>Methods.</b> <c>lqr</c>: per-mode LQR (dry/icy) at the nominal speed, d = 0. <c>roa_planner</c>: at the
/// start the <see cref="SwitchPlanner"/> chooses (d, v1, v2) on the grid 9 x 5 x 5 so that the current state is in
/// the dry RoA of v1 and the predicted switch state in the icy RoA of v2 (<see cref="CarSwitchEvaluator"/>); then
/// the same per-mode LQR tracks those references. <c>mpc</c>: MPPI (256 samples, horizon 30 x 0.02 s) over the
/// analytic error model of the current friction mode, nominal speed, d = 0.</para>
/// <para>Control at 50 Hz, RK4 at 5 ms. The friction mode is taken at the start of each 5 ms substep (the switch
/// is located to within one substep, not by event bisection).</para>
/// </remarks>
public sealed class CarBenchmarkSystem : IHybridBenchmarkSystem
{
    /// <summary>The system name.</summary>
    public const string SystemName = "car";

    private static readonly string[] s_methods = [HybridMethods.RoaPlanner, HybridMethods.Lqr, HybridMethods.Mpc];
    private readonly CarHybridOptions _options;
    private CarModeLibrary? _library;

    /// <summary>Creates the system with the default options.</summary>
    public CarBenchmarkSystem()
        : this(new CarHybridOptions())
    {
    }

    /// <summary>Creates the system.</summary>
    public CarBenchmarkSystem(CarHybridOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Creates the system over an existing library (shares its controllers and RoA estimates).</summary>
    public CarBenchmarkSystem(CarModeLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        _options = library.Options;
        _library = library;
    }

    /// <summary>Half-range of the lateral position of the icy segment's end (m). Default 6.</summary>
    public double LateralEndRangeM { get; init; } = 6.0;

    /// <inheritdoc />
    public string Name => SystemName;

    /// <inheritdoc />
    public IReadOnlyList<string> Methods => s_methods;

    /// <summary>The per-mode controllers and RoA levels (built on first use).</summary>
    public CarModeLibrary Library => _library ??= new CarModeLibrary(_options);

    /// <inheritdoc />
    public HybridTrialResult RunTrial(string method, int trialIndex, ulong seed, IControlStepMeter meter)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(meter);
        if (Array.IndexOf(s_methods, method) < 0)
            throw new ArgumentException($"method '{method}' is not supported by the car; use one of {string.Join(", ", s_methods)}.", nameof(method));
        var lib = Library;
        var o = _options;
        var rng = new Rng(seed).Fork($"car/{trialIndex}");
        double ey0 = rng.NextUniform(-0.5, 0.5), epsi0 = rng.NextUniform(-0.2, 0.2), v0 = rng.NextUniform(3.0, 6.0);
        double endY = rng.NextUniform(-LateralEndRangeM, LateralEndRangeM);
        var world = new double[] { 0, ey0, epsi0, v0, 0, 0 };
        double endX = o.IceStartXM + o.IcySegmentLengthM;

        double d = 0, v1 = o.NominalSpeed, v2 = o.NominalSpeed;
        int steps = 0;
        if (method == HybridMethods.RoaPlanner)
        {
            meter.BeginStep();
            var planner = new SwitchPlanner(new SwitchPlannerOptions
            {
                GridAxes = [[-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0], o.SampledSpeeds, o.SampledSpeeds],
            });
            var plan = planner.Plan(new CarSwitchEvaluator(lib, world, (0, 0), (endX, endY)));
            d = plan.Decision[0];
            v1 = plan.Decision[1];
            v2 = plan.Decision[2];
            meter.EndStep();
        }

        var w1 = (X: o.IceStartXM, Y: d);
        double headingA = Math.Atan2(w1.Y, w1.X), lengthA = Math.Sqrt(w1.X * w1.X + w1.Y * w1.Y);
        double headingB = Math.Atan2(endY - w1.Y, endX - w1.X), lengthB = Math.Sqrt((endX - w1.X) * (endX - w1.X) + (endY - w1.Y) * (endY - w1.Y));

        MppiController? dryMpc = null, icyMpc = null;
        if (method == HybridMethods.Mpc)
        {
            dryMpc = BuildMpc(lib.DryCar, rng.Fork("mpc/dry"));
            icyMpc = BuildMpc(lib.IcyCar, rng.Fork("mpc/icy"));
        }

        var error = new double[5];
        var u = new double[2];
        var reference = new double[5];
        double dt = o.ControlPeriodS, h = dt / o.Substeps;
        double timeLimit = (lengthA + lengthB) / 2.0 + 6.0;
        int maxSteps = (int)Math.Ceiling(timeLimit / dt);
        bool onB = false, icy = false;
        int switches = 0;
        var period = SimTime.FromSeconds(dt);
        for (int k = 0; k < maxSteps; k++)
        {
            double s = onB
                ? CarTrack.ErrorState(world, w1.X, w1.Y, headingB, error)
                : CarTrack.ErrorState(world, 0, 0, headingA, error);
            if (!onB && s >= lengthA)
            {
                onB = true;
                s = CarTrack.ErrorState(world, w1.X, w1.Y, headingB, error);
            }

            if (onB && s >= lengthB)
                return new HybridTrialResult(SystemName, method, trialIndex, true, steps, switches, $"finished at t={k * dt:F2} s (d={d:F2}, v1={v1:F1}, v2={v2:F1})");
            if (Math.Abs(error[0]) > o.RoadHalfWidthM || Math.Abs(error[1]) > 1.2 || !double.IsFinite(error[0]))
                return new HybridTrialResult(SystemName, method, trialIndex, false, steps, switches, $"left the road at t={k * dt:F2} s on segment {(onB ? "B (ice)" : "A")} (e_y={error[0]:F2}, e_psi={error[1]:F2}; d={d:F2}, v1={v1:F1}, v2={v2:F1})");

            double vref = onB ? v2 : v1;
            meter.BeginStep();
            if (dryMpc is not null && icyMpc is not null)
            {
                reference[2] = vref;
                (icy ? icyMpc : dryMpc).Update(SimTime.FromSeconds(k * dt), period, error, reference, u);
            }
            else
            {
                lib.Lqr(icy, vref).Compute(error, u);
            }

            meter.EndStep();
            steps++;
            for (int sub = 0; sub < o.Substeps; sub++)
            {
                bool nowIcy = world[0] >= o.IceStartXM;
                if (nowIcy != icy)
                {
                    icy = nowIcy;
                    switches++;
                }

                (icy ? lib.IcyCar : lib.DryCar).Advance(0, h, world, u);
            }
        }

        return new HybridTrialResult(SystemName, method, trialIndex, false, steps, switches, $"time limit {timeLimit:F1} s reached (d={d:F2}, v1={v1:F1}, v2={v2:F1})");
    }

    private MppiController BuildMpc(SingleTrackCar car, Rng rng)
    {
        var o = _options;
        var model = new AnalyticDynamicsModel(new CarErrorModel(car), o.ControlPeriodS,
            ["lateral_error_m", "heading_error_rad", "vx_m_s", "vy_m_s", "yaw_rate_rad_s"], ["acceleration_m_s2", "steering_angle_rad"]);
        double maxAccel = car.Options.TyreFrictionMu * car.Options.GravityMPerS2, maxSteer = car.Options.MaxSteeringAngleRad;
        ICostTerm[] costs =
        [
            new GoalCost { Weight = 1.0, StateWeights = (double[])o.DryStateWeights.Clone(), AngleIndices = [1] },
            new ControlEffortCost { Weight = 1.0, InputWeights = [0.01, 0.1] },
        ];
        return new MppiController(model, new SamplingMpcOptions
        {
            BatchSize = 256,
            Horizon = 30,
            Iterations = 1,
            Temperature = 0.3,
            NoiseStd = [0.5 * maxAccel, 0.5 * maxSteer],
            ControlMin = [-maxAccel, -maxSteer],
            ControlMax = [maxAccel, maxSteer],
            WarmStart = true,
        }, costs, rng);
    }
}
