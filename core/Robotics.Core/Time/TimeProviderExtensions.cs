namespace Robotics.Core.Time;

/// <summary>Conversions between <see cref="TimeProvider"/> timestamps and <see cref="SimTime"/>.</summary>
public static class TimeProviderExtensions
{
    /// <summary>The provider's monotonic timestamp as nanoseconds (exact when the frequency is 1 GHz).</summary>
    public static SimTime GetSimTime(this TimeProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return TimestampToSimTime(provider.GetTimestamp(), provider.TimestampFrequency);
    }

    /// <summary>Converts a raw timestamp at <paramref name="frequency"/> ticks per second to nanoseconds.</summary>
    public static SimTime TimestampToSimTime(long timestamp, long frequency)
    {
        if (frequency == SimTime.NanosecondsPerSecond)
        {
            return new SimTime(timestamp);
        }

        // Split to avoid overflow of timestamp * 1e9 for large timestamps.
        long whole = timestamp / frequency;
        long rest = timestamp % frequency;
        return new SimTime(whole * SimTime.NanosecondsPerSecond + rest * SimTime.NanosecondsPerSecond / frequency);
    }
}
