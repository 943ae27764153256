using System.CommandLine;
using System.Diagnostics;

namespace Robotics.Cli.Testing;

/// <summary><c>robotics test</c>: builds and runs the whole test suite and prints the summary line.</summary>
public static class TestCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var all = new Option<bool>("--all")
        {
            Description = "Also run tests marked Category=Slow (long training and full-length runs).",
        };
        var filter = new Option<string?>("--filter")
        {
            Description = "A dotnet test filter expression, e.g. \"FullyQualifiedName~Pid\" (combined with the Slow exclusion unless --all).",
        };
        var command = new Command("test", "Build and run the whole test suite; ends with 'Tests: N passed, M failed'.")
        {
            all,
            filter,
        };
        command.SetAction(parse => Run(parse.GetValue(all), parse.GetValue(filter)));
        return command;
    }

    private static int Run(bool includeSlow, string? userFilter)
    {
        string root = RepoPaths.Root;
        string results = Path.Combine(root, ".artifacts", "test-results");
        if (Directory.Exists(results)) Directory.Delete(results, recursive: true);
        Directory.CreateDirectory(results);

        string? filter = (includeSlow, userFilter) switch
        {
            (true, null) => null,
            (true, _) => userFilter,
            (false, null) => "Category!=Slow",
            (false, _) => $"({userFilter})&Category!=Slow",
        };

        // Build once, then run each test project on its own with a TRX file named after it, so that no two
        // result files can collide and a project that produced no results is noticed.
        // Debug configuration: the running CLI lives in .artifacts/cli (Release) and must not be overwritten.
        int exitCode = RunProcess(root, null, "dotnet", "build", Path.Combine(root, "Robotics.sln"), "-c", "Debug", "--nologo", "-v", "quiet");
        if (exitCode != 0)
        {
            Console.WriteLine("robotics test: the build failed (errors above); no tests were run.");
            Console.WriteLine(new TestRunSummary(0, 1, 0, 0).ToSummaryLine());
            return 1;
        }

        // The npm oracles (@mcap/core, @foxglove/ws-protocol) need the registry once; tests then run without network.
        string npmInstall = Path.Combine(root, "tests", "interop", "npm", "install.sh");
        if (File.Exists(npmInstall) && RunProcess(root, null, "bash", npmInstall) != 0)
        {
            Console.Error.WriteLine("robotics test: warning: installing the npm interop checks failed (is npm installed and the registry reachable?); the tests that need them will say so.");
        }

        var isolation = TestNetworkIsolation.Prepare(root);
        Console.Error.WriteLine($"robotics test: {isolation.Description}");

        // Test projects: tests/**/*.Tests.csproj, plus the rig conformance suite (it runs against the emulator here
        // and against a real rig when ROBOTICS_HIL_PORT is set).
        var projects = Directory.GetFiles(Path.Combine(root, "tests"), "*.Tests.csproj", SearchOption.AllDirectories)
            .Append(Path.Combine(root, "hil-rigs", "Robotics.Hil", "Robotics.Hil.csproj"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal).ToList();
        var missing = new List<string>();
        foreach (string project in projects)
        {
            string name = Path.GetFileNameWithoutExtension(project);
            var args = new List<string> { "test", project, "-c", "Debug", "--no-build", "--nologo",
                "--logger", $"trx;LogFileName={name}.trx", "--logger", "console;verbosity=minimal", "--results-directory", results };
            if (filter is not null)
            {
                args.Add("--filter");
                args.Add(filter);
            }

            int code = RunProcess(root, isolation, "dotnet", [.. args]);
            if (!File.Exists(Path.Combine(results, name + ".trx")))
            {
                missing.Add(name);
            }

            exitCode = exitCode != 0 ? exitCode : code;
        }

        var summary = TestRunSummary.FromTrxFiles(Directory.GetFiles(results, "*.trx", SearchOption.AllDirectories));
        Console.WriteLine();
        Console.WriteLine($"robotics test: {summary.Files} of {projects.Count} test projects reported (TRX files in {Path.GetRelativePath(root, results)})");
        if (missing.Count > 0)
        {
            // A test host that crashed writes no results: count each such project as a failure.
            Console.WriteLine($"robotics test: no results from {string.Join(", ", missing)}");
            summary = summary with { Failed = summary.Failed + missing.Count };
        }

        Console.WriteLine(summary.ToSummaryLine());
        return exitCode != 0 || summary.Failed > 0 ? 1 : 0;
    }

    // One runner for every child process: the build and test runs go through the network isolation (when given),
    // the npm install does not.
    private static int RunProcess(string workingDirectory, TestNetworkIsolation? isolation, string program, params string[] arguments)
    {
        var psi = isolation?.CreateStartInfo(program, arguments) ?? NewStartInfo(program, arguments);
        psi.WorkingDirectory = workingDirectory;
        Console.Error.WriteLine($"robotics test: {program} {string.Join(' ', arguments)}");
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start '{program}'.");
        process.WaitForExit();
        return process.ExitCode;
    }

    private static ProcessStartInfo NewStartInfo(string program, IEnumerable<string> arguments)
    {
        var psi = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (string arg in arguments) psi.ArgumentList.Add(arg);
        return psi;
    }
}
