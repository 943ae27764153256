namespace Robotics.Cli.Tests.Stl;

/// <summary><c>robotics stl check</c> on a small CSV trace whose robustness is worked out by hand.</summary>
public sealed class StlCheckCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("robotics-stl-").FullName;

    public StlCheckCommandTests()
    {
        // x = [1, 3, -2, 4, 0] every 0.5 s; v = [0.5, 1, 1.5, 1, 0.5].
        File.WriteAllText(TracePath, "time,x,v\n0,1,0.5\n0.5,3,1\n1.0,-2,1.5\n1.5,4,1\n2.0,0,0.5\n");
        File.WriteAllText(SpecPath, "input float x, v\n// speed limit and a recovery\nalways[0:1](v <= 2) and eventually[0.5:1](x >= 3.5)\n");
    }

    private string TracePath => Path.Combine(_folder, "run.csv");

    private string SpecPath => Path.Combine(_folder, "limits.stl");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Check_prints_the_robustness_at_time_zero_and_exits_by_verdict()
    {
        // always[0:1](v <= 2): min(2 - v) over samples 0..2 = 0.5; eventually[0.5:1](x >= 3.5): max(x - 3.5) over 1..2 = -0.5.
        var run = CliProcess.Run("stl", "check", SpecPath, TracePath);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("robustness -0.5 (violated)", run.StandardOutput);

        var satisfied = CliProcess.Run("stl", "check", "always[0:1](v <= 2)", TracePath);
        Assert.Equal(0, satisfied.ExitCode);
        Assert.StartsWith("robustness 0.5 (satisfied)", satisfied.StandardOutput);
    }

    [Fact]
    public void All_prints_the_robustness_signal_as_csv()
    {
        // eventually[0:0.5](x >= 0): max(x_k, x_k+1) = [3, 3, 4, 4, 0].
        var run = CliProcess.Run("stl", "check", "eventually[0:0.5](x >= 0)", TracePath, "--all");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("time_s,robustness\n0,3\n0.5,3\n1,4\n1.5,4\n2,0\n", run.StandardOutput.Replace("\r", ""));
    }

    [Fact]
    public void Bad_inputs_name_the_place_and_exit_2()
    {
        var unknown = CliProcess.Run("stl", "check", "always(speed <= 2)", TracePath);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown signal 'speed'", unknown.StandardError);
        Assert.Contains("v, x", unknown.StandardError);

        File.WriteAllText(SpecPath, "input float x\nalways[0:1](x <= 2 and)\n");
        var syntax = CliProcess.Run("stl", "check", SpecPath, TracePath);
        Assert.Equal(2, syntax.ExitCode);
        Assert.Contains("limits.stl:2:23:", syntax.StandardError);

        var missing = CliProcess.Run("stl", "check", "x >= 0", Path.Combine(_folder, "nope.csv"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.StandardError);
    }
}
