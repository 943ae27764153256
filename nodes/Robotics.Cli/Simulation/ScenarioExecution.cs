using System.Diagnostics;
using System.Globalization;
using Robotics.Sim.Scenarios;
using Serilog;
using Spectre.Console;

namespace Robotics.Cli.Simulation;

/// <summary>Runs a scenario with progress and wall-clock timing (wall time enters here, not in the simulator).</summary>
public static class ScenarioExecution
{
    /// <summary>The outcome of a run with its wall-clock time.</summary>
    public sealed record Outcome(ScenarioResult Result, double WallTimeSeconds)
    {
        /// <summary>Simulated seconds per wall-clock second.</summary>
        public double RealTimeFactor => WallTimeSeconds > 0 ? Result.SimTimeSeconds / WallTimeSeconds : double.PositiveInfinity;
    }

    /// <summary>Runs <paramref name="scenario"/>, showing a progress bar on interactive terminals.</summary>
    public static Outcome Run(Scenario scenario, ScenarioRunOptions options, bool showProgress)
    {
        Log.Information("Running scenario {Scenario} from {Source} seed {Seed}", scenario.Name, scenario.SourceName, options.Seed ?? scenario.Seed);
        ScenarioResult? result = null;
        var stopwatch = Stopwatch.StartNew();
        if (showProgress && AnsiConsole.Profile.Capabilities.Interactive)
        {
            AnsiConsole.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask($"simulating {Markup.Escape(scenario.Name)}", maxValue: 1.0);
                result = ScenarioRunner.Run(scenario, options with { Progress = new Callback(v => task.Value = v) });
            });
        }
        else
        {
            result = ScenarioRunner.Run(scenario, options);
        }

        stopwatch.Stop();
        var outcome = new Outcome(result!, stopwatch.Elapsed.TotalSeconds);
        Log.Information("Scenario {Scenario} finished: passed {Passed}, rmse {Rmse}, ticks {Ticks}, wall {Wall:F3} s, trace {Trace}",
            scenario.Name, result!.Passed, result.Metrics.Rmse, result.Ticks, outcome.WallTimeSeconds, result.TraceSha256);
        return outcome;
    }

    /// <summary>Formats a number compactly for tables.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "-" : value.ToString(Math.Abs(value) is >= 1e-3 and < 1e5 or 0 ? "0.####" : "0.##e+0", CultureInfo.InvariantCulture);

    private sealed class Callback(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
