namespace Robotics.Sim.Scenarios;

/// <summary>The outcome of one scenario run. Wall time is not part of it (the simulator never reads clocks).</summary>
public sealed record ScenarioResult
{
    /// <summary>Scenario name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Seed actually used (after any override).</summary>
    public required ulong Seed { get; init; }

    /// <summary>Number of ticks run.</summary>
    public required long Ticks { get; init; }

    /// <summary>Simulated time covered: ticks * period, in seconds.</summary>
    public required double SimTimeSeconds { get; init; }

    /// <summary>Tracking and effort metrics from the true state.</summary>
    public required ScenarioMetrics Metrics { get; init; }

    /// <summary>True when every pass criterion held (and no criterion failed).</summary>
    public bool Passed => FailedCriteria.Count == 0;

    /// <summary>The criteria that failed, with reasons; empty when passed.</summary>
    public required IReadOnlyList<FailedCriterion> FailedCriteria { get; init; }

    /// <summary>SHA-256 of the canonical tick trace (lowercase hex); format in sim/scenarios/README.md.</summary>
    public required string TraceSha256 { get; init; }

    /// <summary>Ticks per status.</summary>
    public required ScenarioStatusCounts StatusCounts { get; init; }

    /// <summary>Loop timing statistics against the simulated clock.</summary>
    public required ScenarioTiming Timing { get; init; }
}
