using Robotics.Core.Randomness;
using Robotics.Models.Dynamics;

namespace Robotics.Control.Stl.Tasks;

/// <summary>
/// The STL-NPC rover task (<c>run_stl_5_rover.py</c>, simplified): a rover with a battery that must reach a destination,
/// going to the charger first when the battery is low, while staying in the map and away from an obstacle.
/// </summary>
/// <remarks>
/// <para>State <c>[x_m, y_m, battery_s]</c>, input <c>[speed_m_s, heading_rad]</c> with speed ∈ [0, 10] and heading
/// ∈ [-π/2, 3π/2] (the paper's unicycle with heading as input; the range's cut points south, a direction the task never
/// needs, because with [-π, π] west, toward the charger, sat on the cut: MPPI's weighted mean of headings near ±π points
/// east, the gradient steps clamp there, and the network's <c>mid + half·tanh</c> output needs saturation to point west), dt = 0.2 s, horizon 10 steps (the paper's nt, dt).
/// Dynamics: <c>x⁺ = x + v cos θ dt</c>, <c>y⁺ = y + v sin θ dt</c>, battery <c>b⁺ = 5</c> within 0.8 m of the
/// charger, else <c>b - dt</c> (the paper's recharge rule).</para>
/// <para>Map [0, 10]² m, obstacle disc at (5, 5) radius 1.5 m, destination (8.5, 8.5), charger (1.5, 8.5) (the layout is
/// ours; the paper's map was not in the reference notes). Signals: <c>x</c>, <c>y</c>, <c>battery</c>,
/// <c>obstacle_m</c>, <c>charger_m</c>, <c>dest_m</c> (distances to the centres). Planning specification: always in
/// the map, outside the obstacle and battery ≥ 0; if battery ≥ 2 s eventually within 0.8 m of the destination, else eventually
/// within 0.8 m of the charger. Episode (10 s): always in map, off the obstacle and battery ≥ 0, and eventually at the
/// destination.</para>
/// <para>Initial states: uniform in the map's lower half y ∈ [0.5, 3.5], x ∈ [0.5, 9.5], battery ∈ [1.5, 4] s.</para>
/// </remarks>
public sealed class RoverBatteryTask : IStlTask
{
    /// <summary>Obstacle centre and radius, m.</summary>
    public static readonly (double X, double Y, double R) Obstacle = (5.0, 5.0, 1.5);

    /// <summary>Destination centre, m.</summary>
    public static readonly (double X, double Y) Destination = (8.5, 8.5);

    /// <summary>Charger centre, m.</summary>
    public static readonly (double X, double Y) Charger = (1.5, 8.5);

    /// <summary>Charging radius, m.</summary>
    public const double ChargeRadiusM = 0.8;

    /// <summary>Creates the task.</summary>
    public RoverBatteryTask()
    {
        PlanningSpecification = StlSpecification.Parse(
            """
            input float x, y, battery, obstacle_m, charger_m, dest_m
            safe = x >= 0 and x <= 10 and y >= 0 and y <= 10 and obstacle_m >= 1.5 and battery >= 0
            always[0:2](safe) and (battery >= 2 -> eventually[0:2](dest_m <= 0.8)) and (battery < 2 -> eventually[0:2](charger_m <= 0.8))
            """, "rover-planning");
        EpisodeSpecification = StlSpecification.Parse(
            """
            input float x, y, battery, obstacle_m, charger_m, dest_m
            safe = x >= 0 and x <= 10 and y >= 0 and y <= 10 and obstacle_m >= 1.5 and battery >= 0
            always[0:10](safe) and eventually[0:10](dest_m <= 0.8)
            """, "rover-episode");
    }

    /// <inheritdoc />
    public string Name => "rover";

    /// <inheritdoc />
    public string Description => "rover with battery and charger (STL-NPC task 5)";

    /// <inheritdoc />
    public IDifferentiableDynamicsModel Dynamics { get; } = new RoverDynamics();

    /// <inheritdoc />
    public int Horizon => 10;

    /// <inheritdoc />
    public int EpisodeSteps => 50;

    /// <inheritdoc />
    public StlSpecification PlanningSpecification { get; }

    /// <inheritdoc />
    public StlSpecification EpisodeSpecification { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> SignalNames { get; } = ["x", "y", "battery", "obstacle_m", "charger_m", "dest_m"];

    /// <inheritdoc />
    public IReadOnlyList<double> ControlMin { get; } = [0.0, -0.5 * Math.PI];

    /// <inheritdoc />
    public IReadOnlyList<double> ControlMax { get; } = [10.0, 1.5 * Math.PI];

    /// <inheritdoc />
    public IReadOnlyList<double> SafeControl { get; } = [0.0, 0.0];

    /// <inheritdoc />
    public IReadOnlyList<double> NominalGoal { get; } = [Destination.X, Destination.Y, 0.0];

    /// <inheritdoc />
    public IReadOnlyList<double> NominalGoalWeights { get; } = [1.0, 1.0, 0.0];

    /// <inheritdoc />
    public void Signals(ReadOnlySpan<double> state, Span<double> values)
    {
        values[0] = state[0];
        values[1] = state[1];
        values[2] = state[2];
        values[3] = Distance(state[0] - Obstacle.X, state[1] - Obstacle.Y);
        values[4] = Distance(state[0] - Charger.X, state[1] - Charger.Y);
        values[5] = Distance(state[0] - Destination.X, state[1] - Destination.Y);
    }

    /// <inheritdoc />
    public void SignalJacobian(ReadOnlySpan<double> state, Span<double> jacobian)
    {
        jacobian[..18].Clear();
        jacobian[0] = 1.0;
        jacobian[4] = 1.0;
        jacobian[8] = 1.0;
        DistanceGradient(state[0] - Obstacle.X, state[1] - Obstacle.Y, jacobian.Slice(9, 2));
        DistanceGradient(state[0] - Charger.X, state[1] - Charger.Y, jacobian.Slice(12, 2));
        DistanceGradient(state[0] - Destination.X, state[1] - Destination.Y, jacobian.Slice(15, 2));
    }

    /// <inheritdoc />
    public void SampleInitialState(Rng rng, Span<double> state)
    {
        ArgumentNullException.ThrowIfNull(rng);
        state[0] = rng.NextUniform(0.5, 9.5);
        state[1] = rng.NextUniform(0.5, 3.5);
        state[2] = rng.NextUniform(1.5, 4.0);
    }

    private static double Distance(double dx, double dy) => Math.Sqrt(dx * dx + dy * dy);

    private static void DistanceGradient(double dx, double dy, Span<double> gradient)
    {
        double d = Math.Max(Distance(dx, dy), 1e-9);
        gradient[0] = dx / d;
        gradient[1] = dy / d;
    }

    private sealed class RoverDynamics : IDifferentiableDynamicsModel
    {
        private const double Dt = 0.2;

        public int StateSize => 3;

        public int InputSize => 2;

        public int LatentSize => 0;

        public double TimeStep => Dt;

        public IReadOnlyList<string> StateNames { get; } = ["x_m", "y_m", "battery_s"];

        public IReadOnlyList<string> InputNames { get; } = ["speed_m_s", "heading_rad"];

        public void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState)
        {
            double x = state[0], y = state[1], b = state[2], v = input[0], th = input[1];
            bool charging = Distance(x - Charger.X, y - Charger.Y) < ChargeRadiusM;
            nextState[0] = x + v * Math.Cos(th) * Dt;
            nextState[1] = y + v * Math.Sin(th) * Dt;
            nextState[2] = charging ? 5.0 : b - Dt;
        }

        public void Jacobians(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState, Span<double> dfdx, Span<double> dfdu)
        {
            double x = state[0], y = state[1], v = input[0], th = input[1];
            bool charging = Distance(x - Charger.X, y - Charger.Y) < ChargeRadiusM;
            double c = Math.Cos(th), s = Math.Sin(th);
            dfdx[..9].Clear();
            dfdu[..6].Clear();
            dfdx[0] = 1.0;
            dfdx[4] = 1.0;
            dfdx[8] = charging ? 0.0 : 1.0;
            dfdu[0] = c * Dt;
            dfdu[1] = -v * s * Dt;
            dfdu[2] = s * Dt;
            dfdu[3] = v * c * Dt;
            Step(state, input, nextState);
        }
    }
}
