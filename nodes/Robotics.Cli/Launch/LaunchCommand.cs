using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Robotics.Launch;
using Robotics.Launch.Evaluation;
using Robotics.Launch.Plan;
using Robotics.Launch.Running;
using Robotics.Nodes.Hosting;
using Serilog;

namespace Robotics.Cli.Launch;

/// <summary><c>robotics launch &lt;file.launch.xml&gt; [name:=value …]</c>: runs a ROS 2 XML launch file in this process.</summary>
public static class LaunchCommand
{
    /// <summary>Exit code for invalid input (bad launch file, unknown executable, bad option).</summary>
    public const int ExitInvalidInput = 2;

    /// <summary>Creates the <c>launch</c> command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var file = new Argument<string?>("file")
        {
            Description = "The launch file, e.g. launch/msd_pid.launch.xml (XML only).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var launchArgs = new Argument<string[]>("arguments")
        {
            Description = "Launch arguments as name:=value (see --show-args).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var transport = new Option<string>("--transport")
        {
            Description = "ROS transport: inproc (default: every node in one in-process domain, nothing on the network) or dds (Cyclone DDS on ROS_DOMAIN_ID: ros2 topic/param on this machine see the nodes).",
            DefaultValueFactory = _ => "inproc",
        };
        transport.AcceptOnlyFromAmong("inproc", "inprocess", "dds", "cyclonedds");
        var showArgs = new Option<bool>("--show-args", "-s") { Description = "List the launch arguments the file declares (name, description, default, choices) and exit." };
        var print = new Option<bool>("--print", "-p") { Description = "Evaluate the file and print every node's full argument list, generated parameter files and processes, without starting anything." };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds (default: run until Ctrl-C or until every node has exited)." };
        var record = new Option<string?>("--record") { Description = "Record every topic of the run to this rosbag2 MCAP file (metadata.yaml is written beside it)." };
        var foxglove = new Option<int?>("--foxglove") { Description = "Serve the Foxglove WebSocket protocol on 127.0.0.1:PORT (0 = any free port) so Foxglove or Lichtblick can watch every topic live." };
        var list = new Option<bool>("--list-executables") { Description = "List the node executables (pkg/exec) this build can launch in-process and exit." };
        var command = new Command("launch",
            "Run a ROS 2 XML launch file in this process: each <node pkg exec> is started with the arguments ros2 launch would pass (--ros-args -r __node:= -r __ns:= --params-file …), all on one ROS context. Ctrl-C shuts down cleanly. The same files run on a robot with `ros2 launch robotics <file>` (docs/launch.md). Exit 0 = clean, 2 = invalid input.")
        {
            file, launchArgs, transport, showArgs, print, duration, record, foxglove, list,
        };
        command.SetAction(parse => Run(
            parse.GetValue(file), parse.GetValue(launchArgs) ?? [], parse.GetValue(transport) ?? "inproc",
            parse.GetValue(showArgs), parse.GetValue(print), parse.GetValue(duration), parse.GetValue(record), parse.GetValue(foxglove), parse.GetValue(list)));
        return command;
    }

    private static int Run(string? file, string[] rawArgs, string transport, bool showArgs, bool print, double? duration, string? record, int? foxglove, bool list)
    {
        if (foxglove is < 0 or > 65535)
        {
            return Invalid($"--foxglove {foxglove}: a TCP port is 0..65535; use e.g. --foxglove 8765.");
        }

        NodeExecutableCatalog catalog = NodeExecutableCatalog.Default;
        if (list)
        {
            if (catalog.All.Count == 0) Console.WriteLine("(no node executables are registered in this build)");
            foreach (INodeExecutable e in catalog.All) Console.WriteLine($"{e.Package}/{e.Name}  {e.Description}");
            return 0;
        }

        if (string.IsNullOrEmpty(file))
        {
            return Invalid("give a launch file, e.g. `robotics launch launch/msd_pid.launch.xml`; the shipped ones are in launch/.");
        }

        if (duration is { } d && !(d > 0 && double.IsFinite(d)))
        {
            return Invalid($"--duration: expected seconds > 0, found {d.ToString(CultureInfo.InvariantCulture)}.");
        }

        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string a in rawArgs)
        {
            int sep = a.IndexOf(":=", StringComparison.Ordinal);
            if (sep <= 0)
            {
                return Invalid($"launch argument '{a}' is not of the form name:=value (e.g. kp:=250.0). `robotics launch {file} --show-args` lists the arguments.");
            }

            arguments[a[..sep]] = a[(sep + 2)..];
        }

        try
        {
            if (showArgs)
            {
                PrintArguments(LaunchEvaluator.ReadDeclaredArguments(file));
                return 0;
            }

            var evaluator = new LaunchEvaluator(new LaunchEvaluationOptions { Packages = Packages() });
            LaunchPlan plan = evaluator.Evaluate(file, arguments);
            var launcher = new InProcessLauncher(catalog, new LaunchRunOptions
            {
                TransportName = transport is "dds" or "cyclonedds" ? "cyclonedds" : "inprocess",
                Logger = Log.Logger,
                Attach = record is null && foxglove is null ? null : ctx => new LaunchTaps(ctx, record, foxglove),
                Started = _ => Console.Error.WriteLine(
                    $"robotics launch: started {plan.Nodes.Count} node(s){(plan.Processes.Count > 0 ? $" and {plan.Processes.Count} process(es)" : string.Empty)} on {(transport is "dds" or "cyclonedds" ? "Cyclone DDS" : "the in-process transport")}; Ctrl-C stops."),
            });
            if (print)
            {
                PrintPlan(plan);
                try
                {
                    launcher.Resolve(plan);
                }
                catch (LaunchException e)
                {
                    Console.WriteLine($"warning: this build cannot start it in-process: {e.Message}");
                }

                return 0;
            }

            foreach (string w in plan.Warnings) Console.Error.WriteLine($"robotics launch: warning: {w}");
            return RunPlan(launcher, plan, duration, record);
        }
        catch (LaunchException e)
        {
            return Invalid(e.Message);
        }
        catch (IOException e)
        {
            return Invalid($"could not write a file (generated parameters or --record output): {e.Message}. Check that the folder exists and is writable.");
        }
        catch (Exception e) when (e is DllNotFoundException or InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine($"robotics launch: could not start: {e.Message}");
            return 1;
        }
    }

    private static int RunPlan(InProcessLauncher launcher, LaunchPlan plan, double? duration, string? record)
    {
        using var cts = new CancellationTokenSource();
        int interrupts = 0;
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            if (Interlocked.Increment(ref interrupts) > 1) return; // a second Ctrl-C ends the process
            e.Cancel = true;
            Console.Error.WriteLine("robotics launch: shutting down (Ctrl-C again to kill)...");
            cts.Cancel();
        }

        Console.CancelKeyPress += OnCancel;
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            cts.Cancel();
        });
        try
        {
            if (duration is { } seconds) cts.CancelAfter(TimeSpan.FromSeconds(seconds));
            LaunchRunResult result = launcher.RunAsync(plan, cts.Token).GetAwaiter().GetResult();
            foreach (LaunchItemExit exit in result.Exits)
            {
                if (exit.ExitCode != 0) Console.Error.WriteLine($"robotics launch: {exit.Name} exited with code {exit.ExitCode}{(exit.Error is null ? string.Empty : ": " + exit.Error)}");
            }

            Console.Error.WriteLine($"robotics launch: done ({result.Exits.Count} item(s), exit code {result.ExitCode}).");
            if (record is not null) Console.Error.WriteLine($"robotics launch: recorded to {record} (metadata.yaml beside it).");
            return result.ExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    private static PackageLocator Packages()
    {
        // From source, the repository's launch/ folder stands in for share/robotics (it holds params/ like the install).
        string launchDir = Path.Combine(RepoPaths.Root, "launch");
        var shares = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(Path.Combine(launchDir, "package.xml")) && Environment.GetEnvironmentVariable("ROBOTICS_LAUNCH_USE_AMENT") != "1")
        {
            shares["robotics"] = launchDir;
        }

        return new PackageLocator(shares);
    }

    private static void PrintArguments(IReadOnlyList<LaunchArgument> args)
    {
        if (args.Count == 0)
        {
            Console.WriteLine("No arguments.");
            return;
        }

        Console.WriteLine("Arguments (pass arguments as '<name>:=<value>'):");
        foreach (LaunchArgument a in args)
        {
            Console.WriteLine();
            Console.WriteLine($"    '{a.Name}':");
            Console.WriteLine($"        {a.Description ?? "no description given"}");
            if (a.Choices.Count > 0) Console.WriteLine($"        Valid choices are: [{string.Join(", ", a.Choices.Select(c => $"'{c}'"))}]");
            Console.WriteLine(a.DefaultValue is null ? "        (required)" : $"        (default: '{a.DefaultValue}')");
        }
    }

    private static void PrintPlan(LaunchPlan plan)
    {
        Console.WriteLine($"launch file: {plan.LaunchFile}");
        foreach (var (k, v) in plan.Configurations.OrderBy(kv => kv.Key, StringComparer.Ordinal)) Console.WriteLine($"  {k} = '{v}'");
        foreach (LaunchItem item in plan.Items)
        {
            Console.WriteLine();
            switch (item)
            {
                case PlannedNode n:
                    Console.WriteLine($"node {n.DisplayName}  ({n.Package}/{n.Executable}, {Path.GetFileName(n.SourceFile)}:{n.Line}, output={n.Output})");
                    Console.WriteLine($"  lib/{n.Package}/{n.Executable} {string.Join(' ', n.Arguments.Select(Quote))}");
                    foreach (GeneratedFile f in n.GeneratedFiles)
                    {
                        Console.WriteLine($"  {f.Path}:");
                        foreach (string line in f.Contents.TrimEnd('\n').Split('\n')) Console.WriteLine($"    {line}");
                    }

                    foreach (var (k, v) in n.Environment) Console.WriteLine($"  env {k}={v ?? "(unset)"}");
                    break;
                case PlannedProcess p:
                    Console.WriteLine($"process {p.DisplayName}  ({Path.GetFileName(p.SourceFile)}:{p.Line}{(p.Shell ? ", shell" : string.Empty)})");
                    Console.WriteLine($"  {string.Join(' ', p.Command.Select(Quote))}");
                    break;
                case LaunchLogMessage m:
                    Console.WriteLine($"log [{m.Level}] {m.Message}");
                    break;
            }
        }

        foreach (string w in plan.Warnings) Console.WriteLine($"warning: {w}");
    }

    private static string Quote(string s) =>
        s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or '=' or ',') ? s : "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static int Invalid(string message)
    {
        Console.Error.WriteLine($"robotics launch: {message}");
        return ExitInvalidInput;
    }
}
