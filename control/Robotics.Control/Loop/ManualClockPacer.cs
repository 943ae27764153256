using Robotics.Core.Time;

namespace Robotics.Control.Loop;

/// <summary>
/// The simulator's pacer: jumps a <see cref="ManualClock"/> to each deadline, so every tick starts exactly
/// on time and a run takes as long as the computation, not as long as the simulated time.
/// </summary>
public sealed class ManualClockPacer : ILoopPacer
{
    private readonly ManualClock _clock;

    /// <summary>Creates a pacer over <paramref name="clock"/> (a new clock at time zero when null).</summary>
    public ManualClockPacer(ManualClock? clock = null) => _clock = clock ?? new ManualClock();

    /// <inheritdoc />
    public TimeProvider Clock => _clock;

    /// <inheritdoc />
    public void WaitForNextDeadline(ControlLoop loop, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loop);
        var remaining = loop.NextDeadline - loop.LoopTime;
        if (remaining > SimTime.Zero) _clock.Advance(remaining);
    }
}
