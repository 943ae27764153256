using Robotics.Control.Loop;

namespace Robotics.Nodes;

/// <summary>
/// Runs a <see cref="ControlLoop"/> at its fixed rate on a dedicated thread, each tick started at its absolute
/// deadline by a <see cref="RealTimePacer"/> on the loop's clock (the monotonic system clock on a robot).
/// </summary>
public sealed class FixedRateRunner
{
    private readonly ControlLoop _loop;
    private readonly FixedRateRunnerOptions _options;
    private readonly RealTimePacer _pacer;

    /// <summary>Creates a runner for <paramref name="loop"/>, whose clock must be a real (advancing) clock.</summary>
    public FixedRateRunner(ControlLoop loop, TimeProvider clock, FixedRateRunnerOptions? options = null)
    {
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _options = options ?? new FixedRateRunnerOptions();
        _pacer = new RealTimePacer(clock, _options);
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
                _loop.Start();
                while (_loop.TickCount < ticks && !cancellationToken.IsCancellationRequested)
                {
                    _pacer.WaitForNextDeadline(_loop, cancellationToken);
                    if (cancellationToken.IsCancellationRequested) break;
                    _loop.Tick();
                }

                completion.SetResult(_loop.TickCount);
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
}
