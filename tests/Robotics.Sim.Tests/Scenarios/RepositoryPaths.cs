using System.Runtime.CompilerServices;

namespace Robotics.Sim.Tests.Scenarios;

/// <summary>Finds the repository root (the folder holding Robotics.sln or sim/scenarios).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ScenariosFolder => Path.Combine(Root, "sim", "scenarios");

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        // The test binaries may live outside the repository (e.g. --artifacts-path /tmp/...), so fall back to the
        // current directory and to this source file's compile-time location.
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Robotics.sln")) || Directory.Exists(Path.Combine(dir.FullName, "sim", "scenarios")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository root (Robotics.sln or sim/scenarios) above " + AppContext.BaseDirectory);
    }
}
