using System.Diagnostics;
using System.Reflection;

namespace Robotics.Ros.Tests.Messages;

/// <summary>Repository paths (from assembly metadata set by the csproj) and a small process runner.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } =
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RoboticsRepoRoot").Value!;

    public static string Interfaces => Path.Combine(RepoRoot, "core", "interfaces");

    public static string GoldenRos => Path.Combine(RepoRoot, "tests", "golden", "ros");

    public static bool HasTool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Any(d => File.Exists(Path.Combine(d, name)));

    public static (int ExitCode, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi)!;
        Task<string> err = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout, err.Result);
    }
}

/// <summary>A fact that is skipped (with the reason) when idlc or gcc is not installed.</summary>
public sealed class IdlcFactAttribute : FactAttribute
{
    public IdlcFactAttribute()
    {
        if (!TestPaths.HasTool("idlc") || !TestPaths.HasTool("gcc") || !TestPaths.HasTool("python3"))
        {
            Skip = "needs idlc (apt install cyclonedds-tools), gcc and python3 on PATH";
        }
    }
}

/// <summary>A fact that is skipped when python3 is not installed.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (!TestPaths.HasTool("python3"))
        {
            Skip = "needs python3 on PATH";
        }
    }
}
