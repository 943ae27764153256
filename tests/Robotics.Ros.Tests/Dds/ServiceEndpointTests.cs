using Robotics.Ros.Dds;
using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Tests.Dds;

/// <summary>
/// Service endpoints carry the USER_DATA of rmw_cyclonedds's <c>rmw_init_cs</c>: the request writer and reply reader
/// of one client share <c>clientid=&lt;id&gt;;</c>, the request reader and reply writer of one service share
/// <c>serviceid=&lt;id&gt;;</c> (a real rmw service uses the client id to wait for the client's reply reader before
/// answering, and a real client uses the service id in <c>service_is_available</c>). The id is the participant's GUID
/// prefix followed by a big-endian counter, written as <c>csid_to_string()</c> does.
/// </summary>
public sealed class ServiceEndpointTests
{
    [Fact]
    public void ServiceIdText_FormatsLikeCsidToString()
    {
        // csid_to_string: std::hex, first byte with std::setw(2) (space fill), the rest unpadded, '.'-separated
        byte[] id = [0x01, 0x10, 0xab, 0x00, 0x0f, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x00, 0x00, 0x01, 0x02];
        Assert.Equal(" 1.10.ab.0.f.20.30.40.50.60.70.80.0.0.1.2", DdsTransport.ServiceIdText(id));
        id[0] = 0xc3;
        Assert.Equal("c3.10.ab.0.f.20.30.40.50.60.70.80.0.0.1.2", DdsTransport.ServiceIdText(id));
    }

    [InteropTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void GraphPeer_SeesClientAndServiceIdsOnTheirEndpointPairs(bool humble)
    {
        int domain = TestDds.ServiceDomain;
        int gidSize = humble ? 24 : 16;
        Assert.True(MessageTypeRegistry.TryGetService("diagnostic_msgs/srv/AddDiagnostics", out ServiceTypeSupport? service));
        using var transport = new DdsTransport(TestDds.Options(domain, humble));
        const string name = "/svc_ns/add";

        // the order Node uses: a client creates its reply reader, then its request writer; a service its request reader, then its reply writer
        using ITransportReader clientReplies = transport.CreateReader(new EndpointOptions(name, service!.WrappedResponse, QosProfile.Services, EndpointKind.ServiceReply));
        using ITransportWriter clientRequests = transport.CreateWriter(new EndpointOptions(name, service.WrappedRequest, QosProfile.Services, EndpointKind.ServiceRequest));
        using ITransportReader serviceRequests = transport.CreateReader(new EndpointOptions(name, service.WrappedRequest, QosProfile.Services, EndpointKind.ServiceRequest));
        using ITransportWriter serviceReplies = transport.CreateWriter(new EndpointOptions(name, service.WrappedResponse, QosProfile.Services, EndpointKind.ServiceReply));
        transport.PublishNodes([new NodeEntitiesInfo("/svc_ns", "adder", [clientReplies.Gid, serviceRequests.Gid], [clientRequests.Gid, serviceReplies.Gid])]);

        using var peer = PeerProcess.Start(
            InteropPeers.PathOf(humble ? "graph_peer24" : "graph_peer"), domain, ["20", "--until-node", "/svc_ns/adder"]);
        Assert.Equal(0, peer.WaitForExit(TimeSpan.FromSeconds(30)));
        string[] lines = peer.Output.Split('\n', StringSplitOptions.TrimEntries);

        // expected ids written by hand from the participant GUID: prefix bytes, then counter 1 (client) and 2 (service)
        byte[] guid = transport.ParticipantGid.ToArray();
        string prefix = $"{guid[0]:x}".PadLeft(2) + string.Concat(guid.Skip(1).Take(11).Select(b => $".{b:x}"));
        string clientId = $"clientid={prefix}.0.0.0.1;";
        string serviceId = $"serviceid={prefix}.0.0.0.2;";
        string requestHash = humble ? string.Empty : $"typehash={service.Request.TypeHash};";
        string responseHash = humble ? string.Empty : $"typehash={service.Response.TypeHash};";
        string participant = transport.ParticipantGid.Hex();
        const string qos = "reliability=RELIABLE durability=VOLATILE history=KEEP_LAST/10";
        Assert.Contains(
            $"W {clientRequests.Gid.Hex()} participant={participant} topic=rq/svc_ns/addRequest type=diagnostic_msgs::srv::dds_::AddDiagnostics_Request_ {qos} user_data=\"{clientId}{requestHash}\"", lines);
        Assert.Contains(
            $"R {clientReplies.Gid.Hex()} participant={participant} topic=rr/svc_ns/addReply type=diagnostic_msgs::srv::dds_::AddDiagnostics_Response_ {qos} user_data=\"{clientId}{responseHash}\"", lines);
        Assert.Contains(
            $"R {serviceRequests.Gid.Hex()} participant={participant} topic=rq/svc_ns/addRequest type=diagnostic_msgs::srv::dds_::AddDiagnostics_Request_ {qos} user_data=\"{serviceId}{requestHash}\"", lines);
        Assert.Contains(
            $"W {serviceReplies.Gid.Hex()} participant={participant} topic=rr/svc_ns/addReply type=diagnostic_msgs::srv::dds_::AddDiagnostics_Response_ {qos} user_data=\"{serviceId}{responseHash}\"", lines);
        Assert.Contains($"I gid={transport.ParticipantGid.Hex(gidSize)} nodes=1", lines);
    }
}
