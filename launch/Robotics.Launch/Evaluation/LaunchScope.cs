namespace Robotics.Launch.Evaluation;

/// <summary>
/// The launch configurations visible to an action (ros2 launch keeps the ROS namespace, global parameters and remaps
/// among them too, so a scoped <c>&lt;group&gt;</c> restores all of them on exit) and the environment changes.
/// </summary>
internal sealed class LaunchScope
{
    public Dictionary<string, string> Configurations { get; private init; } = new(StringComparer.Ordinal);

    public string? RosNamespace { get; set; }

    /// <summary><c>set_parameter</c> (Name, Value) and <c>set_parameters_from_file</c> (File) entries in order.</summary>
    public List<GlobalParameter> GlobalParameters { get; private init; } = [];

    public List<KeyValuePair<string, string>> Remaps { get; private init; } = [];

    /// <summary>Environment changes (null = unset) over the process environment.</summary>
    public Dictionary<string, string?> Environment { get; private init; } = new(StringComparer.Ordinal);

    public LaunchScope Clone() => new()
    {
        Configurations = new Dictionary<string, string>(Configurations, StringComparer.Ordinal),
        RosNamespace = RosNamespace,
        GlobalParameters = [.. GlobalParameters],
        Remaps = [.. Remaps],
        Environment = new Dictionary<string, string?>(Environment, StringComparer.Ordinal),
    };

    /// <summary>A scope without the forwarded configurations (<c>forwarding="false"</c>); the environment stays.</summary>
    public LaunchScope CloneWithoutConfigurations() => new()
    {
        Environment = new Dictionary<string, string?>(Environment, StringComparer.Ordinal),
    };
}

/// <summary>A global parameter: a name and value (<c>-p</c>) or a parameters file (<c>--params-file</c>).</summary>
internal sealed record GlobalParameter(string? Name, string? Value, string? File);
