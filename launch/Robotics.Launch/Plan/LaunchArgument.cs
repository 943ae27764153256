namespace Robotics.Launch.Plan;

/// <summary>A declared launch argument (<c>&lt;arg&gt;</c>), as <c>--show-args</c> lists it.</summary>
/// <param name="Name">The name (set with <c>name:=value</c>).</param>
/// <param name="DefaultValue">The default as written (may contain substitutions), or null when the argument is required.</param>
/// <param name="Description">The description, or null.</param>
/// <param name="Choices">The allowed values (<c>&lt;choice value&gt;</c>); empty when any value is allowed.</param>
/// <param name="SourceFile">The file that declares it.</param>
public sealed record LaunchArgument(string Name, string? DefaultValue, string? Description, IReadOnlyList<string> Choices, string SourceFile);
