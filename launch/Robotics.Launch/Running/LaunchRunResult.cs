namespace Robotics.Launch.Running;

/// <summary>The outcome of a launch run.</summary>
/// <param name="ExitCode">0 when every node and process ended cleanly, else the first non-zero exit code.</param>
/// <param name="Exits">Each item's exit, in launch order.</param>
public sealed record LaunchRunResult(int ExitCode, IReadOnlyList<LaunchItemExit> Exits);
