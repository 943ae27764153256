using Robotics.Control.Loop;
using Robotics.Core.Parameters;
using Robotics.Drivers.Serial;
using Robotics.Drivers.Hasel;
using Robotics.Drivers.Tendon;
using Robotics.Nodes.Hosting;
using Robotics.Nodes.Parameters;
using Robotics.Ros.Interfaces.DiagnosticMsgs;
using Builtin = Robotics.Ros.Interfaces.BuiltinInterfaces;
using StdMsgs = Robotics.Ros.Interfaces.StdMsgs;

namespace Robotics.Nodes.Rigs;

/// <summary>
/// <c>robotics/serial_rig_node</c>: a soft-actuator rig (tendon or HASEL) on a serial port through the real serial stack
/// (<see cref="PosixTtyLink"/> by default on Linux, or <see cref="SerialPortLink"/>; <see cref="RigSupervisor"/> with its
/// Polly reconnect pipeline), its controller (the PID baseline or the Newton NPC) tracking the rig's figure eight, run
/// by the node host at <c>rate_hz</c>.
/// </summary>
/// <remarks>
/// <para>Parameters (read-only): <c>rig</c> (tendon|hasel), <c>port</c> (device path or the emulator's stable symlink),
/// <c>link</c> (auto|posix|serialport), <c>controller</c> (pid|npc), <c>settle_s</c> (hold at the path start before the
/// figure eight), <c>attempt_timeout_s</c> (Polly per-attempt timeout covering open + HELLO), <c>receive_timeout_s</c>
/// (no frame for this long = link lost), <c>offline_retry_s</c> (pause after a failed retry round).</para>
/// <para>Topics: <c>~/state</c>, <c>~/reference</c>, <c>~/command</c> (<see cref="RigTopicsObserver"/>); on
/// <c>/diagnostics</c> the host's control-loop status and this node's <c>"&lt;node&gt;: serial link"</c> status
/// (<see cref="SerialLinkHealth"/>) every <c>diagnostics_period_s</c>.</para>
/// <para>Safe-state policy (<see cref="SerialRigNodeHardware"/>): a lost link fails reads, so the loop reuses the last
/// state for a few ticks and then writes the safe command; the firmware's command watchdog holds its actuators safe; the
/// supervisor reconnects and sends the safe command first; then reads succeed and the controller resumes, without a
/// lifecycle transition.</para>
/// </remarks>
public sealed class SerialRigNodeExecutable : INodeExecutable
{
    /// <inheritdoc/>
    public string Package => "robotics";

    /// <inheritdoc/>
    public string Name => "serial_rig_node";

    /// <inheritdoc/>
    public string Description => "Soft-actuator rig (tendon/HASEL) over the serial stack with PID or Newton NPC; link statistics on /diagnostics.";

    /// <summary>The node's parameters.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        ParameterDescriptor.String("rig", "tendon", "Rig type: tendon or hasel (the firmware's HELLO must match).", readOnly: true),
        ParameterDescriptor.String("port", "", "Serial device path, e.g. /dev/ttyUSB0 or the path rig emulate prints.", readOnly: true),
        ParameterDescriptor.String("link", "auto", "Serial link: auto (posix on Linux), posix (raw termios) or serialport (System.IO.Ports).", readOnly: true),
        ParameterDescriptor.String("controller", "pid", "Controller: pid (inverse-kinematics PI baseline) or npc (Newton NPC).", readOnly: true),
        ParameterDescriptor.Double("settle_s", 1.0, "s", "Hold at the path start before the figure eight.", 0.0, 60.0, readOnly: true),
        ParameterDescriptor.Double("attempt_timeout_s", 1.0, "s", "Per-attempt timeout of the reconnect pipeline (open + HELLO).", 0.05, 30.0, readOnly: true),
        ParameterDescriptor.Double("receive_timeout_s", 0.2, "s", "No frame for this long = link lost.", 0.02, 30.0, readOnly: true),
        ParameterDescriptor.Double("offline_retry_s", 1.0, "s", "Pause after a failed retry round before the next round.", 0.05, 600.0, readOnly: true),
    ];

    /// <summary>The node definition (also usable directly with <see cref="ManagedControlNode"/> in tests).</summary>
    public static ControlNodeDefinition Definition { get; } = new()
    {
        DefaultName = "serial_rig",
        DefaultRateHz = 200,
        DefaultHardwareId = "serial",
        Parameters = Parameters,
        Configure = Configure,
    };

    /// <inheritdoc/>
    public Task<int> RunAsync(IReadOnlyList<string> args, NodeRunContext context, CancellationToken cancellationToken) =>
        ManagedControlNode.RunExecutableAsync(args, context, Definition, cancellationToken);

    private static ControlNodeParts Configure(ControlNodeConfigureContext ctx)
    {
        var p = ctx.Parameters;
        string port = p.GetString("port");
        if (port.Length == 0)
            throw new ArgumentException("parameter 'port' is empty; set it to the serial device (e.g. port:=/dev/ttyUSB0 or the path './robotics rig emulate tendon' prints).");
        RigType rig = p.GetString("rig") switch
        {
            "tendon" => RigType.Tendon,
            "hasel" => RigType.Hasel,
            var other => throw new ArgumentException($"parameter 'rig' = '{other}' is not a rig; use tendon or hasel."),
        };
        SerialLinkKind link = p.GetString("link") switch
        {
            "auto" => SerialLinkKind.Auto,
            "posix" => SerialLinkKind.Posix,
            "serialport" => SerialLinkKind.SerialPort,
            var other => throw new ArgumentException($"parameter 'link' = '{other}' is not a link; use auto, posix or serialport."),
        };
        SerialRigControllerKind kind = p.GetString("controller") switch
        {
            "pid" => SerialRigControllerKind.Pid,
            "npc" => SerialRigControllerKind.Npc,
            var other => throw new ArgumentException($"parameter 'controller' = '{other}' is not a controller; use pid or npc."),
        };
        var supervisorOptions = new RigSupervisorOptions
        {
            PortName = port,
            Link = new SerialLinkOptions { Kind = link },
            AttemptTimeout = TimeSpan.FromSeconds(p.GetDouble("attempt_timeout_s")),
            ReceiveTimeout = TimeSpan.FromSeconds(p.GetDouble("receive_timeout_s")),
            OfflineRetryInterval = TimeSpan.FromSeconds(p.GetDouble("offline_retry_s")),
        };
        string name = ctx.Node.Name;
        SerialRigHardware driver = rig == RigType.Tendon ? new TendonRig(supervisorOptions, null, name) : new HaselRig(supervisorOptions, null, name);
        var hardware = new SerialRigNodeHardware(driver);
        var path = SerialRigFigureEight.PathFor(rig, p.GetDouble("settle_s"));
        int stateSize = driver.Interfaces.StateInterfaces.Count;
        var (controller, reference) = SerialRigFigureEight.ControllerFor(kind, rig, path, stateSize, ctx.Period.Seconds);
        var observer = new RigTopicsObserver(ctx.Node, ctx.Clock, [.. driver.Interfaces.StateInterfaces], reference.Size, controller.CommandSize);

        var diagnostics = ctx.Node.CreatePublisher<DiagnosticArray>("/diagnostics", 10);
        RigLinkSnapshot? previous = null;
        string statusName = ctx.Node.FullyQualifiedName;
        void Publish()
        {
            var now = driver.Statistics.Snapshot();
            var status = SerialLinkHealth.Assess(statusName, port, driver.Supervisor.State, now, previous, hardware.DroppedCommands);
            previous = now;
            long ns = (ctx.Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
            diagnostics.Publish(new DiagnosticArray
            {
                Header = new StdMsgs.Header { Stamp = new Builtin.Time { Sec = (int)(ns / 1_000_000_000), Nanosec = (uint)(ns % 1_000_000_000) } },
                Status = [status],
            });
        }

        double periodSeconds = p.Find(ManagedControlNode.DiagnosticsPeriodParameter)?.AsDouble() ?? 1.0;
        var timer = ctx.Node.CreateTimer(TimeSpan.FromSeconds(periodSeconds), Publish);
        driver.Supervisor.EventRaised += e => ctx.Logger.Information("serial link: {Kind} {State}: {Message}", e.Kind, e.State, e.Message);
        return new ControlNodeParts(hardware, controller, reference)
        {
            Observer = observer,
            LinkState = () => driver.Supervisor.State.ToString(),
            Cleanup = () =>
            {
                timer.Dispose();
                diagnostics.Dispose();
                observer.Dispose();
                hardware.Dispose();
            },
        };
    }
}
