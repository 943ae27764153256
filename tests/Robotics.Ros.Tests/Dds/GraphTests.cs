using Robotics.Ros.Dds;
using Robotics.Ros.Messages;
using Robotics.Ros.Graph;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Tests.Dds;

/// <summary>
/// What another process (tests/interop/c/graph_peer, reading the DDS builtin topics and ros_discovery_info like
/// rmw_dds_common's graph cache) sees of a C# node: enclave, rt/ topic, dds_ type, QoS, type hash, and the node entry
/// with its reader and writer Gids, for the Jazzy (16-byte) and Humble (24-byte) Gid.
/// </summary>
public sealed class GraphTests
{
    [InteropTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void GraphPeer_SeesNodeEndpointsQosAndDiscoveryInfo(bool humble)
    {
        int domain = humble ? TestDds.GraphHumbleDomain : TestDds.GraphDomain;
        int gidSize = humble ? 24 : 16;
        using var transport = new DdsTransport(TestDds.Options(domain, humble));
        MessageTypeSupport stringType = InteropSamples.Support("string");
        MessageTypeSupport twistType = InteropSamples.Support("twist");
        using ITransportWriter chatter = transport.CreateWriter(new EndpointOptions("/graph_ns/chatter", stringType, QosProfile.Default));
        using ITransportWriter scan = transport.CreateWriter(new EndpointOptions("/graph_ns/scan_like", stringType, QosProfile.SensorData));
        using ITransportReader cmdVel = transport.CreateReader(new EndpointOptions("/graph_ns/cmd_vel", twistType, QosProfile.Default));
        transport.PublishNodes([new NodeEntitiesInfo("/graph_ns", "csharp_talker", [cmdVel.Gid], [chatter.Gid, scan.Gid])]);

        using var peer = PeerProcess.Start(
            InteropPeers.PathOf(humble ? "graph_peer24" : "graph_peer"), domain, ["20", "--until-node", "/graph_ns/csharp_talker"]);
        Assert.Equal(0, peer.WaitForExit(TimeSpan.FromSeconds(30)));
        string[] lines = peer.Output.Split('\n', StringSplitOptions.TrimEntries);
        string participant = transport.ParticipantGid.Hex();

        Assert.Contains($"P {participant} user_data=\"enclave=/;\"", lines);
        string stringHash = humble ? string.Empty : $"typehash={stringType.TypeHash};";
        string twistHash = humble ? string.Empty : $"typehash={twistType.TypeHash};";
        Assert.Contains(
            $"W {chatter.Gid.Hex()} participant={participant} topic=rt/graph_ns/chatter type=std_msgs::msg::dds_::String_ " +
            $"reliability=RELIABLE durability=VOLATILE history=KEEP_LAST/10 user_data=\"{stringHash}\"", lines);
        Assert.Contains(
            $"W {scan.Gid.Hex()} participant={participant} topic=rt/graph_ns/scan_like type=std_msgs::msg::dds_::String_ " +
            $"reliability=BEST_EFFORT durability=VOLATILE history=KEEP_LAST/5 user_data=\"{stringHash}\"", lines);
        Assert.Contains(
            $"R {cmdVel.Gid.Hex()} participant={participant} topic=rt/graph_ns/cmd_vel type=geometry_msgs::msg::dds_::Twist_ " +
            $"reliability=RELIABLE durability=VOLATILE history=KEEP_LAST/10 user_data=\"{twistHash}\"", lines);
        // ros_discovery_info: writer KEEP_LAST 1, reader KEEP_ALL, both RELIABLE + TRANSIENT_LOCAL and, as rmw creates them
        // through create_publisher/create_subscription, with the ParticipantEntitiesInfo type hash (not on Humble)
        string infoHash = humble ? string.Empty : $"typehash={MessageTypeRegistry.Get("rmw_dds_common/msg/ParticipantEntitiesInfo").TypeHash};";
        const string infoType = "topic=ros_discovery_info type=rmw_dds_common::msg::dds_::ParticipantEntitiesInfo_ reliability=RELIABLE durability=TRANSIENT_LOCAL";
        Assert.Contains(lines, l => l.StartsWith("W ", StringComparison.Ordinal)
            && l.EndsWith($"participant={participant} {infoType} history=KEEP_LAST/1 user_data=\"{infoHash}\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("R ", StringComparison.Ordinal)
            && l.EndsWith($"participant={participant} {infoType} history=KEEP_ALL user_data=\"{infoHash}\"", StringComparison.Ordinal));
        Assert.Contains($"I gid={transport.ParticipantGid.Hex(gidSize)} nodes=1", lines);
        Assert.Contains(
            $"N ns=/graph_ns name=csharp_talker readers={cmdVel.Gid.Hex(gidSize)} writers={chatter.Gid.Hex(gidSize)},{scan.Gid.Hex(gidSize)}", lines);
    }

    [InteropFact]
    public void Transport_SeesCPeerEndpointsInItsGraph()
    {
        using var transport = new DdsTransport(TestDds.Options(TestDds.GraphDomain));
        using var changed = new SemaphoreSlim(0);
        transport.Graph.Changed += () => changed.Release();
        using var peer = PeerProcess.Start(InteropPeers.PathOf("peer"), TestDds.GraphDomain, ["sub", "twist", "rt/graph_ns/from_c", "1", "--timeout", "30"]);

        DateTime end = DateTime.UtcNow + TestDds.Timeout;
        IReadOnlyList<TopicEndpointInfo> endpoints = [];
        while (DateTime.UtcNow < end && endpoints.Count == 0)
        {
            endpoints = transport.Graph.GetEndpoints("/graph_ns/from_c");
            if (endpoints.Count == 0)
            {
                changed.Wait(TimeSpan.FromMilliseconds(200));
            }
        }

        TopicEndpointInfo reader = Assert.Single(endpoints);
        Assert.Equal("geometry_msgs/msg/Twist", reader.TypeName);
        Assert.Equal("geometry_msgs::msg::dds_::Twist_", reader.DdsTypeName);
        Assert.Equal(QosProfile.Default.Depth, reader.Qos.Depth);
    }
}
