using Robotics.Sim.Scenarios;

namespace Robotics.Sim.Tests.Scenarios;

/// <summary>The scenario files in sim/scenarios: all load, all pass at seeds 1 and 2, and their traces are reproducible.</summary>
public sealed class ShippedScenarioTests
{
    public static TheoryData<string> ScenarioFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.ScenariosFolder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static Scenario Load(string fileName) => ScenarioLoader.Load(Path.Combine(RepositoryPaths.ScenariosFolder, fileName));

    [Fact]
    public void Folder_HoldsTheDocumentedScenarios()
    {
        var names = Directory.GetFiles(RepositoryPaths.ScenariosFolder, "*.yaml").Select(Path.GetFileName).ToHashSet();
        foreach (var expected in new[] { "msd-pid.yaml", "msd-pid-noiseless.yaml", "cartpole-lqr.yaml", "bicycle-path.yaml", "single-track-icy.yaml", "blimp-altitude.yaml" })
        {
            Assert.Contains(expected, names);
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Scenario_FullRun_PassesAtSeeds1And2(string fileName)
    {
        var scenario = Load(fileName);
        Assert.Equal(1UL, scenario.Seed);
        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), scenario.Name);
        foreach (ulong seed in new ulong[] { 1, 2 })
        {
            var result = ScenarioRunner.Run(scenario, new ScenarioRunOptions { Seed = seed });
            Assert.True(result.Passed, $"{fileName} seed {seed}: " + string.Join("; ", result.FailedCriteria.Select(f => f.Reason)));
            Assert.Equal(scenario.TickCountFor(scenario.DurationSeconds), result.Ticks);
            Assert.Equal(seed, result.Seed);
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Scenario_ReplayedWithTheSameSeed_GivesTheSameTraceHash(string fileName)
    {
        // Determinism replay for every shipped file: a fresh load and run must reproduce the trace bit for bit.
        var first = ScenarioRunner.Run(Load(fileName));
        var second = ScenarioRunner.Run(Load(fileName));
        Assert.Equal(first.TraceSha256, second.TraceSha256);
        Assert.Equal(first.Metrics.FinalTrueState, second.Metrics.FinalTrueState);
    }

    [Fact]
    public void NoisyScenario_SameSeedTwice_GivesIdenticalTraceHash()
    {
        var scenario = Load("msd-pid.yaml");
        var options = new ScenarioRunOptions { Seed = 7, DurationSeconds = 0.5 };
        Assert.Equal(ScenarioRunner.Run(scenario, options).TraceSha256, ScenarioRunner.Run(scenario, options).TraceSha256);
    }

    [Fact]
    public void NoisyScenario_Seeds1And2_GiveDifferentTraces()
    {
        var scenario = Load("msd-pid.yaml");
        var one = ScenarioRunner.Run(scenario, new ScenarioRunOptions { Seed = 1, DurationSeconds = 0.5 });
        var two = ScenarioRunner.Run(scenario, new ScenarioRunOptions { Seed = 2, DurationSeconds = 0.5 });
        Assert.NotEqual(one.TraceSha256, two.TraceSha256);
    }

    [Fact]
    public void NoiselessScenario_Seeds1And2_GiveIdenticalTraces()
    {
        var scenario = Load("msd-pid-noiseless.yaml");
        var one = ScenarioRunner.Run(scenario, new ScenarioRunOptions { Seed = 1, DurationSeconds = 4.2 });
        var two = ScenarioRunner.Run(scenario, new ScenarioRunOptions { Seed = 2, DurationSeconds = 4.2 });
        Assert.Equal(one.TraceSha256, two.TraceSha256);
        Assert.Matches("^[0-9a-f]{64}$", one.TraceSha256);
    }

    [Fact]
    public void MsdPid_SensorDropout_FollowsTheLoopFaultPolicy()
    {
        // The dropout covers [4.000, 4.050) s: 50 ticks at 1 kHz. The loop rides through the first
        // read_fault_tolerance_ticks = 5 on the last good state, then writes the safe command for the other 45.
        var scenario = Load("msd-pid.yaml");
        var result = ScenarioRunner.Run(scenario, new ScenarioRunOptions { DurationSeconds = 4.2 });
        Assert.Equal(new ScenarioStatusCounts(4200 - 50, 5, 45, 0), result.StatusCounts);
    }
}
