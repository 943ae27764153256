using System.Diagnostics;
using Robotics.Control.Hybrid;

namespace Robotics.Cli.Hybrid;

/// <summary>Times controller computations with <see cref="Stopwatch"/> (the CLI may read the clock; the deterministic layers may not).</summary>
public sealed class StopwatchStepMeter : IControlStepMeter
{
    private long _start;

    /// <summary>Total measured ticks (<see cref="Stopwatch.Frequency"/> per second).</summary>
    public long Ticks { get; private set; }

    /// <summary>Bracketed computations.</summary>
    public int Count { get; private set; }

    /// <summary>Clears the totals.</summary>
    public void Reset()
    {
        Ticks = 0;
        Count = 0;
    }

    /// <inheritdoc />
    public void BeginStep() => _start = Stopwatch.GetTimestamp();

    /// <inheritdoc />
    public void EndStep()
    {
        Ticks += Stopwatch.GetTimestamp() - _start;
        Count++;
    }
}
