namespace Robotics.Drivers.Serial;

/// <summary>A copy of <see cref="RigLinkStatistics"/> at one moment, for diagnostics, the console and tests.</summary>
public sealed record RigLinkSnapshot
{
    /// <summary>Good frames decoded.</summary>
    public long FramesReceived { get; init; }

    /// <summary>Bytes read from the link.</summary>
    public long BytesReceived { get; init; }

    /// <summary>Frames written.</summary>
    public long FramesSent { get; init; }

    /// <summary>Bytes written.</summary>
    public long BytesSent { get; init; }

    /// <summary>Frames dropped for a CRC mismatch.</summary>
    public long CrcErrors { get; init; }

    /// <summary>Blocks dropped for invalid COBS.</summary>
    public long CobsErrors { get; init; }

    /// <summary>Blocks dropped for being too short or too long.</summary>
    public long LengthErrors { get; init; }

    /// <summary>Frames dropped for a wrong version byte.</summary>
    public long VersionErrors { get; init; }

    /// <summary>Known frame types with a body too short to parse.</summary>
    public long MalformedFrames { get; init; }

    /// <summary>Frames of unknown type (ignored, e.g. from a newer firmware).</summary>
    public long UnknownFrames { get; init; }

    /// <summary>SAMPLE frames accepted.</summary>
    public long Samples { get; init; }

    /// <summary>Samples missing according to sample_seq (lost on the wire or dropped by the firmware).</summary>
    public long SampleGaps { get; init; }

    /// <summary>Samples older than one already received (ignored).</summary>
    public long SampleReorders { get; init; }

    /// <summary>CMD frames sent.</summary>
    public long Commands { get; init; }

    /// <summary>HEARTBEAT frames sent.</summary>
    public long HeartbeatsSent { get; init; }

    /// <summary>HEARTBEAT_RSP frames received.</summary>
    public long HeartbeatsReceived { get; init; }

    /// <summary>FAULT frames received.</summary>
    public long Faults { get; init; }

    /// <summary>Times the link was lost (hang-up, I/O error, receive timeout).</summary>
    public long LinkLosses { get; init; }

    /// <summary>Losses caused by the receive watchdog (no frame within the timeout).</summary>
    public long RxTimeouts { get; init; }

    /// <summary>Successful handshakes.</summary>
    public long Connects { get; init; }

    /// <summary>Failed connect attempts (each retry counts).</summary>
    public long ConnectFailures { get; init; }

    /// <summary>Sample age summary.</summary>
    public LatencySummary SampleAge { get; init; }

    /// <summary>Command latency summary.</summary>
    public LatencySummary CommandLatency { get; init; }

    /// <summary>Heartbeat round-trip summary.</summary>
    public LatencySummary RoundTrip { get; init; }

    /// <summary>The firmware's own counters from the last heartbeat reply.</summary>
    public RigHeartbeatReply? LastFirmwareCounters { get; init; }

    /// <summary>The last fault reported.</summary>
    public RigFault? LastFault { get; init; }

    /// <summary>Estimated firmware-minus-host clock offset, microseconds.</summary>
    public double ClockOffsetMicroseconds { get; init; }

    /// <summary>Decoder errors of every kind.</summary>
    public long DecodeErrors => CrcErrors + CobsErrors + LengthErrors + VersionErrors;

    /// <summary>
    /// The statistics as diagnostic key/value pairs (diagnostic_msgs/KeyValue style, lower_snake keys, invariant
    /// culture), for the node's /diagnostics status of the rig.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToKeyValues()
    {
        static string I(long v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        static string D(double v) => v.ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            new("frames_received", I(FramesReceived)), new("frames_sent", I(FramesSent)),
            new("samples", I(Samples)), new("sample_gaps", I(SampleGaps)),
            new("crc_errors", I(CrcErrors)), new("cobs_errors", I(CobsErrors)), new("length_errors", I(LengthErrors)), new("version_errors", I(VersionErrors)),
            new("faults", I(Faults)), new("last_fault", LastFault?.Code.ToString() ?? "none"),
            new("link_losses", I(LinkLosses)), new("rx_timeouts", I(RxTimeouts)), new("connects", I(Connects)), new("connect_failures", I(ConnectFailures)),
            new("sample_age_median_us", D(SampleAge.MedianMicroseconds)), new("sample_age_p99_us", D(SampleAge.P99Microseconds)),
            new("command_latency_median_us", D(CommandLatency.MedianMicroseconds)), new("command_latency_p99_us", D(CommandLatency.P99Microseconds)),
            new("round_trip_median_us", D(RoundTrip.MedianMicroseconds)), new("round_trip_p99_us", D(RoundTrip.P99Microseconds)),
            new("clock_offset_us", D(ClockOffsetMicroseconds)),
        ];
    }

    /// <summary>One line for logs and redirected console output.</summary>
    public override string ToString() =>
        $"rx {FramesReceived} frames ({Samples} samples, gaps {SampleGaps}), tx {FramesSent} frames ({Commands} cmds); errors crc {CrcErrors} cobs {CobsErrors} len {LengthErrors} ver {VersionErrors}; faults {Faults}; losses {LinkLosses} (rx timeouts {RxTimeouts}); connects {Connects}; age {SampleAge}; cmd {CommandLatency}; rtt {RoundTrip}";
}
