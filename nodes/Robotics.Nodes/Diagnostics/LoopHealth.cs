using System.Globalization;
using Robotics.Ros.Interfaces.DiagnosticMsgs;

namespace Robotics.Nodes.Diagnostics;

/// <summary>
/// Turns a <see cref="LoopHealthSample"/> into a <c>diagnostic_msgs/DiagnosticStatus</c> with diagnostic_updater's
/// conventions: name <c>"&lt;node&gt;: control loop"</c>, the hardware id, key/value pairs, and a level.
/// </summary>
/// <remarks>
/// ERROR: a driver fault in the window or still unacknowledged while active, safe-command ticks or refused writes.
/// WARN: overruns or stale-state ticks in the window, or (while running) a measured rate outside
/// [0.9, 1.1] x the target (diagnostic_updater's FrequencyStatus default tolerance 0.1). OK otherwise, including
/// an inactive or unconfigured node (its message says so).
/// </remarks>
public static class LoopHealth
{
    /// <summary>Relative rate tolerance before WARN (diagnostic_updater's default 0.1).</summary>
    public const double RateTolerance = 0.1;

    /// <summary>Builds the status.</summary>
    /// <param name="nodeName">The node name (prefix of the status name).</param>
    /// <param name="hardwareId">The hardware id (<c>none</c> when there is no hardware).</param>
    /// <param name="s">The sample.</param>
    /// <returns>The status.</returns>
    public static DiagnosticStatus Assess(string nodeName, string hardwareId, LoopHealthSample s)
    {
        ArgumentNullException.ThrowIfNull(s);
        byte level = DiagnosticStatus.OK;
        var problems = new List<string>();
        if (s.NewWriteFaults > 0)
        {
            level = DiagnosticStatus.ERROR;
            problems.Add($"{s.NewWriteFaults} refused writes");
        }

        if (s.NewSafeTicks > 0)
        {
            level = DiagnosticStatus.ERROR;
            problems.Add($"{s.NewSafeTicks} safe-command ticks");
        }

        if (s.LastFault.Length > 0 && !s.Active)
        {
            level = DiagnosticStatus.ERROR;
            problems.Add("driver fault: " + s.LastFault);
        }

        if (s.NewOverruns > 0)
        {
            level = Math.Max(level, DiagnosticStatus.WARN);
            problems.Add($"{s.NewOverruns} overruns");
        }

        if (s.NewStaleTicks > 0)
        {
            level = Math.Max(level, DiagnosticStatus.WARN);
            problems.Add($"{s.NewStaleTicks} stale-state ticks");
        }

        if (double.IsFinite(s.MeasuredRateHz) && s.TargetRateHz > 0)
        {
            if (s.MeasuredRateHz < s.TargetRateHz * (1 - RateTolerance))
            {
                level = Math.Max(level, DiagnosticStatus.WARN);
                problems.Add("Frequency too low.");
            }
            else if (s.MeasuredRateHz > s.TargetRateHz * (1 + RateTolerance))
            {
                level = Math.Max(level, DiagnosticStatus.WARN);
                problems.Add("Frequency too high.");
            }
        }

        string message = problems.Count > 0 ? string.Join("; ", problems)
            : s.Active ? "running" : $"{s.LifecycleLabel} (not commanding the hardware)";
        return new DiagnosticStatus
        {
            Level = level,
            Name = $"{nodeName}: control loop",
            HardwareId = hardwareId,
            Message = message,
            Values =
            [
                Kv("lifecycle_state", s.LifecycleLabel),
                Kv("target_rate_hz", F(s.TargetRateHz)),
                Kv("rate_hz", F(s.MeasuredRateHz)),
                Kv("jitter_rms_us", F(s.RmsJitterSeconds * 1e6)),
                Kv("jitter_max_us", F(s.MaxJitterSeconds * 1e6)),
                Kv("compute_max_us", F(s.MaxComputeSeconds * 1e6)),
                Kv("overruns", s.NewOverruns.ToString(CultureInfo.InvariantCulture)),
                Kv("stale_ticks", s.NewStaleTicks.ToString(CultureInfo.InvariantCulture)),
                Kv("safe_ticks", s.NewSafeTicks.ToString(CultureInfo.InvariantCulture)),
                Kv("write_faults", s.NewWriteFaults.ToString(CultureInfo.InvariantCulture)),
                Kv("driver_faults", s.DriverFaults.ToString(CultureInfo.InvariantCulture)),
                Kv("last_fault", s.LastFault),
                Kv("link_state", s.LinkState),
            ],
        };
    }

    private static KeyValue Kv(string k, string v) => new() { Key = k, Value = v };

    private static string F(double x) => double.IsFinite(x) ? x.ToString("0.###", CultureInfo.InvariantCulture) : "nan";
}
