using System.Diagnostics;

namespace Robotics.Drivers.Emulation;

/// <summary>Builds the rig firmware's host build (<c>rig_emu</c>) and C tests (<c>proto_test</c>) with gcc through
/// <c>hil-rigs/build.sh</c>, into a per-checkout output directory (rebuilds only when a source changed).</summary>
public static class RigFirmwareBuild
{
    /// <summary>Finds the repository's <c>hil-rigs</c> directory by walking up from <paramref name="start"/> (default: the
    /// application's base directory, then the current directory).</summary>
    /// <exception cref="DirectoryNotFoundException">No ancestor holds hil-rigs/build.sh.</exception>
    public static string FindHilRigsDirectory(string? start = null)
    {
        foreach (var origin in start is null ? [AppContext.BaseDirectory, Directory.GetCurrentDirectory()] : new[] { start })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "hil-rigs");
                if (File.Exists(Path.Combine(candidate, "build.sh")))
                    return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"hil-rigs/build.sh not found above '{start ?? AppContext.BaseDirectory}'; run from inside the repository or pass RigEmulatorOptions.ExecutablePath.");
    }

    /// <summary>Runs <c>hil-rigs/build.sh [outputDirectory]</c> and returns the output directory holding <c>rig_emu</c> and
    /// <c>proto_test</c>. Null arguments: the repository's hil-rigs and build.sh's per-checkout default directory.</summary>
    /// <exception cref="InvalidOperationException">The build failed; the message carries its output.</exception>
    public static string EnsureBuilt(string? hilRigsDirectory = null, string? outputDirectory = null)
    {
        var dir = hilRigsDirectory ?? FindHilRigsDirectory();
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(dir, "build.sh"));
        if (outputDirectory is not null)
            start.ArgumentList.Add(outputDirectory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash for hil-rigs/build.sh");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"hil-rigs/build.sh failed with exit code {process.ExitCode} (needs gcc and make: apt-get install gcc make):{Environment.NewLine}{stderr.Result}{stdout}");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 0 ? lines[^1] : throw new InvalidOperationException("hil-rigs/build.sh printed no output directory");
    }

    /// <summary>Path of <c>rig_emu</c> after <see cref="EnsureBuilt"/>.</summary>
    public static string EmulatorPath(string? hilRigsDirectory = null, string? outputDirectory = null) =>
        Path.Combine(EnsureBuilt(hilRigsDirectory, outputDirectory), "rig_emu");
}
