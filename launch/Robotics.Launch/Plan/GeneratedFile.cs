namespace Robotics.Launch.Plan;

/// <summary>A file the launcher writes before starting a node (e.g. the <c>launch_params_*</c> YAML of inline parameters).</summary>
/// <param name="Path">Where it is written.</param>
/// <param name="Contents">Its text.</param>
public sealed record GeneratedFile(string Path, string Contents);
