using System.Diagnostics;
using System.Text.Json;
using Robotics.Ros.Tests.Messages;

namespace Robotics.Ros.Tests.Recording;

/// <summary>Runs the pinned npm oracles in tests/interop/npm (installing them once via install.sh).</summary>
internal static class NpmOracle
{
    public static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "interop", "npm");

    private static readonly Lazy<string?> Unavailable = new(() =>
    {
        if (!TestPaths.HasTool("node") || !TestPaths.HasTool("npm")) return "node/npm not installed: install Node.js with npm to run the npm interop checks";
        var (code, stdout, stderr) = Run("bash", Path.Combine(Folder, "install.sh"));
        return code == 0 ? null : $"npm install of the pinned oracles failed (exit {code}): {stdout}{stderr}";
    });

    /// <summary>Null when the oracles can run, else why not.</summary>
    public static string? SkipReason => TestPaths.HasTool("node") && TestPaths.HasTool("npm") ? null : "node/npm not installed: install Node.js with npm to run the npm interop checks";

    /// <summary>Runs read-mcap.mjs on the files; returns one JSON document per file.</summary>
    public static IReadOnlyList<JsonElement> ReadMcap(params string[] files)
    {
        EnsureInstalled();
        var (code, stdout, stderr) = Run("node", [Path.Combine(Folder, "read-mcap.mjs"), .. files]);
        Assert.True(code == 0, $"@mcap/core rejected the file (exit {code}): {stderr}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
    }

    public static void EnsureInstalled()
    {
        if (Unavailable.Value is { } reason) Assert.Fail(reason);
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Folder };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 3 minutes");
        }

        return (p.ExitCode, o.Result, e.Result);
    }
}
