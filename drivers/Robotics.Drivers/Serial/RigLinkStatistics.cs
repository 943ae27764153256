namespace Robotics.Drivers.Serial;

/// <summary>
/// Link statistics of one rig across reconnects: frames and bytes each way, decoder errors, sample
/// sequence gaps, faults, link losses, and latency recorders (sample age, command latency, heartbeat
/// round trip). Counters are updated with interlocked operations and can be read from any thread;
/// <see cref="Snapshot"/> gives a consistent-enough copy for diagnostics.
/// </summary>
public sealed class RigLinkStatistics
{
    internal long FramesReceivedCount, BytesReceivedCount, FramesSentCount, BytesSentCount;
    internal long CrcErrorCount, CobsErrorCount, LengthErrorCount, VersionErrorCount, MalformedCount, UnknownCount;
    internal long SamplesCount, SampleGapCount, SampleReorderCount, CommandsCount, HeartbeatsSentCount, HeartbeatsReceivedCount;
    internal long FaultCount, LinkLossCount, ConnectCount, ConnectFailureCount, RxTimeoutCount;

    /// <summary>Sample age: host receive time minus the firmware's sample time (clock offset from heartbeats).</summary>
    public LatencyRecorder SampleAge { get; } = new();

    /// <summary>Command latency: firmware apply time minus host send time (clock offset from heartbeats).</summary>
    public LatencyRecorder CommandLatency { get; } = new();

    /// <summary>Heartbeat round trip host -> firmware -> host, measured on the host clock only.</summary>
    public LatencyRecorder RoundTrip { get; } = new();

    /// <summary>The last heartbeat reply (the firmware's own counters), if any.</summary>
    public RigHeartbeatReply? LastFirmwareCounters { get; internal set; }

    /// <summary>The last fault the firmware reported, if any.</summary>
    public RigFault? LastFault { get; internal set; }

    /// <summary>The estimated firmware-minus-host clock offset in microseconds (from the minimum-RTT exchange).</summary>
    public double ClockOffsetMicroseconds { get; internal set; }

    /// <summary>Copies the counters and summarises the latencies.</summary>
    public RigLinkSnapshot Snapshot() => new()
    {
        FramesReceived = Interlocked.Read(ref FramesReceivedCount),
        BytesReceived = Interlocked.Read(ref BytesReceivedCount),
        FramesSent = Interlocked.Read(ref FramesSentCount),
        BytesSent = Interlocked.Read(ref BytesSentCount),
        CrcErrors = Interlocked.Read(ref CrcErrorCount),
        CobsErrors = Interlocked.Read(ref CobsErrorCount),
        LengthErrors = Interlocked.Read(ref LengthErrorCount),
        VersionErrors = Interlocked.Read(ref VersionErrorCount),
        MalformedFrames = Interlocked.Read(ref MalformedCount),
        UnknownFrames = Interlocked.Read(ref UnknownCount),
        Samples = Interlocked.Read(ref SamplesCount),
        SampleGaps = Interlocked.Read(ref SampleGapCount),
        SampleReorders = Interlocked.Read(ref SampleReorderCount),
        Commands = Interlocked.Read(ref CommandsCount),
        HeartbeatsSent = Interlocked.Read(ref HeartbeatsSentCount),
        HeartbeatsReceived = Interlocked.Read(ref HeartbeatsReceivedCount),
        Faults = Interlocked.Read(ref FaultCount),
        LinkLosses = Interlocked.Read(ref LinkLossCount),
        RxTimeouts = Interlocked.Read(ref RxTimeoutCount),
        Connects = Interlocked.Read(ref ConnectCount),
        ConnectFailures = Interlocked.Read(ref ConnectFailureCount),
        SampleAge = SampleAge.Summarize(),
        CommandLatency = CommandLatency.Summarize(),
        RoundTrip = RoundTrip.Summarize(),
        LastFirmwareCounters = LastFirmwareCounters,
        LastFault = LastFault,
        ClockOffsetMicroseconds = ClockOffsetMicroseconds,
    };
}
