using System.Globalization;

namespace Robotics.Core.Time;

/// <summary>
/// A point in (or span of) simulated or monotonic time, stored as signed 64-bit nanoseconds.
/// </summary>
/// <remarks>
/// Integer nanoseconds keep tick arithmetic exact: 1000 ticks of 1 ms always add up to exactly 1 s,
/// which floating-point seconds do not. 2^63 ns is about 292 years. Conversions to seconds are for
/// physics and display only.
/// </remarks>
public readonly record struct SimTime(long Nanoseconds) : IComparable<SimTime>
{
    /// <summary>Nanoseconds per second.</summary>
    public const long NanosecondsPerSecond = 1_000_000_000L;

    /// <summary>Time zero.</summary>
    public static SimTime Zero => default;

    /// <summary>The largest representable time.</summary>
    public static SimTime MaxValue => new(long.MaxValue);

    /// <summary>This time in seconds (as a double).</summary>
    public double Seconds => Nanoseconds / (double)NanosecondsPerSecond;

    /// <summary>Creates a time from nanoseconds.</summary>
    public static SimTime FromNanoseconds(long nanoseconds) => new(nanoseconds);

    /// <summary>Creates a time from milliseconds.</summary>
    public static SimTime FromMilliseconds(long milliseconds) => new(checked(milliseconds * 1_000_000L));

    /// <summary>Creates a time from seconds, rounded to the nearest nanosecond.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or does not fit in 64-bit nanoseconds.</exception>
    public static SimTime FromSeconds(double seconds)
    {
        if (!double.IsFinite(seconds) || Math.Abs(seconds) > long.MaxValue / (double)NanosecondsPerSecond)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds,
                "Time in seconds must be finite and within +/-9.2e9 s.");
        }

        return new((long)Math.Round(seconds * NanosecondsPerSecond, MidpointRounding.AwayFromZero));
    }

    /// <summary>The period of a fixed rate, rounded to the nearest nanosecond.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not finite and positive.</exception>
    public static SimTime FromRate(double hertz)
    {
        if (!double.IsFinite(hertz) || hertz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hertz), hertz, "A rate must be finite and > 0 Hz.");
        }

        return FromSeconds(1.0 / hertz);
    }

    /// <summary>Converts to a <see cref="TimeSpan"/> (100 ns resolution, truncated).</summary>
    public TimeSpan ToTimeSpan() => TimeSpan.FromTicks(Nanoseconds / 100);

    /// <summary>Converts from a <see cref="TimeSpan"/>.</summary>
    public static SimTime FromTimeSpan(TimeSpan span) => new(checked(span.Ticks * 100));

    /// <summary>Sum of two times.</summary>
    public static SimTime operator +(SimTime a, SimTime b) => new(checked(a.Nanoseconds + b.Nanoseconds));

    /// <summary>Difference of two times.</summary>
    public static SimTime operator -(SimTime a, SimTime b) => new(checked(a.Nanoseconds - b.Nanoseconds));

    /// <summary>A time multiplied by an integer count (e.g. tick index times period).</summary>
    public static SimTime operator *(SimTime a, long count) => new(checked(a.Nanoseconds * count));

    /// <summary>Compares two times.</summary>
    public static bool operator <(SimTime a, SimTime b) => a.Nanoseconds < b.Nanoseconds;

    /// <summary>Compares two times.</summary>
    public static bool operator >(SimTime a, SimTime b) => a.Nanoseconds > b.Nanoseconds;

    /// <summary>Compares two times.</summary>
    public static bool operator <=(SimTime a, SimTime b) => a.Nanoseconds <= b.Nanoseconds;

    /// <summary>Compares two times.</summary>
    public static bool operator >=(SimTime a, SimTime b) => a.Nanoseconds >= b.Nanoseconds;

    /// <inheritdoc />
    public int CompareTo(SimTime other) => Nanoseconds.CompareTo(other.Nanoseconds);

    /// <summary>Seconds with nanosecond precision, e.g. <c>1.500000000 s</c>.</summary>
    public override string ToString() =>
        (Nanoseconds / (decimal)NanosecondsPerSecond).ToString("0.000000000", CultureInfo.InvariantCulture) + " s";
}
