using Robotics.Ros.Nodes;
using Serilog;

namespace Robotics.Launch.Running;

/// <summary>How <see cref="InProcessLauncher"/> runs a plan.</summary>
public sealed record LaunchRunOptions
{
    /// <summary>The ROS transport: <c>inprocess</c> (default; one in-process domain shared by every node) or <c>cyclonedds</c>.</summary>
    public string TransportName { get; init; } = "inprocess";

    /// <summary>A ready context to run the nodes on instead of creating one (tests); it is not disposed by the launcher.</summary>
    public RosContext? Context { get; init; }

    /// <summary>The clock handed to the nodes; null is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>The logger; null is Serilog's static <see cref="Log.Logger"/>.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>How long nodes get to stop after cancellation before the launcher gives up waiting (default 5 s).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Called once the context exists and before any node starts (e.g. to attach a recorder); the result is disposed after the nodes stop.</summary>
    public Func<RosContext, IDisposable?>? Attach { get; init; }

    /// <summary>Called once every node and process has been started.</summary>
    public Action<RosContext>? Started { get; init; }
}
