using Robotics.Ros.Dds;

namespace Robotics.Ros.Tests.Dds;

/// <summary>
/// Shared settings of the DDS tests: a loopback-only Cyclone configuration (the same as the test runner's
/// TestNetworkIsolation, so the tests stay on this machine even when run directly) and one ROS_DOMAIN_ID per test
/// class so classes can run in parallel without seeing each other.
/// </summary>
internal static class TestDds
{
    /// <summary>Cyclone configuration: only lo, no multicast, unicast discovery of 127.0.0.1.</summary>
    public const string LoopbackConfig =
        "<CycloneDDS><Domain Id=\"any\"><General><Interfaces><NetworkInterface name=\"lo\"/></Interfaces>" +
        "<AllowMulticast>false</AllowMulticast></General><Discovery><Peers><Peer address=\"127.0.0.1\"/></Peers>" +
        "<ParticipantIndex>auto</ParticipantIndex><MaxAutoParticipantIndex>120</MaxAutoParticipantIndex></Discovery></Domain></CycloneDDS>";

    // Domain ids of the DDS test classes (ros-dds uses 201-215).
    public const int InteropDomain = 201;
    public const int FastDdsDomain = 202;
    public const int GraphDomain = 203;
    public const int GraphHumbleDomain = 204;
    public const int QosDomain = 205;
    public const int TransportDomain = 206;
    public const int ServiceDomain = 207;

    /// <summary>Generous upper bound for discovery and delivery on a loaded 2-core machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Options of an in-process transport in <paramref name="domain"/> (Jazzy, or Humble when asked).</summary>
    public static DdsTransportOptions Options(int domain, bool humble = false) => new()
    {
        DomainId = (uint)domain,
        GidSize = humble ? 24 : 16,
        PublishTypeHash = !humble,
        DiscoveryRange = DiscoveryRange.Localhost,
        CycloneUri = LoopbackConfig,
    };
}
