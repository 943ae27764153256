using Robotics.Ros.Dds;

namespace Robotics.Ros.Tests.Dds;

// Expected configuration strings are written out by hand from check_create_domain() in rmw_cyclonedds jazzy
// (rmw_node.cpp): the fragment per discovery range, then CYCLONEDDS_URI appended after a comma.
public class DdsTransportOptionsTests
{
    private static DdsTransportOptions Read(params (string Key, string Value)[] env)
    {
        var map = env.ToDictionary(e => e.Key, e => e.Value);
        return DdsTransportOptions.FromEnvironment(k => map.TryGetValue(k, out string? v) ? v : null);
    }

    [Fact]
    public void FromEnvironment_Unset_IsJazzyDomain0Subnet()
    {
        DdsTransportOptions o = Read();
        Assert.Equal(0u, o.DomainId);
        Assert.Equal(16, o.GidSize);
        Assert.True(o.PublishTypeHash);
        Assert.Equal(DiscoveryRange.Subnet, o.DiscoveryRange);
        Assert.Null(o.CycloneUri);
    }

    [Fact]
    public void FromEnvironment_Humble_Gid24AndNoTypeHash()
    {
        DdsTransportOptions o = Read(("ROS_DISTRO", "humble"), ("ROS_DOMAIN_ID", "42"));
        Assert.Equal(42u, o.DomainId);
        Assert.Equal(24, o.GidSize);
        Assert.False(o.PublishTypeHash);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("233")]
    public void FromEnvironment_BadDomain_Throws(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => Read(("ROS_DOMAIN_ID", value)));
        Assert.Contains("ROS_DOMAIN_ID", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_BadRange_ThrowsNamingAllowedValues()
    {
        var ex = Assert.Throws<ArgumentException>(() => Read(("ROS_AUTOMATIC_DISCOVERY_RANGE", "LAN")));
        Assert.Contains("LOCALHOST", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildCycloneConfig_Localhost_DisablesMulticastAndAddsLocalhostPeer()
    {
        DdsTransportOptions o = Read(("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST"), ("CYCLONEDDS_URI", "file:///x.xml"));
        Assert.Equal(
            "<CycloneDDS><Domain><General><AllowMulticast>false</AllowMulticast></General>" +
            "<Discovery><ParticipantIndex>auto</ParticipantIndex><MaxAutoParticipantIndex>32</MaxAutoParticipantIndex>" +
            "<Peers><Peer address=\"localhost\"/></Peers></Discovery></Domain></CycloneDDS>,file:///x.xml",
            o.BuildCycloneConfig(1234));
    }

    [Fact]
    public void BuildCycloneConfig_SubnetWithStaticPeers()
    {
        DdsTransportOptions o = Read(("ROS_STATIC_PEERS", "10.0.0.2; robot.local"));
        Assert.Equal(
            "<CycloneDDS><Domain><Discovery><ParticipantIndex>auto</ParticipantIndex><MaxAutoParticipantIndex>32</MaxAutoParticipantIndex>" +
            "<Peers><Peer address=\"10.0.0.2\"/><Peer address=\"robot.local\"/></Peers></Discovery></Domain></CycloneDDS>,",
            o.BuildCycloneConfig(1234));
    }

    [Fact]
    public void BuildCycloneConfig_Off_UsesProcessTag()
    {
        DdsTransportOptions o = Read(("ROS_AUTOMATIC_DISCOVERY_RANGE", "OFF"));
        Assert.Equal(
            "<CycloneDDS><Domain><General><AllowMulticast>false</AllowMulticast></General>" +
            "<Discovery><ParticipantIndex>none</ParticipantIndex><Tag>ros_discovery_off_1234</Tag></Discovery></Domain></CycloneDDS>,",
            o.BuildCycloneConfig(1234));
    }

    [Fact]
    public void BuildCycloneConfig_SystemDefault_IsOnlyTheUri()
    {
        DdsTransportOptions o = Read(("ROS_AUTOMATIC_DISCOVERY_RANGE", "SYSTEM_DEFAULT"), ("CYCLONEDDS_URI", "<CycloneDDS/>"));
        Assert.Equal("<CycloneDDS/>", o.BuildCycloneConfig(1234));
    }
}
