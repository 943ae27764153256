using System.CommandLine;
using System.Globalization;
using Robotics.Cli.Bag;
using Robotics.Core.Parameters;
using Robotics.Nodes;
using Robotics.Sim.Scenarios;
using Serilog;
using Spectre.Console;

namespace Robotics.Cli.Simulation;

/// <summary><c>robotics sim list</c> and <c>robotics sim run</c>.</summary>
public static class SimCommands
{
    /// <summary>Exit code when a pass criterion failed.</summary>
    public const int ExitFailedCriteria = 1;

    /// <summary>Exit code for invalid input (bad scenario file or option).</summary>
    public const int ExitInvalidInput = 2;

    /// <summary>Creates the <c>sim</c> command group.</summary>
    public static Command Create() => new("sim", "Run scenarios on the deterministic simulator.")
    {
        CreateList(),
        CreateRun(),
    };

    private static Command CreateList()
    {
        var parameters = new Option<bool>("--parameters")
        {
            Description = "Also print every parameter of every plant, controller and reference type (name, default, unit, range, meaning).",
        };
        var markdown = new Option<bool>("--markdown")
        {
            Description = "Print the parameter reference as Markdown (the content of docs/parameters.md) instead of tables.",
        };
        var command = new Command("list", "List the scenario files in sim/scenarios/ and the plant, controller and reference types scenarios can use.")
        {
            parameters,
            markdown,
        };
        command.SetAction(parse =>
        {
            if (!parse.GetValue(markdown)) return List(parse.GetValue(parameters));
            Console.Out.Write(ParameterReference.Markdown());
            return 0;
        });
        return command;
    }

    private static Command CreateRun()
    {
        var scenario = new Argument<string>("scenario") { Description = "Path of a scenario YAML file, e.g. sim/scenarios/msd-pid.yaml." };
        var seed = new Option<ulong?>("--seed") { Description = "Seed for every random stream of the run (overrides the file's seed)." };
        var duration = new Option<double?>("--duration") { Description = "Simulated duration in seconds (overrides the file's duration_s)." };
        var summary = new Option<string?>("--summary") { Description = "Write the run summary as JSON to this file." };
        var trace = new Option<string?>("--trace") { Description = "Write the per-tick trace as CSV to this file." };
        var realtime = new Option<bool>("--realtime")
        {
            Description = "Pace the loop by the monotonic system clock (as on a robot) instead of simulated time. The run takes duration_s of wall time and its trace depends on the machine's timing.",
        };
        var record = ScenarioTopicOutputs.RecordOption();
        var foxglove = ScenarioTopicOutputs.FoxgloveOption();
        var command = new Command("run", "Run one scenario and report its metrics and pass/fail. Exit code 0 = passed, 1 = a criterion failed, 2 = invalid input.")
        {
            scenario, seed, duration, summary, trace, realtime, record, foxglove,
        };
        command.SetAction(parse => Run(parse.GetValue(scenario)!, parse.GetValue(seed), parse.GetValue(duration),
            parse.GetValue(summary), parse.GetValue(trace), parse.GetValue(realtime), parse.GetValue(record), parse.GetValue(foxglove)));
        return command;
    }

    private static int Run(string path, ulong? seed, double? duration, string? summaryPath, string? tracePath, bool realtime, string? recordPath = null, int? foxglovePort = null)
    {
        if (duration is { } d && !(d > 0 && double.IsFinite(d)))
        {
            return Invalid($"--duration: expected a number of seconds > 0, found {d.ToString(CultureInfo.InvariantCulture)}. Give e.g. --duration 5.");
        }

        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(path);
        }
        catch (ScenarioException e)
        {
            return Invalid(e.Message);
        }

        StreamWriter? traceWriter = null;
        ScenarioTopicOutputs? topics = null;
        try
        {
            if (tracePath is not null) traceWriter = CreateWriter(tracePath);
            var options = new ScenarioRunOptions
            {
                Seed = seed,
                DurationSeconds = duration,
                Trace = traceWriter,
                Pacer = realtime ? new RealTimePacer(TimeProvider.System) : null,
            };
            topics = ScenarioTopicOutputs.Open(scenario, options.Pacer, recordPath, foxglovePort, out string? outputError);
            if (outputError is not null) return Invalid(outputError);
            if (topics is not null) options = options with { Pacer = topics.Stream };
            var outcome = ScenarioExecution.Run(scenario, options, showProgress: true);
            topics?.Dispose();
            traceWriter?.Flush();
            if (summaryPath is not null)
            {
                using var stream = CreateFile(summaryPath);
                ScenarioSummaryWriter.Write(stream, outcome.Result, outcome.WallTimeSeconds);
            }

            PrintSummary(scenario, outcome, summaryPath, tracePath, realtime);
            foreach (string line in topics?.SummaryLines() ?? []) Console.WriteLine(line);
            return outcome.Result.Passed ? 0 : ExitFailedCriteria;
        }
        catch (IOException e)
        {
            return Invalid($"could not write output: {e.Message}. Check that the folder exists and is writable.");
        }
        catch (UnauthorizedAccessException e)
        {
            return Invalid($"could not write output: {e.Message}. Choose a writable path.");
        }
        finally
        {
            traceWriter?.Dispose();
            topics?.Dispose();
        }
    }

    private static void PrintSummary(Scenario scenario, ScenarioExecution.Outcome outcome, string? summaryPath, string? tracePath, bool realtime)
    {
        var r = outcome.Result;
        var m = r.Metrics;
        var s = r.StatusCounts;
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"scenario   {r.Scenario}  ({scenario.SourceName})");
        Console.WriteLine(string.Create(c, $"run        seed {r.Seed}, {r.Ticks} ticks at {scenario.RateHz:G} Hz, {r.SimTimeSeconds:F3} s simulated in {outcome.WallTimeSeconds:F3} s wall ({outcome.RealTimeFactor:N0}x real time)"));
        Console.WriteLine($"tracking   rmse {ScenarioExecution.Number(m.Rmse)}, max |error| {ScenarioExecution.Number(m.MaxAbsError)}, final |error| {ScenarioExecution.Number(m.FinalAbsError)}, control effort {ScenarioExecution.Number(m.ControlEffort)}");
        Console.WriteLine($"ticks      {s.Ok} ok, {s.StaleState} on stale state, {s.SafeCommand} safe command, {s.WriteFault} write faults");
        var t = r.Timing;
        Console.WriteLine(string.Create(c, $"timing     {(realtime ? "monotonic clock" : "simulated clock")}: period mean {t.MeanPeriodSeconds * 1e3:F4} ms [{t.MinPeriodSeconds * 1e3:F4}, {t.MaxPeriodSeconds * 1e3:F4}], jitter rms {t.RmsJitterSeconds * 1e6:F1} us max {t.MaxAbsJitterSeconds * 1e6:F1} us, compute mean {t.MeanComputeSeconds * 1e6:F2} us max {t.MaxComputeSeconds * 1e6:F2} us"));
        Console.WriteLine($"trace      sha256 {r.TraceSha256}");
        if (summaryPath is not null) Console.WriteLine($"summary    {summaryPath}");
        if (tracePath is not null) Console.WriteLine($"trace csv  {tracePath}");
        if (r.Passed)
        {
            Console.WriteLine("result     PASSED");
        }
        else
        {
            Console.WriteLine("result     FAILED");
            foreach (var f in r.FailedCriteria) Console.WriteLine($"           - {f.Criterion}: {f.Reason}");
        }
    }

    private static int List(bool withParameters)
    {
        var scenarios = new Table().Title("scenarios in sim/scenarios/").AddColumns("file", "name", "plant", "controller", "rate", "duration", "description");
        foreach (string file in ScenarioSources.Files())
        {
            try
            {
                var s = ScenarioLoader.Load(file);
                scenarios.AddRow(Markup.Escape(Path.GetFileName(file)), Markup.Escape(s.Name), s.Plant.Type, s.Controller.Type,
                    s.RateHz.ToString("G", CultureInfo.InvariantCulture) + " Hz", s.DurationSeconds.ToString("G", CultureInfo.InvariantCulture) + " s", Markup.Escape(s.Description));
            }
            catch (ScenarioException e)
            {
                scenarios.AddRow(Markup.Escape(Path.GetFileName(file)), "[red]invalid[/]", "", "", "", "", Markup.Escape(e.Message));
            }
        }

        AnsiConsole.Write(scenarios);
        AnsiConsole.Write(TypeTable("plant types (plant.type)", ScenarioCatalog.Plants));
        AnsiConsole.Write(TypeTable("controller types (controller.type)", ScenarioCatalog.Controllers));
        AnsiConsole.Write(TypeTable("reference types (reference.type)", ScenarioCatalog.References));
        AnsiConsole.WriteLine($"fault kinds (faults[].kind): {string.Join(", ", ScenarioLoader.FaultKinds)}");
        if (withParameters)
        {
            foreach (var (kind, entries) in new (string, IEnumerable<ICatalogEntry>)[]
                         { ("plant", ScenarioCatalog.Plants), ("controller", ScenarioCatalog.Controllers), ("reference", ScenarioCatalog.References) })
            {
                foreach (var entry in entries) AnsiConsole.Write(ParameterTable($"{kind} {entry.TypeName}", entry.Parameters));
            }
        }
        else
        {
            AnsiConsole.WriteLine("(add --parameters to see every parameter with its default, unit and range)");
        }

        return 0;
    }

    private static Table TypeTable(string title, IEnumerable<ICatalogEntry> entries)
    {
        var table = new Table().Title(title).AddColumns("type", "description", "parameters");
        foreach (var e in entries)
        {
            table.AddRow(e.TypeName, Markup.Escape(e.Description), Markup.Escape(string.Join(", ", e.Parameters.Select(p => p.Name))));
        }

        return table;
    }

    private static Table ParameterTable(string title, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("name", "type", "default", "unit", "range", "meaning");
        foreach (var p in parameters)
        {
            table.AddRow(Markup.Escape(p.Name), p.Type.ToString(), Markup.Escape(p.DefaultValue.ToString()), Markup.Escape(p.Unit),
                Markup.Escape(p.RangeText()), Markup.Escape(p.Description));
        }

        return table;
    }

    private static int Invalid(string message)
    {
        Log.Debug("Invalid input: {Message}", message);
        Console.Error.WriteLine($"error: {message}");
        return ExitInvalidInput;
    }

    private static FileStream CreateFile(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
    }

    private static StreamWriter CreateWriter(string path) => new(CreateFile(path)) { NewLine = "\n" };
}
