using System.Runtime.CompilerServices;
using Robotics.Control.Racing;
using Robotics.Control.References;
using Robotics.Core.Parameters;
using Robotics.Core.Randomness;
using Robotics.Nodes.Hosting;
using Robotics.Nodes.Parameters;
using Robotics.Nodes.Tuning;
using Robotics.Sim.Hardware;
using Robotics.Sim.Racing;

namespace Robotics.Nodes.Racing;

/// <summary>
/// <c>robotics/racing_mpc_node</c>: the racing car (Frenet kinematic bicycle on the default track, simulated) driven by
/// <see cref="RacingMpcController"/> as a managed node, with the LLM tuning adapter (MPCxLLM + DecisionxLLM) in the
/// same process: <c>~/instruction</c> in, <c>~/tuning_decisions</c> out, <c>~/tuning_rollback</c>.
/// </summary>
/// <remarks>
/// The paper's tunable table (qv, qn, qalpha, qac, qddelta, alat_max, a_min, a_max, v_min, v_max, track_safety_margin)
/// are ordinary writable node parameters (ros2 param set works on them); the adapter uses the same validated path
/// atomically, and the host applies the values at the next tick boundary.
/// </remarks>
public sealed class RacingMpcNodeExecutable : INodeExecutable
{
    private static readonly ConditionalWeakTable<NodeParameters, RacingTuningComponent> s_components = new();

    /// <inheritdoc />
    public string Package => "robotics";

    /// <inheritdoc />
    public string Name => "racing_mpc_node";

    /// <inheritdoc />
    public string Description => "Racing car (Frenet bicycle, simulated) on MPPI with the LLM tuning adapter (~/instruction, ~/tuning_decisions).";

    /// <summary>Node parameters: the controller's plus the language model settings.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        .. RacingMpcController.Parameters,
        ParameterDescriptor.Double("initial_speed_m_s", 1.0, "m/s", "Initial speed of the simulated car.", -5, 10, readOnly: true),
        ParameterDescriptor.Integer("seed", 1, "", "Seed of the simulated sensor noise.", 0, long.MaxValue, readOnly: true),
        ParameterDescriptor.String("llm.endpoint", "", "OpenAI-compatible base URL (e.g. http://127.0.0.1:11434/v1); empty or none = no model.", readOnly: true),
        ParameterDescriptor.String("llm.model", "default", "Model name served by the endpoint.", readOnly: true),
        ParameterDescriptor.Double("llm.timeout_s", 10, "s", "Timeout per model call attempt.", 0.1, 600, readOnly: true),
        ParameterDescriptor.Double("decision_period_s", 0, "s", "Period of the DecisionxLLM check of the standing instruction; 0 = off.", 0, 3600, readOnly: true),
    ];

    /// <summary>The node definition.</summary>
    public static ControlNodeDefinition Definition { get; } = new()
    {
        DefaultName = "racing",
        DefaultRateHz = 20,
        DefaultHardwareId = "sim",
        Parameters = Parameters,
        Configure = Configure,
    };

    /// <summary>Optional factory of the model client (tests inject a stalled one); null = from llm.* parameters.</summary>
    public static Func<NodeParameters, ResilientLanguageModel>? ModelFactory { get; set; }

    /// <summary>The tuning component of a configured node (by its parameters), or null.</summary>
    public static RacingTuningComponent? TuningOf(NodeParameters parameters) =>
        s_components.TryGetValue(parameters, out var c) ? c : null;

    /// <inheritdoc />
    public Task<int> RunAsync(IReadOnlyList<string> args, NodeRunContext context, CancellationToken cancellationToken) =>
        ManagedControlNode.RunExecutableAsync(args, context, Definition, cancellationToken);

    private static ControlNodeParts Configure(ControlNodeConfigureContext ctx)
    {
        var p = ctx.Parameters;
        var track = TrackProfile.Default;
        var plant = new FrenetRacingPlant(track, p.GetDouble("wheelbase_m"));
        var hardware = new SimHardware(plant, [0, 0, 0, p.GetDouble("initial_speed_m_s"), 0], new SimHardwareOptions(), new Rng(checked((ulong)p.GetInteger("seed"))));
        var controller = new RacingMpcController(p.ToParameterSet(""), track);
        var observer = new RacingStateObserver(track.HalfWidthM);
        var model = ModelFactory?.Invoke(p) ?? CreateModel(p);
        var tuning = new RacingTuningComponent(ctx.Node, p, observer, model, ctx.Clock, p.GetDouble("decision_period_s"), ctx.Logger);
        s_components.AddOrUpdate(p, tuning);
        var tunable = new HashSet<string>([.. RacingMpcController.TunableNames, "q_adv"], StringComparer.Ordinal);
        return new ControlNodeParts(hardware, controller, new ConstantReference(0, 0, 0, 0, 0))
        {
            Observer = observer,
            OnParametersChanged = names =>
            {
                if (names.Any(tunable.Contains)) controller.ApplyParameters(p.ToParameterSet(""));
            },
            LinkState = () => tuning.Session.IsConfigured ? "simulated; language model configured" : "simulated; no language model",
            Cleanup = () =>
            {
                s_components.Remove(p);
                tuning.Dispose();
            },
        };
    }

    private static ResilientLanguageModel CreateModel(NodeParameters p)
    {
        string endpoint = p.GetString("llm.endpoint");
        var options = new LanguageModelOptions
        {
            Endpoint = endpoint.Length == 0 || endpoint == "none" ? null : new Uri(endpoint),
            Model = p.GetString("llm.model"),
            AttemptTimeout = TimeSpan.FromSeconds(p.GetDouble("llm.timeout_s")),
        };
        options.Validate();
        return new ResilientLanguageModel(ResilientLanguageModel.CreateOpenAiCompatible(options), options);
    }
}
