using Robotics.Control.Loop;
using Robotics.Core.Time;

namespace Robotics.Nodes;

/// <summary>
/// Paces a <see cref="ControlLoop"/> in real time: waits until the monotonic clock reaches the loop's next
/// absolute deadline (start + k * period). This is where wall-clock time and sleeping enter the service.
/// </summary>
/// <remarks>
/// Waiting is hybrid: sleep while more than <see cref="FixedRateRunnerOptions.SpinThreshold"/> remains (the OS
/// wakes a sleeper late by up to a scheduler quantum), then yield until the deadline. Absolute deadlines keep
/// drift out: a late tick does not push later ones back, and whole missed periods are skipped by the loop
/// (<see cref="ControlLoop.Overruns"/>) instead of bursting. A PeriodicTimer was measured to jitter
/// 4.3-8.6 ms at 5 ms on this class of machine, hence this design.
/// </remarks>
public sealed class RealTimePacer : ILoopPacer
{
    private readonly long _spinNanoseconds;

    /// <summary>Creates a pacer on <paramref name="clock"/> (the system's monotonic clock when null).</summary>
    public RealTimePacer(TimeProvider? clock = null, FixedRateRunnerOptions? options = null)
    {
        Clock = clock ?? TimeProvider.System;
        var o = options ?? new FixedRateRunnerOptions();
        o.Validate();
        _spinNanoseconds = o.SpinThreshold.Ticks * 100L;
    }

    /// <inheritdoc />
    public TimeProvider Clock { get; }

    /// <inheritdoc />
    public void WaitForNextDeadline(ControlLoop loop, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loop);
        while (!cancellationToken.IsCancellationRequested)
        {
            long remaining = (loop.NextDeadline - loop.LoopTime).Nanoseconds;
            if (remaining <= 0) return;
            if (remaining > _spinNanoseconds)
            {
                Thread.Sleep(TimeSpan.FromTicks((remaining - _spinNanoseconds) / 100));
            }
            else
            {
                Thread.Yield();
            }
        }
    }
}
