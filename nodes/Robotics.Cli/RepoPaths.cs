namespace Robotics.Cli;

/// <summary>Locates the repository root (set by the <c>./robotics</c> script, else found by walking up).</summary>
public static class RepoPaths
{
    /// <summary>The repository root: $ROBOTICS_REPO_ROOT, else the nearest ancestor holding Robotics.sln.</summary>
    public static string Root
    {
        get
        {
            string? fromEnv = Environment.GetEnvironmentVariable("ROBOTICS_REPO_ROOT");
            if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "Robotics.sln"))) return fromEnv;
            foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "Robotics.sln"))) return dir.FullName;
                }
            }

            return Directory.GetCurrentDirectory();
        }
    }
}
