using Robotics.Drivers.Serial;

namespace Robotics.Drivers.Tests.Serial;

/// <summary>RigSession over both links against the in-process C# rig peer on a real pseudo-terminal.</summary>
public sealed class SessionTests
{
    public static TheoryData<SerialLinkKind> Kinds => new() { SerialLinkKind.Posix, SerialLinkKind.SerialPort };

    private static (InProcessRigPeer Peer, RigSession Session) Connect(SerialLinkKind kind, InProcessRigPeerOptions? peerOptions = null, RigSessionOptions? sessionOptions = null)
    {
        var peer = new InProcessRigPeer(peerOptions ?? InProcessRigPeerOptions.Tendon() with { StreamHz = 250 });
        peer.Start();
        var session = new RigSession(SerialLinkFactory.Open(peer.PortName, new SerialLinkOptions { Kind = kind }), sessionOptions);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            session.Handshake(timeout.Token);
        }
        catch
        {
            session.Dispose();
            peer.Dispose();
            throw;
        }

        return (peer, session);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Handshake_ReportsTheRigIdentity(SerialLinkKind kind)
    {
        var (peer, session) = Connect(kind, InProcessRigPeerOptions.Hasel() with { StreamHz = 250, FirmwareBuild = 7 });
        using (peer)
        using (session)
        {
            Assert.Equal((RigType.Hasel, (byte)6, (byte)3, (byte)18, (ushort)250, (uint)7, (byte)1),
                (session.Hello.RigType, session.Hello.InputCount, session.Hello.OutputCount, session.Hello.ChannelCount, session.Hello.StreamHz, session.Hello.FirmwareBuild, session.Hello.Major));
            Assert.True(session.IsConnected);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Samples_ArriveInSequenceWithoutGapsOrErrors(SerialLinkKind kind)
    {
        var (peer, session) = Connect(kind);
        using (peer)
        using (session)
        {
            Wait.For(() => session.Statistics.Snapshot().Samples >= 50, "50 samples");
            var snapshot = session.Statistics.Snapshot();
            Assert.Equal(0, snapshot.SampleGaps);
            Assert.Equal(0, snapshot.DecodeErrors);
            var sample = new RigSample(11, 3, 2);
            Assert.True(session.TryCopyLatestSample(sample));
            Assert.True(sample.Status.HasFlag(RigSampleStatus.Emulated));
            Assert.True(sample.SampleSequence >= 50);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Command_IsAppliedAndEchoedBySequence(SerialLinkKind kind)
    {
        var (peer, session) = Connect(kind);
        using (peer)
        using (session)
        {
            Assert.True(session.SendCommand([0.5f, -0.25f]));
            uint seq = session.LastCommandSequence;
            Wait.For(() => peer.CommandsApplied == 1, "command applied");
            Assert.Equal(new[] { 0.5f, -0.25f }, peer.LastCommand);
            var sample = new RigSample(11, 3, 2);
            Wait.For(() => session.TryCopyLatestSample(sample) && sample.LastCommandSequence == seq, "sample echoing the command");
            Wait.For(() => session.Statistics.CommandLatency.Count >= 1, "command latency measured");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Heartbeat_MeasuresTheRoundTripAndTheClockOffset(SerialLinkKind kind)
    {
        // The peer's clock runs 1 s ahead of the host's; the estimate's error is at most half the round trip.
        var (peer, session) = Connect(kind, InProcessRigPeerOptions.Tendon() with { StreamHz = 250, ClockOffsetMicroseconds = 1_000_000 },
            new RigSessionOptions { TrustEmulatedClock = false });
        using (peer)
        using (session)
        {
            for (int i = 0; i < 10; i++)
            {
                Assert.True(session.SendHeartbeat());
                Thread.Sleep(5);
            }

            Wait.For(() => session.Statistics.Snapshot().HeartbeatsReceived == 10, "10 heartbeat replies");
            var snapshot = session.Statistics.Snapshot();
            double bestHalfRtt = snapshot.RoundTrip.MaxMicroseconds / 2;
            Assert.InRange(snapshot.ClockOffsetMicroseconds, 1_000_000 - bestHalfRtt - 1, 1_000_000 + bestHalfRtt + 1);
            Assert.True(snapshot.LastFirmwareCounters!.Value.ReceivedOk >= 11); // HELLO + 10 heartbeats
            // Sample age uses the estimated offset: it is positive and far below the 1 s offset.
            Wait.For(() => session.Statistics.SampleAge.Count > 5, "samples after the heartbeats");
            Assert.InRange(session.Statistics.SampleAge.Summarize().MedianMicroseconds, -bestHalfRtt - 1, 500_000);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parameters_AreReadAndWritten(SerialLinkKind kind)
    {
        var (peer, session) = Connect(kind);
        using (peer)
        using (session)
        {
            var answers = new List<RigParameterValue>();
            session.ParameterValueReceived += v =>
            {
                lock (answers) answers.Add(v);
            };
            session.SendParameterGet(RigParameterId.StreamHz);
            session.SendParameterSet(RigParameterId.WatchdogMs, 250);
            session.SendParameterSet(RigParameterId.ActuatorMax, 5);
            session.SendParameterGet((RigParameterId)0x7F);
            Wait.For(() =>
            {
                lock (answers) return answers.Count == 4;
            }, "4 parameter answers");
            Assert.Equal(new RigParameterValue(RigParameterId.StreamHz, 250, RigParameterStatus.Ok), answers[0]);
            Assert.Equal(new RigParameterValue(RigParameterId.WatchdogMs, 250, RigParameterStatus.Ok), answers[1]);
            Assert.Equal(RigParameterStatus.ReadOnly, answers[2].Status);
            Assert.Equal(RigParameterStatus.UnknownId, answers[3].Status);
        }
    }

    [Fact]
    public void Handshake_WithTheWrongRig_IsRefused()
    {
        var ex = Assert.Throws<RigProtocolException>(() => Connect(SerialLinkKind.Posix, null, new RigSessionOptions { ExpectedRigType = RigType.Hasel }));
        Assert.Contains("Tendon", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Handshake_WithoutAnswer_IsCancelledByTheToken()
    {
        using var pty = PseudoTerminal.Open(); // nobody answers on the master
        using var session = new RigSession(SerialLinkFactory.Open(pty.SlavePath));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.ThrowsAny<OperationCanceledException>(() => session.Handshake(timeout.Token));
        Assert.False(session.IsConnected);
    }
}
