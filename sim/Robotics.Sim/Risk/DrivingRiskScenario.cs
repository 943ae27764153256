using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Costs;
using Robotics.Control.Mpc.Models;
using Robotics.Control.Risk;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Randomness;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Risk;

/// <summary>
/// Autonomous driving among static and moving obstacles with an uncertain state estimate and uncertain actuation
/// (kinematic bicycle, F1TENTH scale), closed loop with MPPI: the issue-10 driving scenario.
/// </summary>
/// <remarks>
/// <para>The car starts near (0, 0) heading +x at about 1 m/s and must reach (8, 0) (within 0.3 m) in 15 s. Obstacles:
/// a disc at (3, 0.1) r 0.35, a box x ∈ [5, 5.6], y ∈ [-1, -0.35], a disc at (7, -0.75) r 0.3 (static) and a disc of
/// r 0.3 crossing the road from (6.5, 2.2) at 0.4 m/s downwards. Footprint: a disc of 0.2 m.</para>
/// <para>Uncertainty, drawn per trial from the seed: the true initial state N([0, 0, 0, 1], diag(0.1², 0.1², 0.05², 0.1²));
/// constant actuation biases b_a ~ N(0, 0.15²) m/s² and b_δ ~ N(0, 0.03²) rad added to every command; the controller sees
/// the true state plus fresh noise N(0, diag(0.03², 0.03², 0.02², 0.03²)) every 0.1 s tick. The truth is integrated by
/// RK4 at 20 ms (the sim's <see cref="KinematicBicycle"/>); the car cannot reverse (speed clamped at 0).</para>
/// <para>The risk gate's deviation distribution is the same: the estimate error and the two biases (6-D Gaussian).</para>
/// </remarks>
public sealed class DrivingRiskScenario
{
    /// <summary>Control period, s.</summary>
    public const double TickS = 0.1;

    /// <summary>Trial length limit, s.</summary>
    public const double TimeLimitS = 15.0;

    /// <summary>Goal tolerance, m.</summary>
    public const double GoalToleranceM = 0.3;

    /// <summary>Footprint radius, m.</summary>
    public const double FootprintRadiusM = 0.2;

    private static readonly double[] InitialStd = [0.1, 0.1, 0.05, 0.1];
    private static readonly double[] MeasurementStd = [0.03, 0.03, 0.02, 0.03];
    private const double AccelerationBiasStd = 0.15;
    private const double SteeringBiasStd = 0.03;
    private static readonly double[] Goal = [8.0, 0.0, 0.0, 0.0];

    /// <summary>Creates the scenario.</summary>
    /// <param name="options">Planner settings (defaults if null).</param>
    public DrivingRiskScenario(DrivingRiskOptions? options = null)
    {
        Options = options ?? new DrivingRiskOptions();
    }

    /// <summary>The planner settings.</summary>
    public DrivingRiskOptions Options { get; }

    /// <summary>The obstacles of this scenario's layout, in scenario time.</summary>
    /// <returns>A new list.</returns>
    public IReadOnlyList<IPlanarObstacle> CreateObstacles() => Obstacles(Options.Layout);

    /// <summary>The obstacles of the mixed layout, in scenario time.</summary>
    /// <returns>A new list.</returns>
    public static IReadOnlyList<IPlanarObstacle> Obstacles() => Obstacles(DrivingRiskLayout.Mixed);

    /// <summary>The obstacles of a layout, in scenario time.</summary>
    /// <param name="layout">The layout.</param>
    /// <returns>A new list.</returns>
    public static IReadOnlyList<IPlanarObstacle> Obstacles(DrivingRiskLayout layout) => layout switch
    {
        DrivingRiskLayout.NarrowGap =>
        [
            new ConvexPolygonObstacle([(4.0, 0.35), (4.4, 0.35), (4.4, 5.0), (4.0, 5.0)]),
            new ConvexPolygonObstacle([(4.0, -5.0), (4.4, -5.0), (4.4, -0.35), (4.0, -0.35)]),
            new CircleObstacle(6.5, 2.2, 0.3, velocityX: 0, velocityY: -0.4),
        ],
        _ =>
        [
            new CircleObstacle(3.0, 0.1, 0.35),
            new ConvexPolygonObstacle([(5.0, -1.0), (5.6, -1.0), (5.6, -0.35), (5.0, -0.35)]),
            new CircleObstacle(7.0, -0.75, 0.3),
            new CircleObstacle(6.5, 2.2, 0.3, velocityX: 0, velocityY: -0.4),
        ],
    };

    /// <summary>Runs one trial.</summary>
    /// <param name="kind">The planner.</param>
    /// <param name="seed">The trial's seed (the uncertainty and the planner's noise come from it).</param>
    /// <param name="observer">Called once per control tick (may be null).</param>
    /// <returns>The outcome.</returns>
    public RiskTrialResult RunTrial(RiskPlannerKind kind, ulong seed, Action<RiskTrialTick>? observer = null)
    {
        var root = new Rng(seed);
        var world = root.Fork("world");
        var sensor = root.Fork("sensor");
        var obstacles = CreateObstacles();
        var gate = CreatePlanner(kind, obstacles, root);

        var truth = new double[4];
        for (int i = 0; i < 4; i++)
        {
            truth[i] = (i == 3 ? 1.0 : 0.0) + (InitialStd[i] * world.NextGaussian());
        }

        double accelerationBias = AccelerationBiasStd * world.NextGaussian();
        double steeringBias = SteeringBiasStd * world.NextGaussian();
        var plant = new KinematicBicycle();
        var input = new double[2];
        var k1 = new double[4];
        var k2 = new double[4];
        var k3 = new double[4];
        var k4 = new double[4];
        var tmp = new double[4];

        // The truth: RK4 with the actuation biases added to the command; the speed cannot go negative.
        void Advance(double time, double h, Span<double> x, ReadOnlySpan<double> command)
        {
            input[0] = command[0] + accelerationBias;
            input[1] = command[1] + steeringBias;
            plant.Derivatives(time, x, input, k1);
            Stage(x, k1, 0.5 * h, tmp);
            plant.Derivatives(time + (0.5 * h), tmp, input, k2);
            Stage(x, k2, 0.5 * h, tmp);
            plant.Derivatives(time + (0.5 * h), tmp, input, k3);
            Stage(x, k3, h, tmp);
            plant.Derivatives(time + h, tmp, input, k4);
            for (int i = 0; i < 4; i++)
            {
                x[i] += h / 6.0 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]);
            }

            x[3] = Math.Max(x[3], 0.0);
        }

        return RiskTrialLoop.Run(gate, kind, Options.MaxReplans, obstacles, truth, Goal, MeasurementStd, sensor,
            TickS, TimeLimitS, GoalToleranceM, FootprintRadiusM, Advance, x => x[3], observer);
    }

    private static void Stage(ReadOnlySpan<double> x, ReadOnlySpan<double> k, double h, Span<double> result)
    {
        for (int i = 0; i < 4; i++)
        {
            result[i] = x[i] + (h * k[i]);
        }
    }

    /// <summary>
    /// Builds one of the three planners of the comparison (MPPI of <see cref="DrivingRiskOptions.MppiSamples"/> rollouts,
    /// the obstacle cost, and the gate; the baselines are the gate switched off): what the trials and the risk-check node
    /// run.
    /// </summary>
    /// <param name="kind">The planner.</param>
    /// <param name="obstacles">The obstacles, in scenario time.</param>
    /// <param name="root">Randomness; the MPPI noise and the check's samples use forks <c>mppi</c> and <c>risk</c>.</param>
    /// <returns>The planner.</returns>
    public RiskGatedPlanner CreatePlanner(RiskPlannerKind kind, IReadOnlyList<IPlanarObstacle> obstacles, Rng root)
    {
        ArgumentNullException.ThrowIfNull(obstacles);
        ArgumentNullException.ThrowIfNull(root);
        var model = new KinematicBicycleDynamics(TickS);
        var obstacleCost = RiskTrialLoop.ObstacleCost(Options, obstacles, kind, FootprintRadiusM);
        var costs = new ICostTerm[]
        {
            new GoalCost { Weight = 1.0, StateWeights = [1, 1, 0, 0] },
            new StateBoundsCost { Weight = 100.0, StateIndices = [3], Lower = [0.0], Upper = [Options.MaxSpeedMS] },
            new ControlEffortCost { Weight = 0.01 },
            obstacleCost,
        };
        var mppi = new MppiController(model, new SamplingMpcOptions
        {
            BatchSize = Options.MppiSamples, Horizon = Options.Horizon, Temperature = Options.Temperature, NoiseStd = [0.6, 0.15],
            ControlMin = [-2.0, -0.4189], ControlMax = [2.0, 0.4189], WarmStart = true,
            Iterations = kind == RiskPlannerKind.RiskChecked ? 1 : Options.MaxReplans + 1,
        }, costs, root.Fork("mppi"));
        var deviation = new GaussianInitialDistribution(new double[6], Matrix.Diagonal(
            MeasurementStd[0] * MeasurementStd[0], MeasurementStd[1] * MeasurementStd[1], MeasurementStd[2] * MeasurementStd[2],
            MeasurementStd[3] * MeasurementStd[3], AccelerationBiasStd * AccelerationBiasStd, SteeringBiasStd * SteeringBiasStd));
        var tracking = new BicyclePlanTrackingDynamics(Options.Horizon);
        return new RiskGatedPlanner(mppi, obstacleCost, obstacles, tracking, deviation,
            RiskTrialLoop.GateOptions(Options, kind, FootprintRadiusM, [-2.0, 0.0]), root.Fork("risk"));
    }
}
