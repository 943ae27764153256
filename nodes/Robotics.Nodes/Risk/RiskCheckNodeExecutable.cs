using System.Globalization;
using Robotics.Control.Risk;
using Robotics.Control.References;
using Robotics.Core.Parameters;
using Robotics.Core.Randomness;
using Robotics.Nodes.Hosting;
using Robotics.Nodes.Parameters;
using Robotics.Sim.Hardware;
using Robotics.Sim.Plants;
using Robotics.Sim.Risk;

namespace Robotics.Nodes.Risk;

/// <summary>
/// <c>robotics/risk_check_node</c>: the density-based risk check of issue 10 as a managed node. A simulated kinematic
/// bicycle (F1TENTH scale, noisy state estimate) is driven by MPPI toward a goal among obstacles; every plan the MPC makes
/// in-process is checked by the Liouville density propagation (<see cref="RiskGatedPlanner"/>): passed, or rejected and
/// replanned around, with the least risky plan applied when none passes. The risk of each applied plan is published.
/// </summary>
/// <remarks>
/// <para>Parameters (read-only): <c>layout</c> (<c>driving</c>, <c>driving-gap</c> or <c>none</c>: the obstacles of the
/// benchmark scenarios), <c>extra_boxes</c> (more axis-aligned boxes, 4 values each: x_min, y_min, x_max, y_max, m),
/// <c>planner</c> (<c>risk_gate</c>, <c>no_risk</c> or <c>inflated</c>), <c>threshold</c>, <c>risk_samples</c>,
/// <c>max_replans</c>, <c>initial_state</c> [x, y, yaw, v], <c>goal</c> [x, y], <c>sensor_noise_std</c> (per state),
/// <c>seed</c>. The rate must be 10 Hz (the MPC step is 0.1 s and the gate decides once per step).</para>
/// <para>Topics: <c>~/risk</c>, <c>~/step_risk</c>, <c>~/state</c>, <c>~/reference</c>, <c>~/command</c>
/// (see <see cref="RiskTopicsObserver"/>).</para>
/// </remarks>
public sealed class RiskCheckNodeExecutable : INodeExecutable
{
    /// <inheritdoc/>
    public string Package => "robotics";

    /// <inheritdoc/>
    public string Name => "risk_check_node";

    /// <inheritdoc/>
    public string Description => "Density-based collision-risk check of every MPC plan (simulated bicycle among obstacles); publishes ~/risk per plan.";

    /// <summary>The node's parameters.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        ParameterDescriptor.String("layout", "driving", "Obstacles: driving, driving-gap (the benchmark scenarios) or none.", readOnly: true),
        ParameterDescriptor.DoubleArray("extra_boxes", [], "m", "More box obstacles, 4 values each: x_min, y_min, x_max, y_max.", readOnly: true),
        ParameterDescriptor.String("planner", "risk_gate", "risk_gate (checked), no_risk (unchecked) or inflated (unchecked, obstacles inflated).", readOnly: true),
        ParameterDescriptor.Double("threshold", 2e-3, "", "A plan passes when its collision probability is at most this.", 0.0, 1.0, readOnly: true),
        ParameterDescriptor.Integer("risk_samples", 1000, "", "Density-weighted samples per check.", 10, 100_000, readOnly: true),
        ParameterDescriptor.Integer("max_replans", 3, "", "Replans per tick after a rejection.", 0, 20, readOnly: true),
        ParameterDescriptor.DoubleArray("initial_state", [0.0, 0.0, 0.0, 1.0], "", "Initial state of the simulated car [x_m, y_m, yaw_rad, speed_m_s].", 4, readOnly: true),
        ParameterDescriptor.DoubleArray("goal", [8.0, 0.0], "m", "Goal position [x, y].", 2, readOnly: true),
        ParameterDescriptor.DoubleArray("sensor_noise_std", [0.03, 0.03, 0.02, 0.03], "", "Standard deviation of the state-estimate noise per state.", 4, 0.0, 10.0, readOnly: true),
        ParameterDescriptor.Integer("seed", 1, "", "Seed of the sensor noise, the MPPI noise and the check's samples.", 0, long.MaxValue, readOnly: true),
    ];

    /// <summary>The node definition (also usable directly with <see cref="ManagedControlNode"/> in tests).</summary>
    public static ControlNodeDefinition Definition { get; } = new()
    {
        DefaultName = "risk_check",
        DefaultRateHz = 10,
        DefaultHardwareId = "sim_bicycle",
        Parameters = Parameters,
        Configure = Configure,
    };

    /// <inheritdoc/>
    public Task<int> RunAsync(IReadOnlyList<string> args, NodeRunContext context, CancellationToken cancellationToken) =>
        ManagedControlNode.RunExecutableAsync(args, context, Definition, cancellationToken);

    private static ControlNodeParts Configure(ControlNodeConfigureContext ctx)
    {
        var p = ctx.Parameters;
        if (Math.Abs(ctx.Period.Seconds - DrivingRiskScenario.TickS) > 1e-9)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"parameter 'rate_hz' = {1.0 / ctx.Period.Seconds:0.###} Hz: the risk gate decides once per MPC step of {DrivingRiskScenario.TickS} s; set rate_hz:=10."));
        }

        var obstacles = new List<IPlanarObstacle>(p.GetString("layout") switch
        {
            "driving" => DrivingRiskScenario.Obstacles(DrivingRiskLayout.Mixed),
            "driving-gap" => DrivingRiskScenario.Obstacles(DrivingRiskLayout.NarrowGap),
            "none" => [],
            var other => throw new ArgumentException($"parameter 'layout' = '{other}' is not known; use driving, driving-gap or none."),
        });
        ReadOnlySpan<double> boxes = p.Get("extra_boxes").AsDoubleArray();
        if (boxes.Length % 4 != 0)
        {
            throw new ArgumentException($"parameter 'extra_boxes' has {boxes.Length} values; give 4 per box (x_min, y_min, x_max, y_max).");
        }

        for (int i = 0; i < boxes.Length; i += 4)
        {
            double x0 = boxes[i], y0 = boxes[i + 1], x1 = boxes[i + 2], y1 = boxes[i + 3];
            if (!(x1 > x0) || !(y1 > y0))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"parameter 'extra_boxes', box {i / 4}: need x_max > x_min and y_max > y_min, got [{x0}, {y0}, {x1}, {y1}]."));
            }

            obstacles.Add(new ConvexPolygonObstacle([(x0, y0), (x1, y0), (x1, y1), (x0, y1)]));
        }

        var kind = p.GetString("planner") switch
        {
            "risk_gate" => RiskPlannerKind.RiskChecked,
            "no_risk" => RiskPlannerKind.NoRisk,
            "inflated" => RiskPlannerKind.Inflated,
            var other => throw new ArgumentException($"parameter 'planner' = '{other}' is not known; use risk_gate, no_risk or inflated."),
        };
        var scenario = new DrivingRiskScenario(new DrivingRiskOptions
        {
            Threshold = p.GetDouble("threshold"),
            RiskSamples = checked((int)p.GetInteger("risk_samples")),
            MaxReplans = checked((int)p.GetInteger("max_replans")),
        });
        var root = new Rng(checked((ulong)p.GetInteger("seed")));
        var controller = new RiskGatedController(scenario.CreatePlanner(kind, obstacles, root.Fork("planner")));
        var plant = new KinematicBicycle();
        var hardware = new SimHardware(plant, p.Get("initial_state").AsDoubleArray(),
            new SimHardwareOptions { SensorNoiseStd = p.Get("sensor_noise_std").AsDoubleArray().ToArray(), Name = "sim_bicycle", SafeCommand = [-2.0, 0.0] },
            root.Fork("hardware"));
        ReadOnlySpan<double> goal = p.Get("goal").AsDoubleArray();
        var reference = new ConstantReference(goal[0], goal[1], 0.0, 0.0);
        var observer = new RiskTopicsObserver(ctx.Node, ctx.Clock, controller, plant.StateNames, scenario.Options.Horizon);
        return new ControlNodeParts(hardware, controller, reference)
        {
            Observer = observer,
            LinkState = () => "simulated",
            Cleanup = observer.Dispose,
        };
    }
}
