using System.Diagnostics;

namespace Robotics.Cli.Tests;

/// <summary>The <c>./robotics</c> entry script, run as a user runs it.</summary>
public sealed class RoboticsScriptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("robotics-script-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RelativePaths_AreResolvedFromTheCallersDirectory()
    {
        // Regression: the script used to cd to the repository root, so "my.yaml" was looked for there.
        File.Copy(Path.Combine(RepoPaths.Root, "sim", "scenarios", "msd-pid-noiseless.yaml"), Path.Combine(_folder, "my.yaml"));
        var psi = new ProcessStartInfo("bash") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { Path.Combine(RepoPaths.Root, "robotics"), "sim", "run", "my.yaml", "--duration", "0.05", "--summary", "out.json" })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        string output = await stdout + await stderr;
        // Before the step at 1 s the error is zero, so the short run passes (exit 0); a missing file would exit 2.
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{output}");
        Assert.True(File.Exists(Path.Combine(_folder, "out.json")), "the summary was not written next to the caller");
    }
}
