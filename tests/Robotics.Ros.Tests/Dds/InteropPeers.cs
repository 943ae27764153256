using System.Diagnostics;

namespace Robotics.Ros.Tests.Dds;

/// <summary>
/// The native peers of tests/interop, built once per test run by <c>tests/interop/build.sh</c> into a temporary
/// directory, and what is missing when they cannot be built (tests then skip with that reason).
/// </summary>
internal static class InteropPeers
{
    private static readonly Lazy<(string? Dir, string? Error)> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Why the Cyclone C peers cannot run here, or null when idlc, gcc and the Cyclone library are present.</summary>
    public static string? MissingReason { get; } = FindMissing();

    /// <summary>Why the Fast DDS peer cannot run here, or null.</summary>
    public static string? FastDdsMissingReason { get; } = MissingReason ?? FindMissingFastDds();

    /// <summary>The repository root (holds Robotics.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Directory holding the built peers; throws with the build output when the build failed.</summary>
    public static string Directory
    {
        get
        {
            (string? dir, string? error) = Built.Value;
            return dir ?? throw new InvalidOperationException("tests/interop/build.sh failed:\n" + error);
        }
    }

    /// <summary>Full path of peer <paramref name="name"/> (peer, graph_peer, graph_peer24, opsdump, fastdds_peer).</summary>
    public static string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    private static string? FindMissing()
    {
        foreach (string tool in new[] { "idlc", "gcc" })
        {
            if (FindOnPath(tool) is null)
            {
                return $"{tool} not found: apt-get install cyclonedds-tools cyclonedds-dev gcc to run the Cyclone interop tests";
            }
        }

        if (!File.Exists("/usr/include/dds/dds.h"))
        {
            return "Cyclone DDS headers (/usr/include/dds/dds.h) not found: apt-get install cyclonedds-dev";
        }

        return Robotics.Ros.Dds.Native.CycloneLibrary.TryLoad(out string? error) ? null : error;
    }

    private static string? FindMissingFastDds()
    {
        if (FindOnPath("fastddsgen") is null || FindOnPath("cmake") is null || FindOnPath("g++") is null)
        {
            return "fastddsgen, cmake or g++ not found: apt-get install fastddsgen libfastrtps-dev cmake g++ to run the Fast DDS interop tests";
        }

        return File.Exists("/usr/include/fastdds/dds/domain/DomainParticipant.hpp") ? null : "Fast DDS headers not found: apt-get install libfastrtps-dev";
    }

    private static (string?, string?) Build()
    {
        string output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "robotics-interop-" + Environment.UserName);
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(System.IO.Path.Combine(RepoRoot, "tests", "interop", "build.sh"));
        psi.ArgumentList.Add(output);
        using var process = Process.Start(psi)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (null, "build.sh timed out after 5 minutes");
        }

        return process.ExitCode == 0 ? (output, null) : (null, stdout.Result + stderr.Result);
    }

    private static string FindRepoRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir, "Robotics.sln")))
        {
            dir = System.IO.Path.GetDirectoryName(dir);
        }

        if (dir is null)
        {
            // built with --artifacts-path outside the repository: fall back to the source location
            dir = System.IO.Path.GetFullPath(System.IO.Path.Combine(ThisFileDirectory(), "..", "..", ".."));
        }

        return dir;
    }

    private static string ThisFileDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => System.IO.Path.GetDirectoryName(path)!;

    private static string? FindOnPath(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = System.IO.Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that skips, naming what to install, when the Cyclone C interop peers cannot be built here.</summary>
public sealed class InteropFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when idlc, gcc or Cyclone DDS is missing.</summary>
    public InteropFactAttribute()
    {
        if (InteropPeers.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that skips, naming what to install, when the Cyclone C interop peers cannot be built here.</summary>
public sealed class InteropTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when idlc, gcc or Cyclone DDS is missing.</summary>
    public InteropTheoryAttribute()
    {
        if (InteropPeers.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A fact that skips when the Fast DDS peer cannot be built here.</summary>
public sealed class FastDdsFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when fastddsgen, cmake, g++ or Fast DDS is missing.</summary>
    public FastDdsFactAttribute()
    {
        if (InteropPeers.FastDdsMissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A fact that needs only the Cyclone DDS library (in-process C# participants).</summary>
public sealed class CycloneFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when libddsc cannot be loaded.</summary>
    public CycloneFactAttribute()
    {
        if (!Robotics.Ros.Dds.Native.CycloneLibrary.TryLoad(out string? error))
        {
            Skip = error;
        }
    }
}
