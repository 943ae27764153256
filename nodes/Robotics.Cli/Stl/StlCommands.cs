using System.CommandLine;
using System.Globalization;
using Robotics.Control.Stl;
using Robotics.Nodes.Stl;
using Robotics.Ros.Recording;

namespace Robotics.Cli.Stl;

/// <summary>
/// <c>robotics stl check</c>: the robustness of a signal temporal logic specification over a user's trace.
/// </summary>
public static class StlCommands
{
    /// <summary>Creates the <c>stl</c> command group.</summary>
    public static Command Create()
    {
        var stl = new Command("stl", "Signal temporal logic: check specifications against recorded traces (syntax: docs/stl.md).");
        stl.Subcommands.Add(Check());
        stl.Subcommands.Add(Bench());
        return stl;
    }

    private static Command Bench()
    {
        var states = new Option<int>("--states") { Description = "Seeded initial states per task (>= 1).", DefaultValueFactory = _ => 50 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the initial states and the samplers.", DefaultValueFactory = _ => 1UL };
        var tasks = new Option<string>("--tasks") { Description = "Comma-separated task names (car, rover).", DefaultValueFactory = _ => "car,rover" };
        var policies = new Option<string?>("--policies") { Description = "Folder with stl-<task>-npc.json policies (default models/artifacts)." };
        var output = new Option<string?>("--out") { Description = "Write the markdown table to this file (else stdout)." };
        var command = new Command("bench",
            "Closed-loop STL task benchmark: satisfaction rate of the episode specification and compute time per step for the STL planner, STL-NPC with and without backup, and MPPI/CEM tracking baselines.")
        {
            states, seed, tasks, policies, output,
        };
        command.SetAction(parse =>
        {
            int count = parse.GetValue(states);
            if (count < 1)
            {
                Console.Error.WriteLine($"robotics stl bench: --states must be >= 1, got {count}.");
                return 2;
            }

            string[] names = parse.GetValue(tasks)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (string name in names)
            {
                if (!Robotics.Control.Stl.Tasks.StlTaskCatalog.Names.Contains(name))
                {
                    Console.Error.WriteLine($"robotics stl bench: unknown task '{name}' in --tasks; known: {string.Join(", ", Robotics.Control.Stl.Tasks.StlTaskCatalog.Names)}.");
                    return 2;
                }
            }

            string folder = parse.GetValue(policies) ?? Path.Combine(RepoPaths.Root, "models", "artifacts");
            var rows = StlBenchmark.Run(names, count, parse.GetValue(seed), folder, Console.Error);
            string table = StlBenchmark.Markdown(rows);
            string? path = parse.GetValue(output);
            if (path is null)
            {
                Console.Write(table);
            }
            else
            {
                File.WriteAllText(path, table);
                Console.Error.WriteLine($"stl bench: wrote {path}");
            }

            return 0;
        });
        return command;
    }

    private static Command Check()
    {
        var spec = new Argument<string>("spec") { Description = "A specification file, or the specification itself in quotes, e.g. \"always[0:5](abs(x) <= 1)\"." };
        var trace = new Argument<string>("trace")
        {
            Description = "A CSV trace (header row, first column time in seconds, one column per signal) or an MCAP recording (.mcap: signals read from topics/fields, see --signal).",
        };
        var all = new Option<bool>("--all") { Description = "Print the whole robustness signal as CSV (time_s,robustness) instead of the value at time 0." };
        var signals = new Option<string[]>("--signal")
        {
            Description = "MCAP only: where a signal is read, signal=topic[:field] (field e.g. data, data[2], linear.x, position[elbow]); repeatable. " +
                "Unbound signals are resolved from their names (car.gap: topic /car field gap, else topic /car/gap field data).",
        };
        var period = new Option<double?>("--period") { Description = "MCAP only: sample period in seconds (default: the smallest median message interval of the bound topics)." };
        var command = new Command("check",
            "Print the robustness at time 0 (> 0 satisfied, < 0 violated). Exit code 0 satisfied, 1 violated, 2 bad input.")
        {
            spec, trace, all, signals, period,
        };
        command.SetAction(parse =>
        {
            try
            {
                string specArgument = parse.GetValue(spec)!;
                var specification = File.Exists(specArgument) ? StlSpecification.Load(specArgument) : StlSpecification.Parse(specArgument);
                string tracePath = parse.GetValue(trace)!;
                if (!File.Exists(tracePath))
                {
                    Console.Error.WriteLine($"robotics stl: trace file '{tracePath}' does not exist.");
                    return 2;
                }

                bool mcap = tracePath.EndsWith(".mcap", StringComparison.OrdinalIgnoreCase);
                string[] bindings = parse.GetValue(signals) ?? [];
                if (!mcap && (bindings.Length > 0 || parse.GetValue(period) is not null))
                {
                    Console.Error.WriteLine("robotics stl: --signal and --period apply to MCAP recordings only; a CSV names its signals in its header.");
                    return 2;
                }

                var data = mcap ? StlMcapTrace.Read(tracePath, specification, bindings, parse.GetValue(period)) : StlTrace.ReadCsv(tracePath);
                double[] robustness = StlRobustness.Evaluate(specification, data);
                if (parse.GetValue(all))
                {
                    Console.WriteLine("time_s,robustness");
                    for (int k = 0; k < robustness.Length; k++)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{data.Times[k]:R},{robustness[k]:R}"));
                    }
                }
                else
                {
                    double rho = robustness[0];
                    string verdict = rho > 0 ? "satisfied" : rho < 0 ? "violated" : "undecided (robustness 0)";
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"robustness {rho:R} ({verdict}) for {specification.Formula} over {data.Length} samples every {data.SamplePeriod:R} s"));
                }

                return robustness[0] > 0 ? 0 : 1;
            }
            catch (Exception e) when (e is StlParseException or FormatException or ArgumentException or IOException or McapFormatException)
            {
                Console.Error.WriteLine($"robotics stl: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
