using System.Diagnostics;

namespace Robotics.Cli.Tests;

/// <summary>Runs the built CLI (Robotics.Cli.dll next to the tests) as a child process, as a user would.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static Result Run(params string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Robotics.Cli.dll"));
        foreach (string a in arguments) psi.ArgumentList.Add(a);
        psi.Environment["ROBOTICS_REPO_ROOT"] = RepoPaths.Root;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"robotics {string.Join(' ', arguments)} did not finish within 2 minutes");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
