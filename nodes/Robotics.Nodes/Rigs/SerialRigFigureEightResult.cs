using System.Globalization;
using Robotics.Drivers.Serial;

namespace Robotics.Nodes.Rigs;

/// <summary>What a <see cref="SerialRigFigureEight"/> run measured.</summary>
public sealed record SerialRigFigureEightResult
{
    /// <summary>The settings of the run.</summary>
    public required SerialRigFigureEightOptions Options { get; init; }

    /// <summary>Ticks run (settle included).</summary>
    public long Ticks { get; init; }

    /// <summary>Ticks in the measured figure eight.</summary>
    public long MeasuredTicks { get; init; }

    /// <summary>RMS path error over the measured ticks, m (ground-truth outputs of the SAMPLE frames vs the path now).</summary>
    public double RmsErrorMeters { get; init; }

    /// <summary>Largest path error, m.</summary>
    public double MaxErrorMeters { get; init; }

    /// <summary>RMS distance of the path from its centre, m (the error of not moving at all, for scale).</summary>
    public double PathRmsExcursionMeters { get; init; }

    /// <summary>Mean measured period, s.</summary>
    public double MeanPeriodSeconds { get; init; }

    /// <summary>Smallest measured period, s.</summary>
    public double MinPeriodSeconds { get; init; }

    /// <summary>Largest measured period, s.</summary>
    public double MaxPeriodSeconds { get; init; }

    /// <summary>RMS tick start jitter against the absolute deadlines, s.</summary>
    public double RmsJitterSeconds { get; init; }

    /// <summary>Largest |jitter|, s.</summary>
    public double MaxJitterSeconds { get; init; }

    /// <summary>Whole periods missed (skipped by the loop).</summary>
    public long Overruns { get; init; }

    /// <summary>Mean tick compute time (read + controller + write), s.</summary>
    public double MeanComputeSeconds { get; init; }

    /// <summary>Largest tick compute time, s.</summary>
    public double MaxComputeSeconds { get; init; }

    /// <summary>Ticks by status: ok, stale state, safe command, write fault.</summary>
    public required long[] StatusCounts { get; init; }

    /// <summary>Controller fallbacks / failures (NaN steps).</summary>
    public long ControllerFailures { get; init; }

    /// <summary>Age of the sample the controller used, at the tick that used it (MCU time to host now), median, us.</summary>
    public double SampleAgeAtUseMedianMicroseconds { get; init; }

    /// <summary>Sample age at use, 99th percentile, us.</summary>
    public double SampleAgeAtUseP99Microseconds { get; init; }

    /// <summary>Link statistics over the run (the driver's sample age at arrival and command latency windows included).</summary>
    public required RigLinkSnapshot Link { get; init; }

    /// <summary>Samples missing by sequence number during the run.</summary>
    public long SampleGaps { get; init; }

    /// <summary>Host-side decode errors (CRC, COBS, length, version) during the run.</summary>
    public long DecodeErrors { get; init; }

    /// <summary>Commands the firmware never saw, per its last heartbeat reply (-1 if none arrived).</summary>
    public long FirmwareCommandGaps { get; init; }

    /// <summary>Frames the firmware dropped for CRC/COBS errors, per its last heartbeat reply (-1 if none arrived).</summary>
    public long FirmwareDecodeErrors { get; init; }

    /// <summary>Link losses during the run.</summary>
    public long LinkLosses { get; init; }

    /// <summary>FAULT frames from the firmware during the run (e.g. its command watchdog).</summary>
    public long Faults { get; init; }

    /// <summary>True when no frame was lost or corrupt in either direction and the link never dropped.</summary>
    public bool Clean => SampleGaps == 0 && DecodeErrors == 0 && FirmwareCommandGaps == 0 && FirmwareDecodeErrors == 0 && LinkLosses == 0;

    /// <summary>The error bound of the issue for this rig: tendon 2 mm, HASEL 1 mm.</summary>
    public double ErrorBoundMeters => Options.Rig == RigType.Tendon ? 0.002 : 0.001;

    /// <summary>Header of <see cref="ToMarkdownRow"/>.</summary>
    public static string MarkdownHeader =>
        "| rig | controller | rate Hz | s | RMS error mm | max error mm | path RMS mm | bound mm | lost / corrupt frames | period mean / min / max ms | jitter RMS / max ms | overruns | compute mean / max ms | sample age at arrival median / p99 us | sample age at use median / p99 us | command latency median / p99 us |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    /// <summary>One markdown table row.</summary>
    public string ToMarkdownRow()
    {
        static string F(double v, string f = "F2") => v.ToString(f, CultureInfo.InvariantCulture);
        string frames = $"{SampleGaps} gaps, {DecodeErrors} host errors, {FirmwareCommandGaps} cmd gaps, {FirmwareDecodeErrors} fw errors, {LinkLosses} losses";
        return $"| {Options.Rig.ToString().ToLowerInvariant()} | {Options.Controller.ToString().ToLowerInvariant()} | {F(Options.RateHz, "F0")} | {F(Options.DurationSeconds, "F0")} | " +
               $"**{F(RmsErrorMeters * 1e3, "F3")}** | {F(MaxErrorMeters * 1e3, "F3")} | {F(PathRmsExcursionMeters * 1e3)} | {F(ErrorBoundMeters * 1e3, "F0")} | {frames} | " +
               $"{F(MeanPeriodSeconds * 1e3, "F3")} / {F(MinPeriodSeconds * 1e3)} / {F(MaxPeriodSeconds * 1e3)} | {F(RmsJitterSeconds * 1e3, "F3")} / {F(MaxJitterSeconds * 1e3)} | {Overruns} | " +
               $"{F(MeanComputeSeconds * 1e3, "F3")} / {F(MaxComputeSeconds * 1e3)} | {F(Link.SampleAge.MedianMicroseconds, "F0")} / {F(Link.SampleAge.P99Microseconds, "F0")} | " +
               $"{F(SampleAgeAtUseMedianMicroseconds, "F0")} / {F(SampleAgeAtUseP99Microseconds, "F0")} | {F(Link.CommandLatency.MedianMicroseconds, "F0")} / {F(Link.CommandLatency.P99Microseconds, "F0")} |";
    }

    /// <summary>A multi-line human summary.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Options.Rig} {Options.Controller} at {Options.RateHz:F0} Hz for {Options.DurationSeconds:F0} s: RMS error {RmsErrorMeters * 1e3:F3} mm (bound {ErrorBoundMeters * 1e3:F0} mm), max {MaxErrorMeters * 1e3:F3} mm, path RMS {PathRmsExcursionMeters * 1e3:F2} mm\n" +
            $"  ticks {Ticks} (ok {StatusCounts[0]}, stale {StatusCounts[1]}, safe {StatusCounts[2]}, write fault {StatusCounts[3]}), controller failures {ControllerFailures}\n" +
            $"  period mean {MeanPeriodSeconds * 1e3:F3} ms (min {MinPeriodSeconds * 1e3:F2}, max {MaxPeriodSeconds * 1e3:F2}), jitter RMS {RmsJitterSeconds * 1e3:F3} ms (max {MaxJitterSeconds * 1e3:F2}), overruns {Overruns}, compute mean {MeanComputeSeconds * 1e3:F3} ms (max {MaxComputeSeconds * 1e3:F2})\n" +
            $"  frames: sample gaps {SampleGaps}, host decode errors {DecodeErrors}, firmware cmd gaps {FirmwareCommandGaps}, firmware decode errors {FirmwareDecodeErrors}, link losses {LinkLosses}, firmware faults {Faults} (last {Link.LastFault?.Code.ToString() ?? "none"}) -> {(Clean ? "clean" : "NOT clean")}\n" +
            $"  sample age at arrival {Link.SampleAge}; at use median {SampleAgeAtUseMedianMicroseconds:F0} us, p99 {SampleAgeAtUseP99Microseconds:F0} us; command latency {Link.CommandLatency}");
}
