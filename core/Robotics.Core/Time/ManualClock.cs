namespace Robotics.Core.Time;

/// <summary>
/// A <see cref="TimeProvider"/> whose time only moves when <see cref="Advance"/> is called: the clock of
/// the simulator. Timestamps are nanoseconds since creation.
/// </summary>
/// <remarks>
/// The same control loop runs against this clock in simulation and against the monotonic system clock
/// on a robot. Timers are not supported: nothing in a deterministic layer waits.
/// </remarks>
public sealed class ManualClock : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long _nanoseconds;

    /// <summary>Creates a clock at <paramref name="start"/> (default zero).</summary>
    public ManualClock(SimTime start = default) => _nanoseconds = start.Nanoseconds;

    /// <summary>The current time.</summary>
    public SimTime Now => new(_nanoseconds);

    /// <summary>Moves the clock forward.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The step is negative: time never runs backwards.</exception>
    public void Advance(SimTime step)
    {
        if (step.Nanoseconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "A clock only moves forward.");
        }

        _nanoseconds = checked(_nanoseconds + step.Nanoseconds);
    }

    /// <summary>Sets the clock to an absolute time, which must not be earlier than now.</summary>
    public void AdvanceTo(SimTime time) => Advance(time - Now);

    /// <inheritdoc />
    public override long TimestampFrequency => SimTime.NanosecondsPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => _nanoseconds;

    /// <summary>A fixed epoch (2000-01-01 UTC) plus the elapsed simulated time.</summary>
    public override DateTimeOffset GetUtcNow() => Epoch.AddTicks(_nanoseconds / 100);

    /// <summary>Not supported: simulated time does not fire timers.</summary>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("ManualClock does not fire timers; advance it and tick the loop explicitly.");
}
