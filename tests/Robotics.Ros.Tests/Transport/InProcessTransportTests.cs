using Robotics.Core.Time;
using Robotics.Ros.Transport;
using RosInt32 = Robotics.Ros.Interfaces.StdMsgs.Int32;

namespace Robotics.Ros.Tests.Transport;

/// <summary>In-process specifics not covered by the conformance suite (determinism, counters, disposal, QoS events).</summary>
public sealed class InProcessTransportTests
{
    private static readonly EndpointOptions Ints = new("/ints", RosInt32.Support, QosProfile.KeepLast(2));

    [Fact]
    public void Gids_AreNumberedInCreationOrder_SoRunsRepeat()
    {
        var domain = new InProcessDomain();
        using var a = new InProcessTransport(domain);
        using var b = new InProcessTransport(domain);
        using ITransportWriter w = a.CreateWriter(Ints);
        using ITransportReader r = a.CreateReader(Ints);
        Assert.Equal("01.0f.00.00.00.00.00.00.00.00.00.01.00.00.01.c1", a.ParticipantGid.ToString());
        Assert.Equal("01.0f.00.00.00.00.00.00.00.00.00.02.00.00.01.c1", b.ParticipantGid.ToString());
        Assert.Equal(0x103u, w.Gid.EntityId); // entity 1, kind 0x03 (writer without key)
        Assert.Equal(0x204u, r.Gid.EntityId); // entity 2, kind 0x04 (reader without key)
        Assert.Equal(a.ParticipantGid, w.Gid.Participant);
    }

    [Fact]
    public void SameParticipant_WriterAndReader_Match()
    {
        using var a = new InProcessTransport(new InProcessDomain());
        using ITransportWriter w = a.CreateWriter(Ints);
        using ITransportReader r = a.CreateReader(Ints);
        Assert.Equal(1, w.MatchedCount);
        Assert.True(w.WaitForMatched(1, TimeSpan.Zero));
        Assert.False(w.WaitForMatched(2, TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void KeepLast_CountsOverwrittenSamples()
    {
        using var a = new InProcessTransport(new InProcessDomain());
        using ITransportWriter w = a.CreateWriter(Ints);
        var r = (InProcessReader)a.CreateReader(Ints);
        for (int i = 0; i < 5; i++)
        {
            w.Publish(new RosInt32 { Data = i });
        }

        Assert.Equal(2, r.PendingCount);
        Assert.Equal(3, r.OverwrittenSamples);
        Assert.Equal(0, r.DroppedSamples);
        r.Dispose();
    }

    [Fact]
    public void KeepAll_KeepsEverything()
    {
        using var a = new InProcessTransport(new InProcessDomain());
        var keepAll = Ints with { Qos = new QosProfile(HistoryPolicy.KeepAll, 0, ReliabilityPolicy.Reliable, DurabilityPolicy.Volatile) };
        using ITransportWriter w = a.CreateWriter(keepAll);
        using var r = (InProcessReader)a.CreateReader(keepAll);
        for (int i = 0; i < 100; i++)
        {
            w.Publish(new RosInt32 { Data = i });
        }

        Assert.Equal(100, r.PendingCount);
        var m = new RosInt32();
        for (int i = 0; i < 100; i++)
        {
            Assert.True(r.TryTake(m, out _));
            Assert.Equal(i, m.Data);
        }
    }

    [Fact]
    public void DisposedWriter_UnmatchesReaders_AndLeavesTheGraph()
    {
        var domain = new InProcessDomain();
        using var a = new InProcessTransport(domain);
        using var b = new InProcessTransport(domain);
        ITransportWriter w = a.CreateWriter(Ints);
        using ITransportReader r = b.CreateReader(Ints);
        Assert.Equal(1, r.MatchedCount);
        Assert.Equal(2, b.Graph.GetEndpoints("/ints").Count);
        w.Dispose();
        Assert.Equal(0, r.MatchedCount);
        Assert.Single(b.Graph.GetEndpoints("/ints"));
        Assert.Equal(PublishStatus.Error, w.Publish(new RosInt32()));
    }

    [Fact]
    public void DisposedParticipant_DisappearsFromOthersGraph()
    {
        var domain = new InProcessDomain();
        using var a = new InProcessTransport(domain);
        var b = new InProcessTransport(domain);
        b.CreateReader(Ints);
        b.PublishNodes([new NodeEntitiesInfo("/", "gone", [], [])]);
        Assert.Single(a.Graph.GetNodeNames());
        b.Dispose();
        Assert.Empty(a.Graph.GetNodeNames());
        Assert.Empty(a.Graph.GetEndpoints("/ints"));
        Assert.Equal(1, domain.ParticipantCount);
    }

    [Fact]
    public void LateParticipant_LearnsExistingGraph()
    {
        var domain = new InProcessDomain();
        using var a = new InProcessTransport(domain);
        using ITransportWriter w = a.CreateWriter(Ints);
        a.PublishNodes([new NodeEntitiesInfo("/demo", "talker", [], [w.Gid])]);
        using var b = new InProcessTransport(domain);
        Assert.Equal("/demo/talker", Assert.Single(b.Graph.GetNodeNames()).FullName);
        Assert.Equal("talker", Assert.Single(b.Graph.GetEndpoints("/ints")).NodeName);
    }

    [Fact]
    public void IncompatibleQos_IsReportedWithTheReason()
    {
        var domain = new InProcessDomain();
        var reasons = new List<string>();
        domain.IncompatibleQos += reasons.Add;
        using var a = new InProcessTransport(domain);
        using ITransportReader r = a.CreateReader(Ints with { Qos = QosProfile.Default });
        using ITransportWriter w = a.CreateWriter(Ints with { Qos = QosProfile.SensorData });
        Assert.Contains("BEST_EFFORT", Assert.Single(reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void SourceTimestamp_ComesFromTheDomainClock()
    {
        var clock = new ManualClock(SimTime.FromMilliseconds(1500));
        using var a = new InProcessTransport(new InProcessDomain(clock));
        using ITransportWriter w = a.CreateWriter(Ints);
        using ITransportReader r = a.CreateReader(Ints);
        w.Publish(new RosInt32 { Data = 1 });
        Assert.True(r.TryTake(new RosInt32(), out SampleInfo info));

        // ManualClock's epoch is 2000-01-01T00:00:00Z = 946684800 s after the Unix epoch.
        Assert.Equal((946_684_800L * 1_000_000_000L) + 1_500_000_000L, info.SourceTimestampNs);
        Assert.Equal(1, info.SequenceNumber);
    }

    [Theory]
    [InlineData("chatter")]
    [InlineData("/trailing/")]
    public void CreateWriter_NotFullyQualified_Throws(string topic)
    {
        using var a = new InProcessTransport(new InProcessDomain());
        Assert.Throws<ArgumentException>(() => a.CreateWriter(Ints with { TopicName = topic }));
    }

    [Fact]
    public void TryTake_TargetOfAnotherType_Throws()
    {
        using var a = new InProcessTransport(new InProcessDomain());
        using ITransportReader r = a.CreateReader(Ints);
        Assert.Throws<ArgumentException>(() => r.TryTake(new Robotics.Ros.Interfaces.StdMsgs.String(), out _));
    }

    [Fact]
    public void Publish_SmallFixedSizeMessage_AllocatesNothing()
    {
        using var a = new InProcessTransport(new InProcessDomain());
        using ITransportWriter w = a.CreateWriter(Ints);
        using ITransportReader r = a.CreateReader(Ints);
        var m = new RosInt32 { Data = 5 };
        for (int i = 0; i < 3; i++)
        {
            w.Publish(m); // warm-up: the reader's two queue slots get their buffers
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            w.Publish(m);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
