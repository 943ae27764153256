using Robotics.Core.Time;
using Robotics.Sim.Faults;
using Robotics.Sim.Hardware;

namespace Robotics.Sim.Scenarios;

/// <summary>
/// A validated simulation scenario: plant, simulated hardware, controller, reference, faults and pass
/// criteria, with an explicit seed. Built by <see cref="ScenarioLoader"/> from a YAML file (format in
/// <c>sim/scenarios/README.md</c>) or in code; run by <c>ScenarioRunner</c>.
/// </summary>
public sealed record Scenario
{
    /// <summary>Scenario name (lower-kebab or lower_snake), reported in results.</summary>
    public required string Name { get; init; }

    /// <summary>One-line description.</summary>
    public string Description { get; init; } = "";

    /// <summary>Seed of the root random stream (sensor noise and any other randomness fork from it). Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Control-loop rate in Hz; the tick period is <c>SimTime.FromRate(RateHz)</c>.</summary>
    public required double RateHz { get; init; }

    /// <summary>Simulated duration in seconds; the run has ceil(duration / period) ticks, the first at t = 0.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Consecutive failed reads the loop rides through on the last good state (ControlLoopOptions). Default 5.</summary>
    public int ReadFaultToleranceTicks { get; init; } = 5;

    /// <summary>The simulated plant.</summary>
    public required PlantSpec Plant { get; init; }

    /// <summary>Simulated sensor/actuator imperfections (validated against the plant when loading).</summary>
    public SimHardwareOptions Hardware { get; init; } = new();

    /// <summary>The controller.</summary>
    public required ComponentSpec Controller { get; init; }

    /// <summary>The reference source.</summary>
    public required ComponentSpec Reference { get; init; }

    /// <summary>Which state is compared with which reference entry for the error metrics.</summary>
    public IReadOnlyList<TrackingPair> Tracking { get; init; } = [];

    /// <summary>Scheduled faults injected into the simulated hardware.</summary>
    public IReadOnlyList<ScheduledFault> Faults { get; init; } = [];

    /// <summary>Pass/fail criteria evaluated after the run.</summary>
    public PassCriteria Pass { get; init; } = new();

    /// <summary>File (or source name) the scenario was loaded from; <c>&lt;code&gt;</c> when built in code.</summary>
    public string SourceName { get; init; } = "<code>";

    /// <summary>The tick period.</summary>
    public SimTime Period => SimTime.FromRate(RateHz);

    /// <summary>Number of ticks for a duration: ceil(duration / period), at least 1.</summary>
    public long TickCountFor(double durationSeconds)
    {
        long period = Period.Nanoseconds;
        long duration = SimTime.FromSeconds(durationSeconds).Nanoseconds;
        return Math.Max(1, (duration + period - 1) / period);
    }
}
