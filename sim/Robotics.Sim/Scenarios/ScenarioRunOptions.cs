using Robotics.Control.Loop;

namespace Robotics.Sim.Scenarios;

/// <summary>Per-run overrides and outputs for <see cref="ScenarioRunner.Run"/>.</summary>
public sealed record ScenarioRunOptions
{
    /// <summary>Seed to use instead of the scenario's; null keeps the scenario's seed.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Simulated duration in seconds instead of the scenario's (must be &gt; 0); null keeps it.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>When set, receives the CSV trace (header, then one row per tick; format in sim/scenarios/README.md).</summary>
    public TextWriter? Trace { get; init; }

    /// <summary>
    /// Starts each tick; null uses a <see cref="ManualClockPacer"/> (simulated time, deterministic). A real-time pacer
    /// runs the same loop against the monotonic clock; the trace then depends on the machine's timing.
    /// </summary>
    public ILoopPacer? Pacer { get; init; }

    /// <summary>When set, receives the completed fraction in [0, 1] (about every 1 % of the ticks, and 1 at the end).</summary>
    public IProgress<double>? Progress { get; init; }
}
