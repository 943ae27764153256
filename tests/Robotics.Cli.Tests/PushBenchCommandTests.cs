using System.Globalization;
using System.Text.RegularExpressions;

namespace Robotics.Cli.Tests;

/// <summary><c>robotics push-bench</c> against the real executable: input errors and a tiny MIP run.</summary>
public sealed class PushBenchCommandTests
{
    [Theory]
    [InlineData("gurobi")]
    [InlineData("7")]   // Enum.TryParse accepts any number; only the four names are back ends
    [InlineData("+1")]  // a number that is a defined value (Cbc) is still not a name
    public void PushBench_UnknownBackend_ExitsTwoNamingTheOption(string backend)
    {
        var run = CliProcess.Run("push-bench", "--mip-backend", backend);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--mip-backend must be highsnative, highs, cbc or scip, got '{backend}'", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void PushBench_MipWithHighsNative_NeverFallsBack()
    {
        // With the warm start as HiGHS's first incumbent, every tick returns a MIP plan: optimal or the incumbent at the limit.
        var run = CliProcess.Run("push-bench", "--pairs", "1", "--steps", "4", "--controllers", "mip", "--budget-ms", "200");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.StandardOutput}{run.StandardError}");
        var ticks = Regex.Match(run.StandardOutput, @"MIP ticks: (\d+) optimal, (\d+) time-limit incumbent, (\d+) fallback");
        Assert.True(ticks.Success, run.StandardOutput);
        int optimal = int.Parse(ticks.Groups[1].Value, CultureInfo.InvariantCulture);
        int incumbent = int.Parse(ticks.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.Equal(4, optimal + incumbent);   // 1 pair x 4 steps
        Assert.Equal("0", ticks.Groups[3].Value);
        Assert.Contains("| mip | pusher-sparse-relu8 | HighsNative,", run.StandardOutput, StringComparison.Ordinal);
    }
}
