using System.Runtime.CompilerServices;

namespace Robotics.Launch.Tests;

/// <summary>Paths in the repository (found by walking up to Robotics.sln from the test binaries, else from this source file).</summary>
internal static class RepoLaunchFiles
{
    public static string Root
    {
        get
        {
            foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(SourceFile())! })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "Robotics.sln"))) return dir.FullName;
                }
            }

            throw new InvalidOperationException("Robotics.sln not found above " + AppContext.BaseDirectory + " or " + SourceFile());
        }
    }

    public static string LaunchDir => Path.Combine(Root, "launch");

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
