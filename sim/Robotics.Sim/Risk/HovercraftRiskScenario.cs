using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Costs;
using Robotics.Control.Risk;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Randomness;

namespace Robotics.Sim.Risk;

/// <summary>
/// A planar hovercraft with uncertain mass, drag and thrust gain crossing a field of obstacles, closed loop with MPPI on
/// the nominal hovercraft model: the issue-10 hovercraft scenario (same shape as <see cref="DrivingRiskScenario"/>).
/// </summary>
/// <remarks>
/// <para>The craft starts at rest near (0, 0) heading +x and must reach (8, 0) (within 0.3 m) in 20 s. Obstacles between
/// start and goal: discs at (3, 0.15) r 0.4 and (5.5, -0.5) r 0.35 (static), and a disc of r 0.3 crossing from
/// (6.5, 2.5) at 0.35 m/s downwards. Footprint: a disc of 0.25 m.</para>
/// <para>Uncertainty, drawn per trial from the seed: the initial state N(0, diag(0.1², 0.1², 0.05², 0.05², 0.05², 0.02²));
/// the parameters mass ~ N(2, 0.3²) kg (clamped to [1, 3]), drag ~ N(1, 0.25²) N s/m (clamped to [0.3, 2]) and thrust gain
/// ~ N(1, 0.1²) (clamped to [0.7, 1.3]); the controller sees the true state plus fresh noise
/// N(0, diag(0.03², 0.03², 0.02², 0.03², 0.03², 0.02²)) every 0.1 s tick. The planner's model uses the nominal parameters
/// (2 kg, 1 N s/m, gain 1). The truth is <see cref="HovercraftPlant"/> integrated by RK4 at 20 ms.</para>
/// <para>The risk gate's deviation distribution: the estimate noise and the three parameter errors (9-D Gaussian).</para>
/// </remarks>
public sealed class HovercraftRiskScenario
{
    /// <summary>Control period, s.</summary>
    public const double TickS = 0.1;

    /// <summary>Trial length limit, s.</summary>
    public const double TimeLimitS = 20.0;

    /// <summary>Goal tolerance, m.</summary>
    public const double GoalToleranceM = 0.3;

    /// <summary>Footprint radius, m.</summary>
    public const double FootprintRadiusM = 0.25;

    private static readonly double[] InitialStd = [0.1, 0.1, 0.05, 0.05, 0.05, 0.02];
    private static readonly double[] MeasurementStd = [0.03, 0.03, 0.02, 0.03, 0.03, 0.02];
    private const double MassStd = 0.3;
    private const double DragStd = 0.25;
    private const double GainStd = 0.1;
    private static readonly double[] Goal = [8.0, 0.0, 0.0, 0.0, 0.0, 0.0];

    /// <summary>Creates the scenario.</summary>
    /// <param name="options">Planner settings (defaults if null; the layout is ignored).</param>
    public HovercraftRiskScenario(DrivingRiskOptions? options = null)
    {
        Options = options ?? new DrivingRiskOptions();
    }

    /// <summary>The planner settings.</summary>
    public DrivingRiskOptions Options { get; }

    /// <summary>The nominal parameters (the planner's model).</summary>
    public static HovercraftParameters Nominal { get; } = new();

    /// <summary>The obstacles, in scenario time.</summary>
    /// <returns>A new list.</returns>
    public static IReadOnlyList<IPlanarObstacle> Obstacles() =>
    [
        new CircleObstacle(3.0, 0.15, 0.4),
        new CircleObstacle(5.5, -0.5, 0.35),
        new CircleObstacle(6.5, 2.5, 0.3, velocityX: 0, velocityY: -0.35),
    ];

    /// <summary>The true parameters of a trial (drawn from the trial's <c>world</c> fork after the initial state).</summary>
    /// <param name="seed">The trial's seed.</param>
    /// <returns>The parameters.</returns>
    public static HovercraftParameters DrawParameters(ulong seed)
    {
        var world = new Rng(seed).Fork("world");
        for (int i = 0; i < 6; i++)
        {
            world.NextGaussian();
        }

        return DrawParameters(world);
    }

    private static HovercraftParameters DrawParameters(Rng world) => Nominal with
    {
        MassKg = Math.Clamp(Nominal.MassKg + (MassStd * world.NextGaussian()), 1.0, 3.0),
        DragNsM = Math.Clamp(Nominal.DragNsM + (DragStd * world.NextGaussian()), 0.3, 2.0),
        ThrustGain = Math.Clamp(Nominal.ThrustGain + (GainStd * world.NextGaussian()), 0.7, 1.3),
    };

    /// <summary>Runs one trial.</summary>
    /// <param name="kind">The planner.</param>
    /// <param name="seed">The trial's seed (the uncertainty and the planner's noise come from it).</param>
    /// <param name="observer">Called once per control tick (may be null; speed = |v|, the two thrusts in the command fields).</param>
    /// <returns>The outcome.</returns>
    public RiskTrialResult RunTrial(RiskPlannerKind kind, ulong seed, Action<RiskTrialTick>? observer = null)
    {
        var root = new Rng(seed);
        var world = root.Fork("world");
        var sensor = root.Fork("sensor");
        var obstacles = Obstacles();
        var gate = CreatePlanner(kind, obstacles, root);
        var truth = new double[6];
        for (int i = 0; i < 6; i++)
        {
            truth[i] = InitialStd[i] * world.NextGaussian();
        }

        var plant = new HovercraftPlant(DrawParameters(world));
        return RiskTrialLoop.Run(gate, kind, Options.MaxReplans, obstacles, truth, Goal, MeasurementStd, sensor,
            TickS, TimeLimitS, GoalToleranceM, FootprintRadiusM,
            plant.Advance, x => Math.Sqrt((x[3] * x[3]) + (x[4] * x[4])), observer);
    }

    /// <summary>
    /// Builds one of the three planners of the comparison (MPPI on the nominal hovercraft model with
    /// <see cref="DrivingRiskOptions.MppiSamples"/> rollouts, the obstacle cost, and the gate; the baselines are the gate
    /// switched off).
    /// </summary>
    /// <param name="kind">The planner.</param>
    /// <param name="obstacles">The obstacles, in scenario time.</param>
    /// <param name="root">Randomness; the MPPI noise and the check's samples use forks <c>mppi</c> and <c>risk</c>.</param>
    /// <returns>The planner.</returns>
    public RiskGatedPlanner CreatePlanner(RiskPlannerKind kind, IReadOnlyList<IPlanarObstacle> obstacles, Rng root)
    {
        ArgumentNullException.ThrowIfNull(obstacles);
        ArgumentNullException.ThrowIfNull(root);
        var model = new HovercraftMppiDynamics(TickS, Nominal);
        var obstacleCost = RiskTrialLoop.ObstacleCost(Options, obstacles, kind, FootprintRadiusM);
        double vmax = Options.MaxSpeedMS;
        var costs = new ICostTerm[]
        {
            new GoalCost { Weight = 1.0, StateWeights = [1, 1, 0, 0, 0, 0] },
            new StateBoundsCost { Weight = 100.0, StateIndices = [3, 4], Lower = [-vmax, -vmax], Upper = [vmax, vmax] },
            new ControlEffortCost { Weight = 0.01 },
            obstacleCost,
        };
        var mppi = new MppiController(model, new SamplingMpcOptions
        {
            BatchSize = Options.MppiSamples, Horizon = Options.Horizon, Temperature = Options.Temperature, NoiseStd = [0.8, 0.8],
            ControlMin = [Nominal.MinThrustN, Nominal.MinThrustN], ControlMax = [Nominal.MaxThrustN, Nominal.MaxThrustN], WarmStart = true,
            Iterations = kind == RiskPlannerKind.RiskChecked ? 1 : Options.MaxReplans + 1,
        }, costs, root.Fork("mppi"));
        var deviation = new GaussianInitialDistribution(new double[9], Matrix.Diagonal(
            MeasurementStd[0] * MeasurementStd[0], MeasurementStd[1] * MeasurementStd[1], MeasurementStd[2] * MeasurementStd[2],
            MeasurementStd[3] * MeasurementStd[3], MeasurementStd[4] * MeasurementStd[4], MeasurementStd[5] * MeasurementStd[5],
            MassStd * MassStd, DragStd * DragStd, GainStd * GainStd));
        var tracking = new HovercraftPlanTrackingDynamics(Options.Horizon, Nominal);
        return new RiskGatedPlanner(mppi, obstacleCost, obstacles, tracking, deviation,
            RiskTrialLoop.GateOptions(Options, kind, FootprintRadiusM, [0.0, 0.0]), root.Fork("risk"));
    }
}
