using Robotics.Control.Loop;

namespace Robotics.Nodes;

/// <summary>
/// Runs a <see cref="ControlLoop"/> in real time: on a dedicated thread, each tick starts at its absolute
/// deadline (start + k * period) measured on the loop's clock (the monotonic system clock on a robot).
/// This is where wall-clock time and sleeping enter the service; the loop itself never waits.
/// </summary>
/// <remarks>
/// Waiting is hybrid: the thread sleeps while more than <see cref="FixedRateRunnerOptions.SpinThreshold"/>
/// remains (the OS wakes it late by up to a scheduler quantum), then yields until the deadline. Absolute
/// deadlines keep drift out: a late tick does not push later ones back, and whole missed periods are
/// skipped by the loop (counted in <see cref="ControlLoop.Overruns"/>) instead of bursting.
/// A PeriodicTimer was measured to jitter 4.3-8.6 ms at 5 ms on this class of machine, hence this design.
/// </remarks>
public sealed class FixedRateRunner
{
    private readonly ControlLoop _loop;
    private readonly FixedRateRunnerOptions _options;

    /// <summary>Creates a runner for <paramref name="loop"/>, whose clock must be a real (advancing) clock.</summary>
    public FixedRateRunner(ControlLoop loop, FixedRateRunnerOptions? options = null)
    {
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _options = options ?? new FixedRateRunnerOptions();
        _options.Validate();
    }

    /// <summary>
    /// Starts the loop and runs <paramref name="ticks"/> ticks (or until cancelled) on a dedicated thread.
    /// The task completes with the number of ticks run.
    /// </summary>
    public Task<long> RunAsync(long ticks, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        var completion = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                completion.SetResult(RunOnThisThread(ticks, cancellationToken));
            }
            catch (Exception ex)
            {
                completion.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "control-loop",
            Priority = _options.ThreadPriority,
        };
        thread.Start();
        return completion.Task;
    }

    private long RunOnThisThread(long ticks, CancellationToken cancellationToken)
    {
        _loop.Start();
        var spin = _options.SpinThreshold.Ticks * 100L; // ns
        while (_loop.TickCount < ticks && !cancellationToken.IsCancellationRequested)
        {
            while (true)
            {
                long remaining = (_loop.NextDeadline - _loop.LoopTime).Nanoseconds;
                if (remaining <= 0) break;
                if (remaining > spin)
                {
                    Thread.Sleep(TimeSpan.FromTicks((remaining - spin) / 100));
                }
                else
                {
                    Thread.Yield();
                }
            }

            _loop.Tick();
        }

        return _loop.TickCount;
    }
}
