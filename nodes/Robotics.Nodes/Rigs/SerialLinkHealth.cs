using System.Globalization;
using Robotics.Drivers.Serial;
using Robotics.Ros.Interfaces.DiagnosticMsgs;

namespace Robotics.Nodes.Rigs;

/// <summary>
/// The serial link of a rig node as a <c>diagnostic_msgs/DiagnosticStatus</c> (name <c>"&lt;node&gt;: serial link"</c>,
/// hardware id = the port), published on <c>/diagnostics</c> next to the host's control-loop status.
/// </summary>
/// <remarks>
/// <para>Values: <c>link_state</c>, <c>port</c>, the counters of <see cref="RigLinkSnapshot.ToKeyValues"/> (frames,
/// CRC/COBS/length/version errors, sample gaps, faults, link losses, connects, sample age, command latency, round trip),
/// <c>reconnects</c> (connects after the first), <c>decode_errors</c>, <c>dropped_commands</c> (commands not sent while the
/// link was down) and the counts of the window (<c>window_frames</c>, <c>window_decode_errors</c>, ...).</para>
/// <para>Level: ERROR while not connected; WARN when the window saw decode errors, sample gaps, firmware faults or a
/// link loss (the link recovered within the window); OK otherwise.</para>
/// </remarks>
public static class SerialLinkHealth
{
    /// <summary>Builds the status.</summary>
    /// <param name="nodeName">The node name (prefix of the status name).</param>
    /// <param name="port">The port path (hardware id).</param>
    /// <param name="state">The supervisor's connection state.</param>
    /// <param name="now">Statistics now.</param>
    /// <param name="previous">Statistics at the start of the window (null: since start).</param>
    /// <param name="droppedCommands">Commands not sent because the link was down, since start.</param>
    /// <returns>The status.</returns>
    public static DiagnosticStatus Assess(string nodeName, string port, RigConnectionState state, RigLinkSnapshot now, RigLinkSnapshot? previous,
        long droppedCommands)
    {
        ArgumentNullException.ThrowIfNull(now);
        long frames = now.FramesReceived - (previous?.FramesReceived ?? 0);
        long decode = now.DecodeErrors - (previous?.DecodeErrors ?? 0);
        long gaps = now.SampleGaps - (previous?.SampleGaps ?? 0);
        long faults = now.Faults - (previous?.Faults ?? 0);
        long losses = now.LinkLosses - (previous?.LinkLosses ?? 0);
        byte level = DiagnosticStatus.OK;
        var problems = new List<string>();
        if (state != RigConnectionState.Connected)
        {
            level = DiagnosticStatus.ERROR;
            problems.Add($"link {state}");
        }

        void Warn(long n, string what)
        {
            if (n <= 0) return;
            level = Math.Max(level, DiagnosticStatus.WARN);
            problems.Add($"{n} {what}");
        }

        Warn(losses, "link losses");
        Warn(decode, "decode errors");
        Warn(gaps, "sample gaps");
        Warn(faults, "firmware faults");
        var values = new List<KeyValue>
        {
            Kv("link_state", state.ToString()),
            Kv("port", port),
            Kv("reconnects", I(Math.Max(0, now.Connects - 1))),
            Kv("decode_errors", I(now.DecodeErrors)),
            Kv("dropped_commands", I(droppedCommands)),
            Kv("window_frames", I(frames)),
            Kv("window_decode_errors", I(decode)),
            Kv("window_sample_gaps", I(gaps)),
            Kv("window_link_losses", I(losses)),
        };
        foreach (var kv in now.ToKeyValues()) values.Add(Kv(kv.Key, kv.Value));
        return new DiagnosticStatus
        {
            Level = level,
            Name = $"{nodeName}: serial link",
            HardwareId = port,
            Message = problems.Count > 0 ? string.Join("; ", problems) : "connected",
            Values = [.. values],
        };
    }

    /// <summary>Finds a value by key (tests, tools); null when absent.</summary>
    /// <param name="status">The status.</param>
    /// <param name="key">The key.</param>
    /// <returns>The value or null.</returns>
    public static string? Find(DiagnosticStatus status, string key)
    {
        ArgumentNullException.ThrowIfNull(status);
        foreach (var kv in status.Values)
        {
            if (kv.Key == key) return kv.Value;
        }

        return null;
    }

    private static KeyValue Kv(string k, string v) => new() { Key = k, Value = v };

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
}
