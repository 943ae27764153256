using System.Diagnostics;

namespace Robotics.Drivers.Serial;

/// <summary>
/// Measures a rig link: heartbeat round trips (one at a time, host clock only) and, while streaming commands at a
/// fixed rate, sample age and command latency. Used by <c>robotics console --latency</c>; results feed
/// tests/Robotics.Benchmarks/results/.
/// </summary>
public static class SerialLatencyProbe
{
    /// <summary>Sends <paramref name="count"/> heartbeats one after another and records each round trip.</summary>
    /// <param name="session">A connected session (after <see cref="RigSession.Handshake"/>).</param>
    /// <param name="count">Round trips to measure (after <paramref name="warmup"/> unrecorded ones).</param>
    /// <param name="warmup">Round trips to discard first (JIT, caches).</param>
    /// <param name="timeout">Longest wait for one reply before the probe fails.</param>
    /// <exception cref="TimeoutException">A reply did not arrive in time.</exception>
    public static LatencySummary MeasureRoundTrips(RigSession session, int count, int warmup = 200, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var recorder = new LatencyRecorder(count);
        using var replied = new ManualResetEventSlim(false);
        double lastRtt = 0;
        void OnReply(RigHeartbeatReply reply, double rttMicros)
        {
            lastRtt = rttMicros;
            replied.Set();
        }

        session.HeartbeatReplyReceived += OnReply;
        try
        {
            var wait = timeout ?? TimeSpan.FromSeconds(1);
            for (int i = 0; i < warmup + count; i++)
            {
                replied.Reset();
                long start = Stopwatch.GetTimestamp();
                if (!session.SendHeartbeat()) throw new LinkLostException($"Link '{session.Link.PortName}' lost during the latency probe.");
                if (!replied.Wait(wait)) throw new TimeoutException($"No heartbeat reply within {wait.TotalMilliseconds:F0} ms (round trip {i}).");
                long end = Stopwatch.GetTimestamp();
                if (i >= warmup) recorder.Record((long)((end - start) * (1e9 / Stopwatch.Frequency)));
                _ = lastRtt;
            }
        }
        finally
        {
            session.HeartbeatReplyReceived -= OnReply;
        }

        return recorder.Summarize();
    }

    /// <summary>
    /// Streams commands at <paramref name="rateHz"/> for <paramref name="duration"/> (absolute-deadline pacing on the
    /// calling thread) and returns the session's sample age and command latency summaries over that window.
    /// </summary>
    public static (LatencySummary SampleAge, LatencySummary CommandLatency, long SampleGaps, long DecodeErrors) MeasureClosedLoop(
        RigSession session, ReadOnlySpan<float> command, double rateHz, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Statistics.SampleAge.Clear();
        session.Statistics.CommandLatency.Clear();
        var before = session.Statistics.Snapshot();
        long period = (long)(Stopwatch.Frequency / rateHz);
        long next = Stopwatch.GetTimestamp();
        long end = next + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end)
        {
            if (!session.SendCommand(command)) throw new LinkLostException($"Link '{session.Link.PortName}' lost during the closed-loop probe.");
            next += period;
            long wait = next - Stopwatch.GetTimestamp();
            if (wait > 0) Thread.Sleep(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency));
        }

        var after = session.Statistics.Snapshot();
        return (after.SampleAge, after.CommandLatency, after.SampleGaps - before.SampleGaps, after.DecodeErrors - before.DecodeErrors);
    }
}
