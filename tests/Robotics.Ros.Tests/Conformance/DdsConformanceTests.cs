using Robotics.Ros.Dds;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Tests.Conformance;

/// <summary>
/// The conformance suite against the Cyclone DDS transport: several participants of this process on ROS_DOMAIN_ID
/// 220 (reserved for this class), discovering each other over loopback only (no multicast, peer 127.0.0.1), so
/// nothing leaves the machine.
/// </summary>
public sealed class DdsConformanceTests : TransportConformanceTests
{
    /// <summary>Loopback-only Cyclone configuration.</summary>
    public const string LoopbackConfig =
        "<CycloneDDS><Domain><General><Interfaces><NetworkInterface name=\"lo\"/></Interfaces><AllowMulticast>false</AllowMulticast></General>"
        + "<Discovery><Peers><Peer address=\"127.0.0.1\"/></Peers><ParticipantIndex>auto</ParticipantIndex><MaxAutoParticipantIndex>32</MaxAutoParticipantIndex></Discovery></Domain></CycloneDDS>";

    /// <summary>Domain of this class (ros-dds's classes use 201-215, the CLI tests 221-223).</summary>
    public const int Domain = 220;

    protected override string TopicPrefix => "dds";

    protected override IRosTransport NewParticipant() => new DdsTransport(new DdsTransportOptions
    {
        DomainId = Domain,
        GidSize = 16,
        PublishTypeHash = true,
        DiscoveryRange = DiscoveryRange.Localhost,
        CycloneUri = LoopbackConfig,
    });
}
