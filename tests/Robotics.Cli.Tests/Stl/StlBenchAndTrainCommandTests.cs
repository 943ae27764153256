namespace Robotics.Cli.Tests.Stl;

/// <summary><c>robotics stl bench</c> on a tiny run, <c>robotics train-stl --help</c>, and their input validation.</summary>
public sealed class StlBenchAndTrainCommandTests
{
    [Fact]
    public void Bench_OneCarState_PrintsOneRowPerController()
    {
        var run = CliProcess.Run("stl", "bench", "--states", "1", "--tasks", "car");
        Assert.Equal(0, run.ExitCode);
        string[] rows = run.StandardOutput.Split('\n').Where(l => l.StartsWith("| car |", StringComparison.Ordinal)).ToArray();
        // STL planner, MPPI and CEM tracking, plus STL-NPC without and with backup when the car policy is found.
        Assert.True(rows.Length is 3 or 5, run.StandardOutput);
        Assert.All(rows, r => Assert.Contains("/1 |", r));
        foreach (string label in new[] { "| stl_planner |", "| mppi_tracking |", "| cem_tracking |" })
        {
            Assert.Contains(rows, r => r.Contains(label, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Bench_BadInput_Exits2WithTheReason()
    {
        var states = CliProcess.Run("stl", "bench", "--states", "0");
        Assert.Equal(2, states.ExitCode);
        Assert.Contains("--states must be >= 1", states.StandardError);

        var task = CliProcess.Run("stl", "bench", "--tasks", "boat");
        Assert.Equal(2, task.ExitCode);
        Assert.Contains("unknown task 'boat'", task.StandardError);
        Assert.Contains("car, rover", task.StandardError);
    }

    [Fact]
    public void TrainStl_Help_ListsTheTaskAndOptions()
    {
        var run = CliProcess.Run("train-stl", "--help");
        Assert.Equal(0, run.ExitCode);
        foreach (string option in new[] { "--seed", "--epochs", "--batch", "--out" })
        {
            Assert.Contains(option, run.StandardOutput);
        }

        Assert.Contains("rover", run.StandardOutput);
    }
}
