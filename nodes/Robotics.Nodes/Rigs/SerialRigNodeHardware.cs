using Robotics.Core.Time;
using Robotics.Drivers.Hardware;
using Robotics.Drivers.Serial;

namespace Robotics.Nodes.Rigs;

/// <summary>
/// The serial rig as the node host sees it: the driver (<see cref="SerialRigHardware"/>) with the node's safe-state
/// policy for a lost link, so a fault leads to the safe state and a resume instead of a deactivated node.
/// </summary>
/// <remarks>
/// <para>While the link is up this forwards everything. While it is down (unplug, stall, receive timeout) <c>Read</c>
/// fails, so the control loop reuses the last state for a few ticks and then writes the safe command; <c>Write</c>
/// then reports success although nothing can be sent (counted in <see cref="DroppedCommands"/>): the rig is already
/// safe by its own command watchdog, and after every reconnect the supervisor sends the safe command before anything
/// else. A refused write while the link is up is still an error (the host deactivates the node).</para>
/// <para>Read and Write do not allocate and never throw.</para>
/// </remarks>
public sealed class SerialRigNodeHardware : IHardwareComponent, IDisposable
{
    private long _dropped;

    /// <summary>Wraps a driver (the wrapper owns and disposes it).</summary>
    /// <param name="rig">The driver.</param>
    public SerialRigNodeHardware(SerialRigHardware rig) => Rig = rig ?? throw new ArgumentNullException(nameof(rig));

    /// <summary>The wrapped driver.</summary>
    public SerialRigHardware Rig { get; }

    /// <summary>Commands not sent because the link was down.</summary>
    public long DroppedCommands => Interlocked.Read(ref _dropped);

    /// <inheritdoc/>
    public string Name => Rig.Name;

    /// <inheritdoc/>
    public HardwareInterfaceInfo Interfaces => Rig.Interfaces;

    /// <inheritdoc/>
    public HardwareLifecycleState LifecycleState => Rig.LifecycleState;

    /// <inheritdoc/>
    public HardwareResult Configure() => Rig.Configure();

    /// <inheritdoc/>
    public HardwareResult Activate() => Rig.Activate();

    /// <inheritdoc/>
    public HardwareResult Deactivate()
    {
        var r = Rig.Deactivate();
        // Deactivating with the link down: the firmware watchdog already holds the safe state.
        return r == HardwareResult.Ok || !LinkUp ? HardwareResult.Ok : r;
    }

    private bool LinkUp => Rig.Supervisor.State == RigConnectionState.Connected && Rig.Supervisor.Session is { IsConnected: true };

    /// <inheritdoc/>
    public HardwareResult Read(SimTime now, SimTime period, Span<double> state) => Rig.Read(now, period, state);

    /// <inheritdoc/>
    public HardwareResult Write(SimTime now, SimTime period, ReadOnlySpan<double> command)
    {
        var r = Rig.Write(now, period, command);
        // The session, not the supervisor state: the supervisor thread notices a lost session up to a few ms later.
        if (r == HardwareResult.Ok || Rig.LifecycleState != HardwareLifecycleState.Active || LinkUp) return r;
        Interlocked.Increment(ref _dropped);
        return HardwareResult.Ok;
    }

    /// <summary>Sends the safe command if possible and stops the supervisor.</summary>
    public void Dispose() => Rig.Dispose();
}
