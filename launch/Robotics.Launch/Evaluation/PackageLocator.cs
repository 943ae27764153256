namespace Robotics.Launch.Evaluation;

/// <summary>
/// Finds packages for <c>$(find-pkg-share)</c> and <c>$(find-pkg-prefix)</c>: first the explicit share directories
/// given (the repository's <c>launch/</c> folder stands in for <c>share/robotics</c> when running from source), then the
/// ament index under each prefix of <c>AMENT_PREFIX_PATH</c>
/// (<c>&lt;prefix&gt;/share/ament_index/resource_index/packages/&lt;pkg&gt;</c>), as ros2 launch does.
/// </summary>
public sealed class PackageLocator
{
    private readonly IReadOnlyDictionary<string, string> shares;
    private readonly Func<string, string?> getEnvironmentVariable;

    /// <summary>Creates a locator.</summary>
    /// <param name="shareDirectories">Package name to share directory (e.g. <c>robotics</c> to <c>/repo/launch</c>); searched first.</param>
    /// <param name="getEnvironmentVariable">Environment lookup for <c>AMENT_PREFIX_PATH</c>; null reads the process environment.</param>
    public PackageLocator(IReadOnlyDictionary<string, string>? shareDirectories = null, Func<string, string?>? getEnvironmentVariable = null)
    {
        shares = shareDirectories ?? new Dictionary<string, string>();
        this.getEnvironmentVariable = getEnvironmentVariable ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>The share directory of a package.</summary>
    /// <param name="package">The package name.</param>
    /// <returns>The directory.</returns>
    /// <exception cref="DirectoryNotFoundException">The package is not known; the message lists where it was looked for.</exception>
    public string FindShare(string package)
    {
        if (shares.TryGetValue(package, out string? dir)) return dir;
        if (FindPrefix(package, out string? prefix)) return Path.Combine(prefix, "share", package);
        throw NotFound(package);
    }

    /// <summary>The install prefix of a package.</summary>
    /// <param name="package">The package name.</param>
    /// <returns>The prefix (the folder holding <c>share/&lt;package&gt;</c>).</returns>
    /// <exception cref="DirectoryNotFoundException">The package is not known.</exception>
    public string FindPrefix(string package)
    {
        if (FindPrefix(package, out string? prefix)) return prefix;
        if (shares.TryGetValue(package, out string? dir)) return Path.GetDirectoryName(Path.GetFullPath(dir).TrimEnd('/')) ?? dir;
        throw NotFound(package);
    }

    private bool FindPrefix(string package, out string prefix)
    {
        string? paths = getEnvironmentVariable("AMENT_PREFIX_PATH");
        if (!string.IsNullOrEmpty(paths))
        {
            foreach (string p in paths.Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                if (File.Exists(Path.Combine(p, "share", "ament_index", "resource_index", "packages", package)))
                {
                    prefix = p;
                    return true;
                }
            }
        }

        prefix = string.Empty;
        return false;
    }

    private DirectoryNotFoundException NotFound(string package)
    {
        string known = shares.Count > 0 ? $" Known from source: {string.Join(", ", shares.Keys)}." : string.Empty;
        return new DirectoryNotFoundException(
            $"package '{package}' not found: it is not in AMENT_PREFIX_PATH ('{getEnvironmentVariable("AMENT_PREFIX_PATH")}').{known} Source the workspace (. install/setup.bash) or check the package name.");
    }
}
