using System.Text.Json;

namespace Robotics.Cli.Tests;

/// <summary>The acceptance checks of <c>robotics sim run</c>, run against the real executable.</summary>
public sealed class SimRunCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("robotics-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Summary(string scenario, ulong seed, string name)
    {
        string path = Path.Combine(_folder, name);
        var run = CliProcess.Run("sim", "run", scenario, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--summary", path);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.StandardOutput}{run.StandardError}");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("trace_sha256").GetString()!;
    }

    [Fact]
    public void SameScenarioAndSeed_GiveTheSameTraceHash_AndSeedChangesItWhenNoiseIsOn()
    {
        string first = Summary("sim/scenarios/msd-pid.yaml", 1, "a.json");
        string second = Summary("sim/scenarios/msd-pid.yaml", 1, "b.json");
        string other = Summary("sim/scenarios/msd-pid.yaml", 2, "c.json");
        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Summary_HasEveryRequiredField()
    {
        string path = Path.Combine(_folder, "s.json");
        var run = CliProcess.Run("sim", "run", "sim/scenarios/msd-pid-noiseless.yaml", "--duration", "2", "--summary", path, "--trace", Path.Combine(_folder, "t.csv"));
        Assert.Equal(1, run.ExitCode); // 2 s is too short for the last-second criterion: a failed criterion exits 1
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        foreach (string field in new[] { "scenario", "seed", "ticks", "sim_time_s", "wall_time_s", "real_time_factor", "rmse",
                     "max_abs_error", "control_effort", "passed", "trace_sha256" })
        {
            Assert.True(json.RootElement.TryGetProperty(field, out _), $"summary lacks '{field}'");
        }

        Assert.Equal(2000, json.RootElement.GetProperty("ticks").GetInt64()); // 2 s at 1 kHz
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(2001, File.ReadAllLines(Path.Combine(_folder, "t.csv")).Length); // header + one row per tick
        Assert.Contains("FAILED", run.StandardOutput);
    }

    [Theory]
    [InlineData("wrong-type", "name: x\nrate_hz: fast\nduration_s: 1\n", "2:10", "rate_hz")]
    [InlineData("unknown-field", "name: x\nrate_hz: 100\nduration_s: 1\nplnt: {}\n", "4:1", "Did you mean 'plant'?")]
    [InlineData("missing-plant", "name: x\nrate_hz: 100\nduration_s: 1\ncontroller: { type: pid }\nreference: { type: constant }\n", "1:1", "plant")]
    [InlineData("negative-rate", "name: x\nrate_hz: -5\nduration_s: 1\n", "2:10", "Set rate_hz to the loop rate")]
    public void MalformedScenario_ExitsWithFileLineColumnAndFix(string name, string yaml, string lineColumn, string expectedText)
    {
        string path = Path.Combine(_folder, name + ".yaml");
        File.WriteAllText(path, yaml);
        var run = CliProcess.Run("sim", "run", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:{lineColumn}:", run.StandardError);
        Assert.Contains(expectedText, run.StandardError);
    }

    [Fact]
    public void BadDuration_IsRejectedBeforeRunning()
    {
        var run = CliProcess.Run("sim", "run", "sim/scenarios/msd-pid.yaml", "--duration", "-1");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--duration: expected a number of seconds > 0", run.StandardError);
    }

    // Bad input exits 2 everywhere, also when the parser itself refuses it (the parser's own code is 1).
    [Theory]
    [InlineData("rig", "figure8", "boat")]
    [InlineData("sim", "run")]
    [InlineData("sim", "run", "sim/scenarios/msd-pid.yaml", "--no-such-option")]
    public void ArgumentsTheParserRefuses_ExitTwo_WithTheReason(params string[] arguments)
    {
        var run = CliProcess.Run(arguments);
        Assert.Equal(2, run.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(run.StandardError + run.StandardOutput));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("sim", "--help")]
    [InlineData("sim", "run", "--help")]
    [InlineData("sim", "list", "--help")]
    [InlineData("demo", "--help")]
    [InlineData("test", "--help")]
    [InlineData("bench", "--help")]
    public void EveryCommand_HasHelp(params string[] arguments)
    {
        var run = CliProcess.Run(arguments);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.StandardOutput);
        Assert.Contains("Options:", run.StandardOutput);
    }

    [Fact]
    public void Demo_RunsEveryShippedScenarioAndPasses()
    {
        var run = CliProcess.Run("demo");
        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        int scenarios = Directory.GetFiles(Path.Combine(RepoPaths.Root, "sim", "scenarios"), "*.yaml").Length;
        Assert.Contains($"all {scenarios} closed loops met their pass criteria", run.StandardOutput);
        Assert.Contains("msd-pid: measured position_m (*) and reference (-)", run.StandardOutput);
    }

    [Fact]
    public void SimList_ShowsScenariosAndTypes()
    {
        var run = CliProcess.Run("sim", "list");
        Assert.Equal(0, run.ExitCode);
        foreach (string text in new[] { "msd-pid.yaml", "cartpole-lqr.yaml", "mass_spring_damper", "trajectory_tracking", "figure_eight", "sensor_dropout" })
        {
            Assert.Contains(text, run.StandardOutput);
        }
    }
}
