namespace Robotics.Ros.Nodes;

/// <summary>Something the <see cref="Executor"/> runs: a subscription, a service or a timer.</summary>
internal interface IExecutable
{
    /// <summary>Runs the ready work (at most <paramref name="max"/> items); returns how many ran.</summary>
    int Execute(int max);

    /// <summary>For timers: timestamp (clock units) of the next call; long.MaxValue for others.</summary>
    long NextDue { get; }
}
