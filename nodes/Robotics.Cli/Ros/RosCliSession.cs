using System.CommandLine;
using Robotics.Ros.Messages;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;

namespace Robotics.Cli.Ros;

/// <summary>
/// What every ROS command shares: the hidden <c>--transport</c> choice, <c>--spin-time</c>, and a context with one
/// hidden node (<c>_robotics_cli_&lt;pid&gt;</c>, like ros2cli's <c>_ros2cli_…</c>) on ROS_DOMAIN_ID etc. from the environment.
/// </summary>
internal sealed class RosCliSession : IDisposable
{
    /// <summary>Exit code for invalid input (bad YAML, unknown type, bad option).</summary>
    public const int ExitInvalidInput = 2;

    /// <summary>Exit code when the requested thing does not exist or did not happen (unknown topic, node, timeout).</summary>
    public const int ExitNotFound = 1;

    private RosCliSession(RosContext context)
    {
        Context = context;
        Node = new Node(context, $"_robotics_cli_{Environment.ProcessId}");
    }

    public RosContext Context { get; }

    public Node Node { get; }

    public IRosTransport Transport => Context.Transport;

    /// <summary>Hidden: <c>cyclonedds</c> (default) or <c>inprocess</c> (tests: this process only).</summary>
    public static Option<string?> TransportOption() => new("--transport")
    {
        Description = "ROS transport: cyclonedds (default; ROS_DOMAIN_ID, ROS_DISTRO, CYCLONEDDS_URI from the environment) or inprocess (this process only, for tests).",
        Hidden = true,
        Recursive = true,
    };

    /// <summary><c>--spin-time</c>: how long to wait for discovery before answering.</summary>
    public static Option<double> SpinTimeOption() => new("--spin-time")
    {
        Description = "Seconds to wait for discovery of the ROS graph before answering (ros2cli's --spin-time).",
        DefaultValueFactory = _ => 1.0,
        Recursive = true,
    };

    public static RosCliSession Open(string? transport)
    {
        RosContext context = RosContext.Init([], new RosContextOptions { TransportName = transport });
        try
        {
            return new RosCliSession(context);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>Opens a session or prints why not (Cyclone missing, bad ROS_DOMAIN_ID) and returns null.</summary>
    public static RosCliSession? TryOpen(string? transport, string command)
    {
        try
        {
            return Open(transport);
        }
        catch (Exception e) when (e is ArgumentException or DllNotFoundException or InvalidOperationException)
        {
            Console.Error.WriteLine($"robotics {command}: could not join the ROS graph: {e.Message}");
            return null;
        }
    }

    /// <summary>Waits for discovery (the graph fills asynchronously over DDS).</summary>
    public void Spin(double seconds, CancellationToken cancellationToken = default)
    {
        if (Transport is InProcessTransport || seconds <= 0)
        {
            return;
        }

        cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(seconds));
    }

    /// <summary>Finds a message type, or prints the close matches and returns null.</summary>
    public static MessageTypeSupport? FindMessageType(string name, string command)
    {
        if (MessageTypeRegistry.TryGet(name, out MessageTypeSupport? support))
        {
            return support;
        }

        IReadOnlyList<string> close = RosCliFormat.CloseMatches(name, MessageTypeRegistry.AllMessages.Select(s => s.RosTypeName));
        Console.Error.WriteLine($"robotics {command}: unknown message type '{name}'."
            + (close.Count > 0 ? $" Did you mean: {string.Join(", ", close)}?" : " Use a name like 'std_msgs/msg/String'; 'robotics interface list' shows every known type."));
        return null;
    }

    public void Dispose()
    {
        Node.Dispose();
        Context.Dispose();
    }
}
