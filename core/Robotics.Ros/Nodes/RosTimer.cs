namespace Robotics.Ros.Nodes;

/// <summary>
/// A periodic timer on a node's clock (rclcpp <c>TimerBase</c>), run by the <see cref="Executor"/>. The first call is
/// due one period after creation (or <see cref="Reset"/>); if the executor is late by more than a period the missed
/// calls are skipped and the next one is due at the next multiple of the period (rcl's behaviour).
/// </summary>
public sealed class RosTimer : IDisposable, IExecutable
{
    private readonly Node _node;
    private readonly Action _callback;
    private readonly TimeProvider _clock;
    private readonly long _periodTicks;
    private long _nextDue;
    private bool _canceled;
    private int _disposed;

    internal RosTimer(Node node, TimeSpan period, Action callback)
    {
        _node = node;
        _callback = callback;
        _clock = node.Clock;
        Period = period;
        _periodTicks = Math.Max(1, (long)((Int128)period.Ticks * _clock.TimestampFrequency / TimeSpan.TicksPerSecond));
        _nextDue = _clock.GetTimestamp() + _periodTicks;
    }

    /// <summary>The period.</summary>
    public TimeSpan Period { get; }

    /// <summary>True after <see cref="Cancel"/> (until <see cref="Reset"/>).</summary>
    public bool IsCanceled => Volatile.Read(ref _canceled);

    /// <summary>Calls made so far.</summary>
    public long CallCount { get; private set; }

    /// <summary>Time until the next call is due (zero or negative when due).</summary>
    public TimeSpan TimeUntilNextCall => TimeSpan.FromTicks((long)((Int128)(Volatile.Read(ref _nextDue) - _clock.GetTimestamp()) * TimeSpan.TicksPerSecond / _clock.TimestampFrequency));

    long IExecutable.NextDue => IsCanceled ? long.MaxValue : Volatile.Read(ref _nextDue);

    /// <summary>Stops calling the callback.</summary>
    public void Cancel() => Volatile.Write(ref _canceled, true);

    /// <summary>Restarts the timer: next call one period from now.</summary>
    public void Reset()
    {
        Volatile.Write(ref _nextDue, _clock.GetTimestamp() + _periodTicks);
        Volatile.Write(ref _canceled, false);
    }

    /// <summary>Cancels the timer and removes it from the node.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Cancel();
        _node.Untrack(this, default, default);
    }

    int IExecutable.Execute(int max)
    {
        if (IsCanceled || max <= 0)
        {
            return 0;
        }

        long now = _clock.GetTimestamp();
        long due = _nextDue;
        if (now < due)
        {
            return 0;
        }

        // Next due: the first multiple of the period after now (skips missed calls).
        long missed = (now - due) / _periodTicks;
        Volatile.Write(ref _nextDue, due + ((missed + 1) * _periodTicks));
        CallCount++;
        _callback();
        return 1;
    }
}
