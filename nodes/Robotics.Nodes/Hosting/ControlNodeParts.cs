using Robotics.Control.Loop;
using Robotics.Drivers.Hardware;

namespace Robotics.Nodes.Hosting;

/// <summary>
/// What a node's configure step builds: the hardware, controller and reference of its <see cref="ControlLoop"/>, plus
/// optional hooks. The host owns the loop, the lifecycle of the hardware and the parameter plumbing.
/// </summary>
/// <param name="Hardware">The hardware (unconfigured; the host configures, activates and deactivates it).</param>
/// <param name="Controller">The controller.</param>
/// <param name="Reference">The reference source.</param>
public sealed record ControlNodeParts(IHardwareComponent Hardware, IController Controller, IReferenceSource Reference)
{
    /// <summary>Sees every tick (publish state here; must not allocate). While the node is inactive the command is the safe command.</summary>
    public IControlLoopObserver? Observer { get; init; }

    /// <summary>
    /// Called at a tick boundary after parameters changed (names given); return a new controller to use from this tick
    /// on, or null to keep the current one. Runs on the control thread; may allocate (only when parameters change).
    /// </summary>
    public Func<IReadOnlyList<string>, IController?>? RebuildController { get; init; }

    /// <summary>Like <see cref="RebuildController"/>, for the reference source.</summary>
    public Func<IReadOnlyList<string>, IReferenceSource?>? RebuildReference { get; init; }

    /// <summary>Called at a tick boundary after parameters changed (after the rebuild hooks).</summary>
    public Action<IReadOnlyList<string>>? OnParametersChanged { get; init; }

    /// <summary>The driver's link state for <c>/diagnostics</c> (e.g. <c>ok</c>, <c>reconnecting</c>); null shows <c>n/a</c>.</summary>
    public Func<string>? LinkState { get; init; }

    /// <summary>Called on cleanup and shutdown, after the loop stopped: dispose publishers and subscriptions here.</summary>
    public Action? Cleanup { get; init; }

    /// <summary>Read failures tolerated (last good state reused) before the loop writes the safe command. Default 5.</summary>
    public int ReadFaultToleranceTicks { get; init; } = 5;
}
