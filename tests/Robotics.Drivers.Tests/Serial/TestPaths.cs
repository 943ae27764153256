namespace Robotics.Drivers.Tests.Serial;

/// <summary>Repository paths for tests that build the C sources.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) dir = dir.Parent;
        if (dir is null)
        {
            // Tests built with --artifacts-path live outside the repo: fall back to the source location.
            string source = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SourceFile())!, "..", ".."));
            return Path.GetFullPath(Path.Combine(source, ".."));
        }

        return dir.FullName;
    }

    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
