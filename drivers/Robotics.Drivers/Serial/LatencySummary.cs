namespace Robotics.Drivers.Serial;

/// <summary>Order statistics of recent latency samples, in microseconds.</summary>
/// <param name="Count">Samples recorded in total.</param>
/// <param name="Window">Samples the percentiles are computed over (the most recent ones).</param>
/// <param name="MedianMicroseconds">50th percentile.</param>
/// <param name="P99Microseconds">99th percentile.</param>
/// <param name="MaxMicroseconds">Largest value in the window.</param>
public readonly record struct LatencySummary(long Count, int Window, double MedianMicroseconds, double P99Microseconds, double MaxMicroseconds)
{
    /// <summary>"median / p99 / max us (n)" for logs and tables.</summary>
    public override string ToString() => Window == 0
        ? "n/a"
        : $"{MedianMicroseconds:F0} / {P99Microseconds:F0} / {MaxMicroseconds:F0} us (n={Count})";
}
