using Robotics.Ros.Dds;
using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Tests.Dds;

/// <summary>
/// C# ↔ a Fast DDS 2.9 peer (the default ROS 2 vendor) whose std_msgs/String type support fastddsgen generated:
/// topics interoperate across vendors in both directions.
/// </summary>
public sealed class FastDdsInteropTests : IDisposable
{
    private const int Count = 5;
    private static readonly TimeSpan Timeout = TestDds.Timeout;
    private readonly DdsTransport _transport = new(TestDds.Options(TestDds.FastDdsDomain));

    public void Dispose() => _transport.Dispose();

    [FastDdsFact]
    public void CSharpToFastDds_AllStringsArrive()
    {
        const string topic = "/fastdds/from_cs";
        using var peer = PeerProcess.Start(InteropPeers.PathOf("fastdds_peer"), TestDds.FastDdsDomain, ["sub", DdsNames.Topic(topic), Count.ToString(), "30"]);
        Assert.True(peer.WaitForLine(l => l == "READY", Timeout) is not null, peer.Output);
        using ITransportWriter writer = _transport.CreateWriter(new EndpointOptions(topic, InteropSamples.Support("string"), QosProfile.Default));
        Assert.True(writer.WaitForMatched(1, Timeout), "Fast DDS subscriber never matched:\n" + peer.Output);

        for (int i = 0; i < Count; i++)
        {
            Assert.Equal(PublishStatus.Ok, writer.Publish(InteropSamples.Create("string", i)));
        }

        var received = new List<string>();
        for (int i = 0; i < Count; i++)
        {
            string? line = peer.WaitForLine(l => l.StartsWith("S ", StringComparison.Ordinal), Timeout);
            Assert.True(line is not null, $"only {received.Count} of {Count} samples arrived:\n{peer.Output}");
            received.Add(line!.Substring(2));
        }

        Assert.Equal(Enumerable.Range(0, Count).Select(i => InteropSamples.Line(InteropSamples.Create("string", i))), received);
    }

    [FastDdsFact]
    public void FastDdsToCSharp_AllStringsArrive()
    {
        const string topic = "/fastdds/to_cs";
        MessageTypeSupport support = InteropSamples.Support("string");
        using ITransportReader reader = _transport.CreateReader(new EndpointOptions(topic, support, QosProfile.Default));
        using var peer = PeerProcess.Start(InteropPeers.PathOf("fastdds_peer"), TestDds.FastDdsDomain, ["pub", DdsNames.Topic(topic), Count.ToString(), "30", "--wait-go"]);

        // both sides must have matched before the volatile writer writes: the peer reports its side, the reader ours
        Assert.True(peer.WaitForLine(l => l == "MATCHED", Timeout) is not null, peer.Output);
        Assert.True(TestDdsReaders.WaitForMatched(reader, 1, Timeout), "the C# reader never matched the Fast DDS writer:\n" + peer.Output);
        peer.WriteLine("GO");
        List<IRosMessage> received = TestDdsReaders.TakeMany(reader, support, Count, Timeout);

        Assert.True(received.Count == Count, $"only {received.Count} of {Count} samples arrived:\n{peer.Output}");
        Assert.Equal(
            Enumerable.Range(0, Count).Select(i => InteropSamples.Line(InteropSamples.Create("string", i))),
            received.Select(InteropSamples.Line));
        Assert.Equal(0, reader.DroppedSamples);
    }
}
