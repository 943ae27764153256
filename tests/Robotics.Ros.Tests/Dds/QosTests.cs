using Robotics.Ros.Dds;
using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Tests.Dds;

/// <summary>The ROS QoS mapping against an independent C peer: durability and reliability matching as DDS defines them.</summary>
public sealed class QosTests : IDisposable
{
    private static readonly TimeSpan Timeout = TestDds.Timeout;
    private readonly DdsTransport _transport = new(TestDds.Options(TestDds.QosDomain));

    public void Dispose() => _transport.Dispose();

    [InteropFact]
    public void TransientLocal_LateJoiningCSubscriber_GetsTheLastSample()
    {
        const string topic = "/qos/latched";
        MessageTypeSupport type = InteropSamples.Support("string");
        using ITransportWriter writer = _transport.CreateWriter(new EndpointOptions(topic, type, QosProfile.TransientLocal(1)));
        for (int i = 0; i < 3; i++)
        {
            writer.Publish(InteropSamples.Create("string", i));
        }

        // the subscriber starts after the samples were written; with depth 1 it must get exactly sample 2
        using var peer = PeerProcess.Start(InteropPeers.PathOf("peer"), TestDds.QosDomain, ["sub", "string", DdsNames.Topic(topic), "1", "--tl", "--depth", "1", "--timeout", "30"]);
        string? line = peer.WaitForLine(l => l.StartsWith("S ", StringComparison.Ordinal), Timeout);

        Assert.Equal("S " + InteropSamples.Line(InteropSamples.Create("string", 2)), line);
    }

    [InteropFact]
    public void TransientLocal_LateJoiningCSharpReader_GetsTheLastSampleOfTheCPublisher()
    {
        const string topic = "/qos/latched_from_c";
        MessageTypeSupport type = InteropSamples.Support("string");
        using var peer = PeerProcess.Start(InteropPeers.PathOf("peer"), TestDds.QosDomain, ["pub", "string", DdsNames.Topic(topic), "3", "--tl", "--depth", "1"]);
        Assert.True(peer.WaitForLine(l => l.StartsWith("SENT", StringComparison.Ordinal), Timeout) is not null, peer.Output);

        using ITransportReader reader = _transport.CreateReader(new EndpointOptions(topic, type, QosProfile.TransientLocal(1)));
        List<IRosMessage> received = TestDdsReaders.TakeMany(reader, type, 1, Timeout);
        peer.CloseInput();

        Assert.Equal("data=hello ü 2", InteropSamples.Line(Assert.Single(received)));
    }

    [InteropFact]
    public void BestEffortWriter_DoesNotMatchReliableReader()
    {
        const string topic = "/qos/best_effort";
        using var reliable = PeerProcess.Start(InteropPeers.PathOf("peer"), TestDds.QosDomain, ["sub", "string", DdsNames.Topic(topic), "1", "--timeout", "30"]);
        using var bestEffort = PeerProcess.Start(InteropPeers.PathOf("peer"), TestDds.QosDomain, ["sub", "string", DdsNames.Topic(topic), "1", "--be", "--timeout", "30"]);
        Assert.True(reliable.WaitForLine(l => l == "READY", Timeout) is not null, reliable.Output);
        Assert.True(bestEffort.WaitForLine(l => l == "READY", Timeout) is not null, bestEffort.Output);

        using ITransportWriter writer = _transport.CreateWriter(new EndpointOptions(topic, InteropSamples.Support("string"), QosProfile.SensorData));

        // positive control: the best-effort reader matches, so discovery works; the reliable one never does
        Assert.True(writer.WaitForMatched(1, Timeout), bestEffort.Output);
        Assert.False(writer.WaitForMatched(2, TimeSpan.FromSeconds(1)));
        Assert.Equal(1, writer.MatchedCount);
    }

    [CycloneFact]
    public void VolatileWriter_DoesNotMatchTransientLocalReader()
    {
        const string topic = "/qos/volatile_vs_tl";
        MessageTypeSupport type = InteropSamples.Support("string");
        using ITransportReader volatileReader = _transport.CreateReader(new EndpointOptions(topic, type, QosProfile.Default));
        using ITransportReader latchedReader = _transport.CreateReader(new EndpointOptions(topic, type, QosProfile.TransientLocal(1)));
        using ITransportWriter writer = _transport.CreateWriter(new EndpointOptions(topic, type, QosProfile.Default));

        Assert.True(writer.WaitForMatched(1, Timeout));
        Assert.False(writer.WaitForMatched(2, TimeSpan.FromMilliseconds(500)));
        Assert.Equal(1, volatileReader.MatchedCount);
        Assert.Equal(0, latchedReader.MatchedCount);
    }
}
