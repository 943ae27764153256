using System.Diagnostics;
using System.Text.Json;

namespace Robotics.Cli.Tests;

/// <summary>Runs the pinned npm oracles in tests/interop/npm (installed once by install.sh); skips when node/npm are missing.</summary>
internal static class BagNpm
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "interop", "npm");

    public static string? SkipReason =>
        HasTool("node") && HasTool("npm") ? null : "node/npm not installed: install Node.js with npm to run the npm interop checks";

    private static readonly Lazy<string?> InstallError = new(() =>
    {
        var (code, stdout, stderr) = Run("bash", TimeSpan.FromMinutes(3), Path.Combine(Folder, "install.sh"));
        return code == 0 ? null : $"npm install of the pinned oracles failed (exit {code}): {stdout}{stderr}";
    });

    public static IReadOnlyList<JsonElement> ReadMcap(params string[] files)
    {
        Install();
        var (code, stdout, stderr) = Run("node", TimeSpan.FromMinutes(2), [Path.Combine(Folder, "read-mcap.mjs"), .. files]);
        Assert.True(code == 0, $"@mcap/core rejected the recording (exit {code}): {stderr}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
    }

    public static void Install()
    {
        if (InstallError.Value is { } e) Assert.Fail(e);
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(string file, TimeSpan timeout, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Folder };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeout}");
        }

        return (p.ExitCode, o.Result, e.Result);
    }

    private static bool HasTool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Any(d => File.Exists(Path.Combine(d, name)));
}

/// <summary>A fact skipped, with the reason, when node/npm are missing.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BagNpmFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason when node or npm is absent.</summary>
    public BagNpmFactAttribute()
    {
        if (BagNpm.SkipReason is { } reason) Skip = reason;
    }
}
