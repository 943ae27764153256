using Robotics.Ros.Dds;
using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Tests.Dds;

/// <summary>
/// C# ↔ an independent C peer whose type support idlc generated (tests/interop/c/peer.c): N of N samples, every field
/// equal, both directions, for String, Twist, JointState (nested types, string and double sequences) and
/// rmw_dds_common/ParticipantEntitiesInfo (fixed arrays, bounded strings, sequences of structs).
/// </summary>
public sealed class CycloneInteropTests : IDisposable
{
    private const int Count = 10; // = the default KEEP_LAST depth, so reliable delivery never overwrites
    private static readonly TimeSpan Timeout = TestDds.Timeout;
    private readonly DdsTransport _transport = new(TestDds.Options(TestDds.InteropDomain));

    public void Dispose() => _transport.Dispose();

    [InteropTheory]
    [InlineData("string")]
    [InlineData("twist")]
    [InlineData("jointstate")]
    [InlineData("pei")]
    public void CSharpToC_AllSamplesArriveWithEqualFields(string type)
    {
        string topic = "/interop/cs_to_c_" + type;
        using var peer = PeerProcess.Start(InteropPeers.PathOf("peer"), TestDds.InteropDomain, ["sub", type, DdsNames.Topic(topic), Count.ToString(), "--timeout", "30"]);
        Assert.True(peer.WaitForLine(l => l == "READY", Timeout) is not null, peer.Output);
        using ITransportWriter writer = _transport.CreateWriter(new EndpointOptions(topic, InteropSamples.Support(type), QosProfile.Default));
        Assert.True(writer.WaitForMatched(1, Timeout), "C subscriber never matched:\n" + peer.Output);

        var expected = new List<string>();
        for (int i = 0; i < Count; i++)
        {
            IRosMessage message = InteropSamples.Create(type, i);
            expected.Add(InteropSamples.Line(message));
            Assert.Equal(PublishStatus.Ok, writer.Publish(message));
        }

        var received = new List<string>();
        for (int i = 0; i < Count; i++)
        {
            string? line = peer.WaitForLine(l => l.StartsWith("S ", StringComparison.Ordinal), Timeout);
            Assert.True(line is not null, $"only {received.Count} of {Count} samples arrived:\n{peer.Output}");
            received.Add(line!.Substring(2));
        }

        Assert.Equal(expected, received);
        Assert.Equal(0, peer.WaitForExit(Timeout));
    }

    [InteropTheory]
    [InlineData("string")]
    [InlineData("twist")]
    [InlineData("jointstate")]
    [InlineData("pei")]
    public void CToCSharp_AllSamplesArriveWithEqualFields(string type)
    {
        string topic = "/interop/c_to_cs_" + type;
        MessageTypeSupport support = InteropSamples.Support(type);
        using ITransportReader reader = _transport.CreateReader(new EndpointOptions(topic, support, QosProfile.Default));
        using var peer = PeerProcess.Start(InteropPeers.PathOf("peer"), TestDds.InteropDomain, ["pub", type, DdsNames.Topic(topic), Count.ToString()]);

        List<IRosMessage> received = TestDdsReaders.TakeMany(reader, support, Count, Timeout);

        Assert.True(received.Count == Count, $"only {received.Count} of {Count} samples arrived:\n{peer.Output}");
        for (int i = 0; i < Count; i++)
        {
            Assert.Equal(InteropSamples.Line(InteropSamples.Create(type, i)), InteropSamples.Line(received[i]));
        }

        Assert.Equal(0, reader.DroppedSamples);
        Assert.Equal(0, peer.WaitForExit(Timeout));
    }

    [InteropFact]
    public void CToCSharp_InvalidUtf8Strings_AreDroppedAndCountedNeverDelivered()
    {
        const string topic = "/interop/bad_utf8";
        MessageTypeSupport support = InteropSamples.Support("string");
        using ITransportReader reader = _transport.CreateReader(new EndpointOptions(topic, support, QosProfile.Default));
        using var peer = PeerProcess.Start(InteropPeers.PathOf("peer"), TestDds.InteropDomain, ["pub", "badstring", DdsNames.Topic(topic), "5"]);

        // samples 0-3 carry "\xff\xfe bad <i>", sample 4 is valid; only the valid one may be delivered
        List<IRosMessage> received = TestDdsReaders.TakeMany(reader, support, 1, Timeout);

        IRosMessage only = Assert.Single(received);
        Assert.Equal("data=hello ü 4", InteropSamples.Line(only));
        Assert.Equal(4, reader.DroppedSamples);
        Assert.False(reader.TryTake(support.CreateMessage(), out _));
    }
}
