using System.CommandLine;
using System.Globalization;
using Robotics.Cli.Bag;
using Robotics.Cli.Plot;
using Robotics.Sim.Scenarios;
using Spectre.Console;

namespace Robotics.Cli.Simulation;

/// <summary>
/// <c>robotics demo</c>: the product's main job on its embedded defaults, with no hardware and no network:
/// every shipped scenario runs closed-loop on the simulator, then a table of results and the step
/// response of the first scenario are printed.
/// </summary>
public static class DemoCommand
{
    /// <summary>The scenario whose response is drawn.</summary>
    public const string ChartScenario = "msd-pid";

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var seed = new Option<ulong?>("--seed") { Description = "Seed for every scenario (default: each scenario's own seed)." };
        var output = new Option<string>("--out")
        {
            Description = $"Folder for the recording ({ChartScenario}.mcap + metadata.yaml) and its plot ({ChartScenario}.png) that the demo leaves behind.",
            DefaultValueFactory = _ => "demo-output",
        };
        var command = new Command("demo", "Run the shipped scenarios (embedded in the executable) closed-loop on the simulator and show the results.")
        {
            seed, output,
        };
        command.SetAction(parse => Run(parse.GetValue(seed), parse.GetValue(output)!));
        return command;
    }

    private static int Run(ulong? seed, string outputFolder)
    {
        var scenarios = ScenarioSources.Embedded();
        AnsiConsole.MarkupLine("[bold]robotics demo[/]: closed loops on the deterministic simulator (no hardware, no network)");
        AnsiConsole.WriteLine();
        var table = new Table().AddColumns("scenario", "plant", "controller", "simulated", "rmse", "max |error|", "real time", "result");
        bool allPassed = true;
        string? chart = null;
        string[] plotLines = [];
        foreach (var scenario in scenarios)
        {
            using var trace = scenario.Name == ChartScenario ? new StringWriter(CultureInfo.InvariantCulture) : null;
            using var topics = scenario.Name == ChartScenario
                ? ScenarioTopicOutputs.Open(scenario, null, Path.Combine(outputFolder, ChartScenario + ".mcap"), null, out _)
                : null;
            var outcome = ScenarioExecution.Run(scenario, new ScenarioRunOptions { Seed = seed, Trace = trace, Pacer = topics?.Stream }, showProgress: true);
            if (topics?.RecordPath is { } recording) plotLines = LeavePlot(recording, topics);
            var r = outcome.Result;
            allPassed &= r.Passed;
            table.AddRow(Markup.Escape(scenario.Name), scenario.Plant.Type, scenario.Controller.Type,
                r.SimTimeSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
                ScenarioExecution.Number(r.Metrics.Rmse), ScenarioExecution.Number(r.Metrics.MaxAbsError),
                outcome.RealTimeFactor.ToString("N0", CultureInfo.InvariantCulture) + "x",
                r.Passed ? "[green]passed[/]" : "[red]FAILED[/]: " + Markup.Escape(string.Join("; ", r.FailedCriteria.Select(f => f.Reason))));
            if (trace is not null) chart = ChartFromTrace(scenario, trace.ToString());
        }

        AnsiConsole.Write(table);
        if (chart is not null)
        {
            AnsiConsole.WriteLine();
            Console.Write(chart);
        }

        foreach (string line in plotLines) Console.WriteLine(line);
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine(allPassed
            ? $"[green]all {scenarios.Count} closed loops met their pass criteria[/]. Next: ./robotics sim run sim/scenarios/msd-pid.yaml --summary run.json"
            : "[red]some closed loops failed their pass criteria[/] (see the table)");
        return allPassed ? 0 : 1;
    }

    /// <summary>Completes the recording and draws it with <see cref="RecordingPlot"/>; returns lines to print.</summary>
    private static string[] LeavePlot(string recording, ScenarioTopicOutputs topics)
    {
        topics.Dispose();
        string png = Path.ChangeExtension(recording, ".png");
        var read = BagCommands.Load(recording, "demo");
        if (read is null) return [];
        RecordingPlot.Render(read, RecordingPlot.Topics.Default, png, $"{ChartScenario}: reference vs measured, command, loop timing");
        return [$"recording  {recording} (robotics bag info {recording})", $"plot       {png}"];
    }

    /// <summary>Draws the first tracked state against its reference from the run's CSV trace.</summary>
    private static string ChartFromTrace(Scenario scenario, string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < 2 || scenario.Tracking.Count == 0) return "";
        var header = lines[0].Split(',');
        var pair = scenario.Tracking[0];
        int timeColumn = Array.IndexOf(header, "time_s");
        int stateColumn = Array.IndexOf(header, pair.State);
        int referenceColumn = Array.IndexOf(header, "ref_" + pair.ReferenceIndex.ToString(CultureInfo.InvariantCulture));
        if (timeColumn < 0 || stateColumn < 0 || referenceColumn < 0) return "";
        var time = new List<double>();
        var measured = new List<double>();
        var reference = new List<double>();
        foreach (string line in lines.Skip(1))
        {
            var cells = line.Split(',');
            time.Add(double.Parse(cells[timeColumn], CultureInfo.InvariantCulture));
            measured.Add(double.Parse(cells[stateColumn], CultureInfo.InvariantCulture));
            reference.Add(double.Parse(cells[referenceColumn], CultureInfo.InvariantCulture));
        }

        return $"{scenario.Name}: measured {pair.State} (*) and reference (-)\n" + TextChart.Render(time, measured, reference);
    }
}
