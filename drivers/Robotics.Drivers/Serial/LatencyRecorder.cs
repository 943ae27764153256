namespace Robotics.Drivers.Serial;

/// <summary>
/// Keeps the most recent latency samples (nanoseconds) in a ring for median/p99 summaries.
/// Recording is allocation-free; <see cref="Summarize"/> sorts a copy (diagnostics, not the tick).
/// Thread-safe.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly long[] _ring;
    private readonly object _lock = new();
    private long _count;

    /// <summary>Creates a recorder that keeps the last <paramref name="capacity"/> samples.</summary>
    public LatencyRecorder(int capacity = 8192)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new long[capacity];
    }

    /// <summary>Samples recorded since creation or <see cref="Clear"/>.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Records one latency in nanoseconds.</summary>
    public void Record(long nanoseconds)
    {
        lock (_lock)
        {
            _ring[_count % _ring.Length] = nanoseconds;
            _count++;
        }
    }

    /// <summary>Forgets all samples.</summary>
    public void Clear()
    {
        lock (_lock) _count = 0;
    }

    /// <summary>Median, p99 (nearest rank) and max of the samples in the ring.</summary>
    public LatencySummary Summarize()
    {
        long[] copy;
        long count;
        lock (_lock)
        {
            count = _count;
            int n = (int)Math.Min(count, _ring.Length);
            copy = _ring.AsSpan(0, n).ToArray();
        }

        if (copy.Length == 0) return new LatencySummary(count, 0, double.NaN, double.NaN, double.NaN);
        Array.Sort(copy);
        return new LatencySummary(count, copy.Length, Rank(copy, 0.50) / 1000.0, Rank(copy, 0.99) / 1000.0, copy[^1] / 1000.0);
    }

    private static long Rank(long[] sorted, double quantile)
    {
        int index = (int)Math.Ceiling(quantile * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
