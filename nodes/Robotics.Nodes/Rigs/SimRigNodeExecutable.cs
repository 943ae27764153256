using Robotics.Control.Loop;
using Robotics.Core.Parameters;
using Robotics.Core.Randomness;
using Robotics.Nodes.Hosting;
using Robotics.Nodes.Parameters;
using Robotics.Sim.Hardware;
using Robotics.Sim.Plants;
using Robotics.Sim.Scenarios;

namespace Robotics.Nodes.Rigs;

/// <summary>
/// <c>robotics/sim_rig_node</c>: a simulated rig and its controller in one managed node - SimHardware over a catalog
/// plant, a catalog controller (PID, LQR, …) and reference, run by the node host at <c>rate_hz</c>.
/// </summary>
/// <remarks>
/// <para>Parameters: <c>plant_type</c>, <c>controller_type</c>, <c>reference_type</c> (read-only, catalog names),
/// <c>initial_state</c>, <c>seed</c>, then the chosen components' parameters under <c>plant.</c>, <c>sim.</c>
/// (SimHardwareOptions; read-only), <c>controller.</c> and <c>reference.</c> (settable at run time: the controller or
/// reference is rebuilt at the next tick boundary, so a PID's integrator restarts from zero).</para>
/// <para>Topics: <c>~/state</c>, <c>~/reference</c>, <c>~/command</c> (see <see cref="RigTopicsObserver"/>).</para>
/// <para>One node holds both the rig and the controller so a tick is read -> control -> write with no transport
/// latency in the loop; a rig driven by an external controller node is a matter of a topic-backed controller.</para>
/// </remarks>
public sealed class SimRigNodeExecutable : INodeExecutable
{
    /// <inheritdoc/>
    public string Package => "robotics";

    /// <inheritdoc/>
    public string Name => "sim_rig_node";

    /// <inheritdoc/>
    public string Description => "Simulated rig (catalog plant on SimHardware) with its controller (PID/LQR) as one managed node.";

    /// <summary>The node's static parameters (the component parameters follow from the chosen types).</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        ParameterDescriptor.String("plant_type", MassSpringDamper.PlantTypeName, "Plant from the scenario catalog (e.g. mass_spring_damper, pendulum, blimp).", readOnly: true),
        ParameterDescriptor.String("controller_type", "pid", "Controller from the scenario catalog (pid, lqr, trajectory_tracking).", readOnly: true),
        ParameterDescriptor.String("reference_type", "constant", "Reference from the scenario catalog (constant, step, sine, …).", readOnly: true),
        ParameterDescriptor.DoubleArray("initial_state", [], "", "Initial plant state, one value per state; empty = zeros.", readOnly: true),
        ParameterDescriptor.Integer("seed", 1, "", "Seed of the simulated sensor noise.", 0, long.MaxValue, readOnly: true),
    ];

    /// <summary>The node definition (also usable directly with <see cref="ManagedControlNode"/> in tests).</summary>
    public static ControlNodeDefinition Definition { get; } = new()
    {
        DefaultName = "sim_rig",
        DefaultRateHz = 100,
        DefaultHardwareId = "sim",
        Parameters = Parameters,
        DynamicParameters = DeclareComponents,
        Configure = Configure,
    };

    /// <inheritdoc/>
    public Task<int> RunAsync(IReadOnlyList<string> args, NodeRunContext context, CancellationToken cancellationToken) =>
        ManagedControlNode.RunExecutableAsync(args, context, Definition, cancellationToken);

    private static IReadOnlyList<ParameterDescriptor> DeclareComponents(NodeParameters p)
    {
        var plant = FindPlant(p);
        var controller = FindController(p);
        var reference = FindReference(p);
        var list = new List<ParameterDescriptor>();
        list.AddRange(Prefixed("plant.", plant.Parameters, readOnly: true));
        list.AddRange(Prefixed("sim.", SimHardwareOptions.Parameters, readOnly: true));
        list.AddRange(Prefixed("controller.", controller.Parameters, readOnly: false));
        list.AddRange(Prefixed("reference.", reference.Parameters, readOnly: false));
        return list;
    }

    private static ControlNodeParts Configure(ControlNodeConfigureContext ctx)
    {
        var p = ctx.Parameters;
        IPlant plant = FindPlant(p).Create(p.ToParameterSet("plant."));
        var initial = p.Get("initial_state").AsDoubleArray().ToArray();
        if (initial.Length == 0) initial = new double[plant.StateSize];
        var rng = new Rng(checked((ulong)p.GetInteger("seed")));
        var hardware = new SimHardware(plant, initial, SimHardwareOptions.FromParameters(p.ToParameterSet("sim.")), rng);
        IReferenceSource BuildReference() => FindReference(p).Create(p.ToParameterSet("reference."));
        var reference = BuildReference();
        IController BuildController() =>
            FindController(p).Create(new ControllerBuildContext(p.ToParameterSet("controller."), plant, ctx.Period, reference.Size));
        var controller = BuildController();
        var observer = new RigTopicsObserver(ctx.Node, ctx.Clock, plant.StateNames, reference.Size, plant.InputSize);
        return new ControlNodeParts(hardware, controller, reference)
        {
            Observer = observer,
            RebuildController = names => names.Any(n => n.StartsWith("controller.", StringComparison.Ordinal)) ? BuildController() : null,
            RebuildReference = names => names.Any(n => n.StartsWith("reference.", StringComparison.Ordinal)) ? BuildReference() : null,
            LinkState = () => "simulated",
            Cleanup = observer.Dispose,
        };
    }

    private static IEnumerable<ParameterDescriptor> Prefixed(string prefix, IReadOnlyList<ParameterDescriptor> descriptors, bool readOnly) =>
        descriptors.Select(d => new ParameterDescriptor(prefix + d.Name, d.Type, d.DefaultValue, d.Description, d.Unit, d.Minimum, d.Maximum,
            readOnly || d.ReadOnly, d.ArrayLength));

    private static PlantCatalogEntry FindPlant(NodeParameters p) =>
        ScenarioCatalog.FindPlant(p.GetString("plant_type")) ?? throw Unknown("plant_type", p.GetString("plant_type"), ScenarioCatalog.Plants);

    private static ControllerCatalogEntry FindController(NodeParameters p) =>
        ScenarioCatalog.FindController(p.GetString("controller_type")) ?? throw Unknown("controller_type", p.GetString("controller_type"), ScenarioCatalog.Controllers);

    private static ReferenceCatalogEntry FindReference(NodeParameters p) =>
        ScenarioCatalog.FindReference(p.GetString("reference_type")) ?? throw Unknown("reference_type", p.GetString("reference_type"), ScenarioCatalog.References);

    private static ArgumentException Unknown<T>(string parameter, string value, IReadOnlyList<T> known) where T : ICatalogEntry =>
        new($"parameter '{parameter}' = '{value}' is not in the catalog; use one of: {string.Join(", ", known.Select(k => k.TypeName))}.");
}
