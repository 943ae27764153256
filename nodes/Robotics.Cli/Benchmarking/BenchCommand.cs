using System.CommandLine;
using System.Diagnostics;

namespace Robotics.Cli.Benchmarking;

/// <summary>
/// <c>robotics bench</c>: runs the BenchmarkDotNet suite in tests/Robotics.Benchmarks and copies the Markdown reports
/// to tests/Robotics.Benchmarks/results/ (to be committed); <c>--smoke</c> runs each benchmark once to check that it
/// still builds and runs, without measuring.
/// </summary>
public static class BenchCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var filter = new Option<string>("--filter")
        {
            Description = "Benchmarks to run, a BenchmarkDotNet glob on 'Class.Method', e.g. '*ControlTick*'.",
            DefaultValueFactory = _ => "*",
        };
        var smoke = new Option<bool>("--smoke")
        {
            Description = "Run each benchmark once in process (seconds, no measurement, results not copied): checks the suite still works.",
        };
        var command = new Command("bench", "Run the benchmarks (BenchmarkDotNet, Release, one core) and copy their reports to tests/Robotics.Benchmarks/results/.")
        {
            filter,
            smoke,
        };
        command.SetAction(parse => Run(parse.GetValue(filter) ?? "*", parse.GetValue(smoke)));
        return command;
    }

    private static int Run(string filter, bool smoke)
    {
        string root = RepoPaths.Root;
        string artifacts = Path.Combine(root, ".artifacts", "benchmarks");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = root, UseShellExecute = false };
        foreach (string a in new[] { "run", "-c", "Release", "--project", Path.Combine(root, "tests", "Robotics.Benchmarks"), "--" })
        {
            psi.ArgumentList.Add(a);
        }

        if (smoke) psi.ArgumentList.Add("--smoke");
        foreach (string a in new[] { "--filter", filter, "--artifacts", artifacts }) psi.ArgumentList.Add(a);
        Console.Error.WriteLine($"robotics bench: dotnet {string.Join(' ', psi.ArgumentList)}");
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start 'dotnet run'.");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"robotics bench: the benchmarks failed (exit code {process.ExitCode}); see the output above.");
            return 1;
        }

        if (smoke)
        {
            Console.WriteLine("robotics bench: smoke run passed (every benchmark ran once; nothing was measured or copied).");
            return 0;
        }

        string results = Path.Combine(root, "tests", "Robotics.Benchmarks", "results");
        Directory.CreateDirectory(results);
        foreach (string report in Directory.GetFiles(Path.Combine(artifacts, "results"), "*-report-github.md"))
        {
            // Robotics.Benchmarks.ControlTickBenchmarks-report-github.md -> ControlTickBenchmarks.md
            string name = Path.GetFileName(report).Replace("Robotics.Benchmarks.", "", StringComparison.Ordinal)
                .Replace("-report-github", "", StringComparison.Ordinal);
            File.Copy(report, Path.Combine(results, name), overwrite: true);
            Console.WriteLine($"robotics bench: {Path.GetRelativePath(root, Path.Combine(results, name))}");
        }

        Console.WriteLine("robotics bench: update tests/Robotics.Benchmarks/results/README.md with the new numbers and commit the results.");
        return 0;
    }
}
