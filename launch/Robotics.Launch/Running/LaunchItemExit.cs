namespace Robotics.Launch.Running;

/// <summary>How one launched node or process ended.</summary>
/// <param name="Name">The node's display name or the process name.</param>
/// <param name="ExitCode">Its exit code (0 = clean); 1 when it threw.</param>
/// <param name="Error">The exception message when it threw, else null.</param>
public sealed record LaunchItemExit(string Name, int ExitCode, string? Error);
