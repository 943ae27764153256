using Robotics.Sim.Scenarios;

namespace Robotics.Nodes.Tests;

public sealed class RealTimeScenarioTests
{
    private const string Scenario = """
        name: msd-realtime
        rate_hz: 200
        duration_s: 0.25
        plant:
          type: mass_spring_damper
          parameters: { mass_kg: 1.0, stiffness_n_m: 20.0, damping_n_s_m: 0.5 }
        controller:
          type: pid
          parameters: { kp: 50.0 }
        reference:
          type: constant
          parameters: { values: [0.1] }
        tracking:
          - { state: position_m, reference: 0 }
        """;

    [Fact]
    public void ScenarioPacedByTheMonotonicClock_RunsEveryTickOnItsGrid()
    {
        // The same runner, loop and simulated hardware, paced by the system clock: 50 ticks of 5 ms.
        using var trace = new StringWriter();
        var result = ScenarioRunner.Run(ScenarioLoader.Parse(Scenario, "realtime.yaml"),
            new ScenarioRunOptions { Pacer = new RealTimePacer(TimeProvider.System), Trace = trace });

        Assert.Equal(50, result.Ticks);
        Assert.Equal(50, result.StatusCounts.Ok);
        // Tick k may start late (the OS decides), never before its deadline on the 5 ms grid; a tick late by a
        // whole period moves the next deadline to the next grid point.
        const long periodNs = 5_000_000;
        long slot = 0;
        foreach (string row in trace.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            long now = (long)Math.Round(double.Parse(row.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture) * 1e9);
            Assert.True(now >= slot * periodNs, $"tick for slot {slot} started at {now} ns, before its deadline");
            slot = now / periodNs + 1;
        }
    }

    [Fact]
    public void SimulatedPacing_IsTheDefault_AndExact()
    {
        var result = ScenarioRunner.Run(ScenarioLoader.Parse(Scenario, "sim.yaml"));
        Assert.Equal(0.005, result.Timing.MeanPeriodSeconds, 15);
        Assert.Equal(0.0, result.Timing.MaxAbsJitterSeconds);
    }
}
