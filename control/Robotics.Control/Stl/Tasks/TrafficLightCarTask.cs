using Robotics.Core.Randomness;
using Robotics.Models.Dynamics;

namespace Robotics.Control.Stl.Tasks;

/// <summary>
/// The STL-NPC traffic task (<c>run_stl_1_car.py</c>, simplified): a car on a lane with a traffic light and a lead car.
/// </summary>
/// <remarks>
/// <para>State <c>[x_m, v_m_s, clock_s, lead_x_m, lead_v_m_s]</c>, input <c>[acceleration_m_s2]</c> in [-10, 10]
/// (the paper's tanh x 10), dt = 0.1 s, horizon 25 steps (the paper's nt, dt). Dynamics (explicit Euler, as the
/// paper): <c>x⁺ = x + v dt</c>, <c>v⁺ = clip(v + a dt, 0, 10)</c>, <c>clock⁺ = clock + dt</c>,
/// <c>lead_x⁺ = lead_x + lead_v dt</c>, <c>lead_v⁺ = lead_v</c>.</para>
/// <para>The light at the stop line x = 20 m (zone [20, 21] m) has the paper's 8 s period with 4 s red
/// (<c>clock mod 8 ≥ 4</c>). Signals: <c>x</c>, <c>v</c>, <c>gap = lead_x - x</c>, <c>red</c> (+1 red, -1 green).
/// Planning specification: always stay ≥ 1 m behind the lead car and out of the zone on red, and eventually either
/// drive at ≥ 3 m/s or wait on red within 3 m of the line, within 0.5 s (a short window: with the whole horizon the
/// receding-horizon planner postponed the progress forever). Episode (10 s): the same safety always, and eventually
/// x ≥ 25 m (past the light). The stop-sign timer of the paper's task is left out.</para>
/// <para>Initial states: x ∈ [0, 8] m, v ∈ [0, 8] m/s, clock ∈ [0, 8) s, gap ∈ [5, 15] m, lead speed ∈ [3, 6] m/s.</para>
/// </remarks>
public sealed class TrafficLightCarTask : IStlTask
{
    /// <summary>Stop line position, m.</summary>
    public const double StopLineM = 20.0;

    /// <summary>Light period, s (red for the second half).</summary>
    public const double LightPeriodS = 8.0;

    /// <summary>Creates the task.</summary>
    public TrafficLightCarTask()
    {
        PlanningSpecification = StlSpecification.Parse(
            """
            input float x, v, gap, red
            safe = gap >= 1 and (red <= 0 or x <= 20 or x >= 21)
            always[0:2.5](safe) and eventually[0:0.5](v >= 3 or (red >= 0 and x <= 20 and x >= 17))
            """, "car-planning");
        EpisodeSpecification = StlSpecification.Parse(
            """
            input float x, v, gap, red
            safe = gap >= 1 and (red <= 0 or x <= 20 or x >= 21)
            always[0:10](safe) and eventually[0:10](x >= 25)
            """, "car-episode");
    }

    /// <inheritdoc />
    public string Name => "car";

    /// <inheritdoc />
    public string Description => "traffic-light car behind a lead car (STL-NPC task 1, without the stop sign)";

    /// <inheritdoc />
    public IDifferentiableDynamicsModel Dynamics { get; } = new CarDynamics();

    /// <inheritdoc />
    public int Horizon => 25;

    /// <inheritdoc />
    public int EpisodeSteps => 100;

    /// <inheritdoc />
    public StlSpecification PlanningSpecification { get; }

    /// <inheritdoc />
    public StlSpecification EpisodeSpecification { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> SignalNames { get; } = ["x", "v", "gap", "red"];

    /// <inheritdoc />
    public IReadOnlyList<double> ControlMin { get; } = [-10.0];

    /// <inheritdoc />
    public IReadOnlyList<double> ControlMax { get; } = [10.0];

    /// <inheritdoc />
    public IReadOnlyList<double> SafeControl { get; } = [-10.0];

    /// <inheritdoc />
    public IReadOnlyList<double> NominalGoal { get; } = [100.0, 8.0, 0.0, 0.0, 0.0];

    /// <inheritdoc />
    public IReadOnlyList<double> NominalGoalWeights { get; } = [0.0, 1.0, 0.0, 0.0, 0.0];

    /// <summary>+1 while the light is red at <paramref name="clock"/>, -1 while green.</summary>
    public static double Red(double clock)
    {
        double phase = clock - LightPeriodS * Math.Floor(clock / LightPeriodS);
        return phase >= LightPeriodS / 2 ? 1.0 : -1.0;
    }

    /// <inheritdoc />
    public void Signals(ReadOnlySpan<double> state, Span<double> values)
    {
        values[0] = state[0];
        values[1] = state[1];
        values[2] = state[3] - state[0];
        values[3] = Red(state[2]);
    }

    /// <inheritdoc />
    public void SignalJacobian(ReadOnlySpan<double> state, Span<double> jacobian)
    {
        jacobian[..20].Clear();
        jacobian[0 * 5 + 0] = 1.0;
        jacobian[1 * 5 + 1] = 1.0;
        jacobian[2 * 5 + 3] = 1.0;
        jacobian[2 * 5 + 0] = -1.0;
    }

    /// <inheritdoc />
    public void SampleInitialState(Rng rng, Span<double> state)
    {
        ArgumentNullException.ThrowIfNull(rng);
        state[0] = rng.NextUniform(0, 8);
        state[1] = rng.NextUniform(0, 8);
        state[2] = rng.NextUniform(0, LightPeriodS);
        state[3] = state[0] + rng.NextUniform(5, 15);
        state[4] = rng.NextUniform(3, 6);
    }

    private sealed class CarDynamics : IDifferentiableDynamicsModel
    {
        private const double Dt = 0.1;
        private const double MaxSpeed = 10.0;

        public int StateSize => 5;

        public int InputSize => 1;

        public int LatentSize => 0;

        public double TimeStep => Dt;

        public IReadOnlyList<string> StateNames { get; } = ["x_m", "v_m_s", "clock_s", "lead_x_m", "lead_v_m_s"];

        public IReadOnlyList<string> InputNames { get; } = ["acceleration_m_s2"];

        public void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState)
        {
            double x = state[0], v = state[1], clock = state[2], lx = state[3], lv = state[4];
            double vn = v + input[0] * Dt;
            nextState[0] = x + v * Dt;
            nextState[1] = Math.Clamp(vn, 0.0, MaxSpeed);
            nextState[2] = clock + Dt;
            nextState[3] = lx + lv * Dt;
            nextState[4] = lv;
        }

        public void Jacobians(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState, Span<double> dfdx, Span<double> dfdu)
        {
            double vn = state[1] + input[0] * Dt;
            bool inside = vn > 0.0 && vn < MaxSpeed;
            dfdx[..25].Clear();
            dfdu[..5].Clear();
            dfdx[0] = 1.0;
            dfdx[1] = Dt;
            dfdx[6] = inside ? 1.0 : 0.0;
            dfdx[12] = 1.0;
            dfdx[18] = 1.0;
            dfdx[19] = Dt;
            dfdx[24] = 1.0;
            dfdu[1] = inside ? Dt : 0.0;
            Step(state, input, nextState);
        }
    }
}
