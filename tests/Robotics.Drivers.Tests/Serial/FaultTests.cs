using Robotics.Drivers.Serial;

namespace Robotics.Drivers.Tests.Serial;

/// <summary>
/// Fault injection over the pseudo-terminal (acceptance: garbage, truncation, wrong CRC, stall, unplug/replug,
/// firmware watchdog): each is detected and counted, and the supervisor reconnects through the Polly pipeline.
/// </summary>
public sealed class FaultTests : IDisposable
{
    private readonly string _link = Path.Combine(Path.GetTempPath(), $"rig-fault-{Guid.NewGuid():N}");
    private readonly List<RigLinkEvent> _events = [];

    public static TheoryData<SerialLinkKind> Kinds => new() { SerialLinkKind.Posix, SerialLinkKind.SerialPort };

    public void Dispose()
    {
        if (File.Exists(_link) || new FileInfo(_link).LinkTarget is not null) File.Delete(_link);
    }

    private (InProcessRigPeer Peer, RigSupervisor Supervisor) Start(SerialLinkKind kind, Func<RigSupervisorOptions, RigSupervisorOptions>? tune = null)
    {
        var peer = new InProcessRigPeer(InProcessRigPeerOptions.Tendon(_link) with { StreamHz = 250 });
        peer.Start();
        var options = new RigSupervisorOptions
        {
            PortName = _link,
            Link = new SerialLinkOptions { Kind = kind },
            AttemptTimeout = TimeSpan.FromSeconds(1), // generous: 2 shared cores, first-call JIT
            OfflineRetryInterval = TimeSpan.FromMilliseconds(200),
        };
        var supervisor = new RigSupervisor(tune is null ? options : tune(options));
        supervisor.EventRaised += e =>
        {
            lock (_events) _events.Add(e);
        };
        supervisor.Start();
        Assert.True(supervisor.WaitForConnection(TimeSpan.FromSeconds(10)), "first connection");
        return (peer, supervisor);
    }

    private int Count(Func<RigLinkEvent, bool> predicate)
    {
        lock (_events) return _events.Count(predicate);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Garbage_IsCountedAndTheLinkStaysUp(SerialLinkKind kind)
    {
        var (peer, supervisor) = Start(kind);
        using (supervisor)
        using (peer)
        {
            Wait.For(() => supervisor.Statistics.Snapshot().Samples > 5, "samples");
            peer.InjectGarbage(64);
            Wait.For(() => supervisor.Statistics.Snapshot().DecodeErrors > 0, "decode errors counted");
            long samples = supervisor.Statistics.Snapshot().Samples;
            Wait.For(() => supervisor.Statistics.Snapshot().Samples > samples + 10, "samples resume after the garbage");
            // Garbage never tears the link down (a load spike on the shared CI box may trip the receive watchdog; that is counted apart).
            var snapshot = supervisor.Statistics.Snapshot();
            Assert.Equal(snapshot.RxTimeouts, snapshot.LinkLosses);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TruncatedFrame_AndBadCrc_AreCounted(SerialLinkKind kind)
    {
        var (peer, supervisor) = Start(kind);
        using (supervisor)
        using (peer)
        {
            Wait.For(() => supervisor.Statistics.Snapshot().Samples > 5, "samples");
            peer.InjectBadCrc();
            Wait.For(() => supervisor.Statistics.Snapshot().CrcErrors == 1, "one CRC error");
            peer.InjectTruncatedFrame();
            Wait.For(() => supervisor.Statistics.Snapshot().CobsErrors + supervisor.Statistics.Snapshot().CrcErrors + supervisor.Statistics.Snapshot().LengthErrors >= 2, "truncated frame counted");
            Wait.For(() => supervisor.Statistics.Snapshot().SampleGaps >= 2, "the two swallowed samples show as a sequence gap");
            Assert.NotEqual(RigFaultCode.Sensor, supervisor.Statistics.Snapshot().LastFault?.Code); // the bad-CRC frame was a FAULT Sensor: it must not be believed
            Assert.Equal(RigConnectionState.Connected, supervisor.State);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Stall_TripsTheReceiveWatchdog_AndTheSupervisorReconnects(SerialLinkKind kind)
    {
        var (peer, supervisor) = Start(kind);
        using (supervisor)
        using (peer)
        {
            peer.StallFor(TimeSpan.FromMilliseconds(600));
            Wait.For(() => supervisor.Statistics.Snapshot().RxTimeouts >= 1, "receive watchdog");
            Wait.For(() => supervisor.Statistics.Snapshot().Connects >= 2 && supervisor.State == RigConnectionState.Connected, "reconnected after the stall");
            Assert.True(Count(e => e.Kind == RigLinkEventKind.StateChanged && e.State == RigConnectionState.Lost) >= 1);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Unplug_IsDetected_AndTheSupervisorReconnectsThroughTheSymlink(SerialLinkKind kind)
    {
        var (peer, supervisor) = Start(kind);
        using (supervisor)
        using (peer)
        {
            Wait.For(() => supervisor.Statistics.Snapshot().Samples > 5, "samples");
            peer.UnplugFor(TimeSpan.FromMilliseconds(300));
            Wait.For(() => supervisor.Statistics.Snapshot().LinkLosses >= 1, "unplug detected");
            Wait.For(() => supervisor.Statistics.Snapshot().Connects >= 2 && supervisor.State == RigConnectionState.Connected, "reconnected after replug");
            long samples = supervisor.Statistics.Snapshot().Samples;
            Wait.For(() => supervisor.Statistics.Snapshot().Samples > samples + 10, "samples resume");
            Assert.True(peer.HellosAnswered >= 2, "the replugged rig was re-armed by a new handshake");
        }
    }

    [Fact]
    public void HostSilence_TripsTheFirmwareWatchdog_AndHelloRearmsIt()
    {
        var (peer, supervisor) = Start(SerialLinkKind.Posix);
        using (supervisor)
        using (peer)
        {
            var faults = new List<RigFault>();
            supervisor.EventRaised += e =>
            {
                if (e.Fault is RigFault f) lock (faults) faults.Add(f);
            };
            Assert.True(supervisor.TrySendCommand([0.3f, 0.3f]));
            // Commands stop: heartbeats are withheld once commands go stale, so the firmware watchdog must trip.
            Wait.For(() => peer.WatchdogTrips >= 1, "firmware watchdog trip");
            Wait.For(() =>
            {
                lock (faults) return faults.Any(f => f.Code == RigFaultCode.Watchdog);
            }, "FAULT Watchdog received by the host");
            Assert.Equal(new[] { 0f, 0f }, peer.LastCommand); // safe state on the device
            Assert.False(peer.IsArmed);
            supervisor.ForceReconnect("re-arm after watchdog");
            Wait.For(() => peer.IsArmed && supervisor.State == RigConnectionState.Connected, "re-armed by HELLO");
        }
    }

    [Fact]
    public void DeadPort_GoesOfflineAfterTheRetryRound()
    {
        var events = new List<RigLinkEvent>();
        using var supervisor = new RigSupervisor(new RigSupervisorOptions
        {
            PortName = _link, // nothing there
            MaxRetryAttempts = 4,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(20),
            OfflineRetryInterval = TimeSpan.Zero,
        });
        supervisor.EventRaised += e =>
        {
            lock (events) events.Add(e);
        };
        supervisor.Start();
        Wait.For(() => supervisor.State == RigConnectionState.Offline, "offline");
        Assert.Equal(5, supervisor.Statistics.Snapshot().ConnectFailures); // first attempt + 4 retries
        Assert.True(supervisor.LastError is IOException or UnauthorizedAccessException, supervisor.LastError?.ToString());
        Assert.False(supervisor.TrySendCommand([0.0f, 0.0f]));
    }
}
