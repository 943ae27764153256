namespace Robotics.Ros.Nodes;

/// <summary>
/// A single-threaded executor (rclcpp's <c>SingleThreadedExecutor</c>): runs the subscription callbacks, service
/// handlers and due timers of the nodes added to it, on the thread that calls a Spin method.
/// </summary>
/// <remarks>
/// <see cref="SpinSome"/> never waits: it runs what is ready now and returns (the deterministic mode used with the
/// in-process transport and a <c>ManualClock</c>: publish, advance the clock, <c>SpinSome()</c>).
/// <see cref="SpinOnce"/> waits up to a timeout for work (data or the next timer), then runs it. <see cref="Spin"/>
/// loops until canceled. Work per entity per round is bounded so one busy topic cannot starve the others.
/// </remarks>
public sealed class Executor : IDisposable
{
    private const int MaxPerEntity = 256;
    private readonly List<Node> _nodes = [];
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly Action _signal;
    private Node[] _snapshot = [];

    /// <summary>Creates an executor with no nodes.</summary>
    public Executor()
    {
        _signal = _wake.Set;
    }

    /// <summary>Adds a node (its entities, also those created later, are run by this executor).</summary>
    /// <param name="node">The node.</param>
    public void Add(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_nodes)
        {
            if (_nodes.Contains(node))
            {
                return;
            }

            _nodes.Add(node);
            _snapshot = [.. _nodes];
        }

        node.WorkAvailable += _signal;
        _wake.Set();
    }

    /// <summary>Removes a node.</summary>
    /// <param name="node">The node.</param>
    public void Remove(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_nodes)
        {
            if (!_nodes.Remove(node))
            {
                return;
            }

            _snapshot = [.. _nodes];
        }

        node.WorkAvailable -= _signal;
    }

    /// <summary>Runs everything ready now (received samples, requests, due timers) without waiting.</summary>
    /// <returns>Number of callbacks run.</returns>
    public int SpinSome()
    {
        int total = 0;
        Node[] nodes = Volatile.Read(ref _snapshot);
        foreach (Node node in nodes)
        {
            foreach (IExecutable e in node.Executables)
            {
                total += e.Execute(MaxPerEntity);
            }
        }

        return total;
    }

    /// <summary>
    /// Runs ready work; if there is none, waits up to <paramref name="timeout"/> (or until the next timer is due)
    /// for some and runs it.
    /// </summary>
    /// <param name="timeout">Longest wait.</param>
    /// <returns>Number of callbacks run.</returns>
    public int SpinOnce(TimeSpan timeout)
    {
        _wake.Reset();
        int n = SpinSome();
        if (n > 0)
        {
            return n;
        }

        TimeSpan wait = timeout;
        TimeSpan untilTimer = UntilNextTimer();
        if (untilTimer < wait)
        {
            wait = untilTimer < TimeSpan.Zero ? TimeSpan.Zero : untilTimer;
        }

        if (wait > TimeSpan.Zero)
        {
            _wake.Wait(wait);
        }

        return SpinSome();
    }

    /// <summary>Spins until <paramref name="cancellationToken"/> is canceled.</summary>
    /// <param name="cancellationToken">Stops the loop.</param>
    public void Spin(CancellationToken cancellationToken)
    {
        using CancellationTokenRegistration r = cancellationToken.Register(_signal);
        while (!cancellationToken.IsCancellationRequested)
        {
            SpinOnce(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Spins until <paramref name="task"/> completes or <paramref name="timeout"/> (wall time) passes (rclcpp <c>spin_until_future_complete</c>).</summary>
    /// <param name="task">E.g. the task of a service call whose server runs on this executor.</param>
    /// <param name="timeout">Longest total time.</param>
    /// <returns>True when the task completed.</returns>
    public bool SpinUntilComplete(Task task, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(task);
        long deadline = Environment.TickCount64 + (long)Math.Min(timeout.TotalMilliseconds, int.MaxValue);
        while (!task.IsCompleted)
        {
            long left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                return false;
            }

            SpinOnce(TimeSpan.FromMilliseconds(Math.Min(left, 10)));
        }

        return true;
    }

    /// <summary>Detaches from all nodes.</summary>
    public void Dispose()
    {
        Node[] nodes;
        lock (_nodes)
        {
            nodes = [.. _nodes];
            _nodes.Clear();
            _snapshot = [];
        }

        foreach (Node n in nodes)
        {
            n.WorkAvailable -= _signal;
        }

        _wake.Dispose();
    }

    private TimeSpan UntilNextTimer()
    {
        TimeSpan best = TimeSpan.MaxValue;
        foreach (Node node in Volatile.Read(ref _snapshot))
        {
            long now = node.Clock.GetTimestamp();
            foreach (IExecutable e in node.Executables)
            {
                long due = e.NextDue;
                if (due == long.MaxValue)
                {
                    continue;
                }

                TimeSpan t = TimeSpan.FromTicks((long)((Int128)(due - now) * TimeSpan.TicksPerSecond / node.Clock.TimestampFrequency));
                if (t < best)
                {
                    best = t;
                }
            }
        }

        return best;
    }
}
