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

    /// <summary>When set, receives the completed fraction in [0, 1] (about every 1 % of the ticks, and 1 at the end).</summary>
    public IProgress<double>? Progress { get; init; }
}
