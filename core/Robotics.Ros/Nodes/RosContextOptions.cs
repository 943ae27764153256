using Robotics.Ros.Transport;

namespace Robotics.Ros.Nodes;

/// <summary>How <see cref="RosContext.Init(IReadOnlyList{string}, RosContextOptions?)"/> builds a context.</summary>
public sealed record RosContextOptions
{
    /// <summary>Transport name: <c>cyclonedds</c> (DDS, the default) or <c>inprocess</c>; null reads <c>ROBOTICS_ROS_TRANSPORT</c>, then uses <c>cyclonedds</c>.</summary>
    public string? TransportName { get; init; }

    /// <summary>A ready transport to use instead (the context then does not dispose it).</summary>
    public IRosTransport? Transport { get; init; }

    /// <summary>For <c>inprocess</c>: the domain to join; null creates a new one on the context's clock.</summary>
    public InProcessDomain? InProcessDomain { get; init; }

    /// <summary>Clock of the nodes (timers); null is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Environment lookup (<c>ROS_DOMAIN_ID</c>, <c>ROS_DISTRO</c>, <c>CYCLONEDDS_URI</c>, …); null reads the process environment.</summary>
    public Func<string, string?>? GetEnvironmentVariable { get; init; }
}
