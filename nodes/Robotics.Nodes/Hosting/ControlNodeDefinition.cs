using Robotics.Core.Parameters;
using Robotics.Nodes.Parameters;

namespace Robotics.Nodes.Hosting;

/// <summary>What a managed control node is: its default name, its parameters and how to build its loop.</summary>
public sealed record ControlNodeDefinition
{
    /// <summary>Default node name (lower_snake); <c>-r __node:=…</c> renames it.</summary>
    public required string DefaultName { get; init; }

    /// <summary>Default namespace; <c>-r __ns:=…</c> changes it. Default <c>/</c>.</summary>
    public string DefaultNamespace { get; init; } = "";

    /// <summary>Default of the read-only host parameter <c>rate_hz</c>. Default 100 Hz.</summary>
    public double DefaultRateHz { get; init; } = 100;

    /// <summary>Default of the host parameter <c>hardware_id</c> (shown in <c>/diagnostics</c>). Default <c>none</c>.</summary>
    public string DefaultHardwareId { get; init; } = "none";

    /// <summary>The node's own parameters (declared next to the host's).</summary>
    public IReadOnlyList<ParameterDescriptor> Parameters { get; init; } = [];

    /// <summary>
    /// More parameters that depend on the values of the first ones (e.g. the parameters of the plant type chosen by
    /// <c>plant_type</c>); called once at start-up after the params files and <c>-p</c> were applied to the first ones.
    /// </summary>
    public Func<NodeParameters, IReadOnlyList<ParameterDescriptor>>? DynamicParameters { get; init; }

    /// <summary>Builds the loop's parts on the <c>configure</c> transition; throw <see cref="ArgumentException"/> to refuse (the message is logged).</summary>
    public required Func<ControlNodeConfigureContext, ControlNodeParts> Configure { get; init; }
}
