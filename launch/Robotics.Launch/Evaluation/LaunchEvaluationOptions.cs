namespace Robotics.Launch.Evaluation;

/// <summary>How <see cref="LaunchEvaluator"/> resolves packages, the environment and generated files.</summary>
public sealed record LaunchEvaluationOptions
{
    /// <summary>Finds packages for <c>$(find-pkg-share)</c>; null uses <c>AMENT_PREFIX_PATH</c> only.</summary>
    public PackageLocator? Packages { get; init; }

    /// <summary>Environment lookup for <c>$(env)</c> and <c>append_env</c>; null reads the process environment.</summary>
    public Func<string, string?>? GetEnvironmentVariable { get; init; }

    /// <summary>Folder for the generated <c>launch_params_*.yaml</c> files; null is a fresh folder under the system temp folder.</summary>
    public string? GeneratedFilesDirectory { get; init; }

    /// <summary>The suffix <c>$(anon name)</c> appends (<c>name_&lt;suffix&gt;</c>); null is <c>&lt;pid&gt;_&lt;random&gt;</c> as ros2 launch does.</summary>
    public string? AnonymousSuffix { get; init; }
}
