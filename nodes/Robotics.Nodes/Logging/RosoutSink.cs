using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using Serilog.Core;
using Serilog.Events;
using Builtin = Robotics.Ros.Interfaces.BuiltinInterfaces;
using Rcl = Robotics.Ros.Interfaces.RclInterfaces;

namespace Robotics.Nodes.Logging;

/// <summary>
/// A Serilog sink that publishes every event on <c>/rosout</c> as <c>rcl_interfaces/msg/Log</c> with the node's logger
/// name (<c>/rig/controller</c> -> <c>rig.controller</c>), as rcl's rosout logging does, so <c>ros2 topic echo /rosout</c>
/// and rqt_console show the node's log.
/// </summary>
/// <remarks>QoS as rcl: KEEP_LAST 1000, RELIABLE, TRANSIENT_LOCAL, lifespan 10 s. Allocates per event (logging is not on the tick path).</remarks>
public sealed class RosoutSink : ILogEventSink, IDisposable
{
    private readonly object _gate = new();
    private readonly Publisher<Rcl.Log> _publisher;
    private bool _disposed;

    /// <summary>Creates the <c>/rosout</c> publisher on <paramref name="node"/>.</summary>
    /// <param name="node">The node whose name the events carry.</param>
    public RosoutSink(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        LoggerName = LoggerNameOf(node.FullyQualifiedName);
        _publisher = node.CreatePublisher<Rcl.Log>("/rosout", QosProfile.TransientLocal(1000) with { Lifespan = TimeSpan.FromSeconds(10) });
    }

    /// <summary>The logger name carried in <c>Log.name</c>.</summary>
    public string LoggerName { get; }

    /// <summary>rcl's logger name of a node: the fully qualified name without the leading '/', '/' replaced by '.'.</summary>
    /// <param name="fullyQualifiedName">E.g. <c>/rig/controller</c>.</param>
    /// <returns>E.g. <c>rig.controller</c>.</returns>
    public static string LoggerNameOf(string fullyQualifiedName) => fullyQualifiedName.TrimStart('/').Replace('/', '.');

    /// <summary>The rcl_interfaces/Log level of a Serilog level (DEBUG=10, INFO=20, WARN=30, ERROR=40, FATAL=50).</summary>
    /// <param name="level">The Serilog level.</param>
    /// <returns>The ROS level.</returns>
    public static byte ToRosLevel(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose or LogEventLevel.Debug => Rcl.Log.DEBUG,
        LogEventLevel.Information => Rcl.Log.INFO,
        LogEventLevel.Warning => Rcl.Log.WARN,
        LogEventLevel.Error => Rcl.Log.ERROR,
        _ => Rcl.Log.FATAL,
    };

    /// <inheritdoc/>
    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        long ns = (logEvent.Timestamp - DateTimeOffset.UnixEpoch).Ticks * 100;
        string text = logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (logEvent.Exception is { } ex) text += Environment.NewLine + ex.Message;
        var m = new Rcl.Log
        {
            Stamp = new Builtin.Time { Sec = (int)(ns / 1_000_000_000), Nanosec = (uint)(ns % 1_000_000_000) },
            Level = ToRosLevel(logEvent.Level),
            Name = LoggerName,
            Msg = text,
            File = "",
            Function = logEvent.Properties.TryGetValue("SourceContext", out var sc) ? sc.ToString().Trim('"') : "",
        };
        lock (_gate)
        {
            if (!_disposed) _publisher.Publish(m);
        }
    }

    /// <summary>Removes the publisher.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }

        _publisher.Dispose();
    }
}
