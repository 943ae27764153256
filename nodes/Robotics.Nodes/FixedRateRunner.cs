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
    private readonly ITickBoundary? _boundary;

    /// <summary>Creates a runner for <paramref name="loop"/>, whose clock must be a real (advancing) clock.</summary>
    public FixedRateRunner(ControlLoop loop, TimeProvider clock, FixedRateRunnerOptions? options = null)
        : this(loop, clock, options, null)
    {
    }

    /// <summary>Creates a runner that calls <paramref name="boundary"/> around every tick (the node host's hook).</summary>
    /// <param name="loop">The loop.</param>
    /// <param name="clock">A real (advancing) clock.</param>
    /// <param name="options">Pacing options; null for the defaults.</param>
    /// <param name="boundary">Called on the control thread before and after each tick; null for none.</param>
    public FixedRateRunner(ControlLoop loop, TimeProvider clock, FixedRateRunnerOptions? options, ITickBoundary? boundary)
    {
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _options = options ?? new FixedRateRunnerOptions();
        _pacer = new RealTimePacer(clock, _options);
        _boundary = boundary;
    }

    /// <summary>
    /// Whether <see cref="RunAsync"/> calls <see cref="ControlLoop.Start"/> first (default true). The node host starts
    /// the loop itself at configure time so loop time stays monotonic across activations.
    /// </summary>
    public bool StartLoop { get; init; } = true;

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
                if (StartLoop) _loop.Start();
                long first = _loop.TickCount;
                while (_loop.TickCount - first < ticks && !cancellationToken.IsCancellationRequested)
                {
                    _pacer.WaitForNextDeadline(_loop, cancellationToken);
                    if (cancellationToken.IsCancellationRequested) break;
                    if (_boundary is null)
                    {
                        _loop.Tick();
                        continue;
                    }

                    _boundary.BeforeTick();
                    TickStatus status = _loop.LastStatus;
                    try
                    {
                        status = _loop.Tick();
                    }
                    finally
                    {
                        _boundary.AfterTick(status);
                    }
                }

                completion.SetResult(_loop.TickCount - first);
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
