namespace Robotics.Launch.Plan;

/// <summary>An <c>&lt;executable&gt;</c> after evaluation: a command line run as a child process (no <c>--ros-args</c> added).</summary>
/// <param name="SourceFile">The launch file that declared it.</param>
/// <param name="Line">The 1-based line of its element.</param>
/// <param name="Command">The program and its arguments (split like a shell would, without running one).</param>
/// <param name="Shell">True for <c>shell="true"</c>: the joined command runs through <c>/bin/sh -c</c>.</param>
/// <param name="WorkingDirectory">The <c>cwd</c> attribute, or null.</param>
/// <param name="Name">The <c>name</c> attribute, or null.</param>
/// <param name="Environment">Environment changes for the child (<c>set_env</c> in scope and <c>&lt;env&gt;</c>; null value = unset).</param>
/// <param name="Output">The <c>output</c> attribute.</param>
/// <param name="ShutdownOnExit">True for <c>on_exit="shutdown"</c>.</param>
public sealed record PlannedProcess(
    string SourceFile,
    int Line,
    IReadOnlyList<string> Command,
    bool Shell,
    string? WorkingDirectory,
    string? Name,
    IReadOnlyDictionary<string, string?> Environment,
    string Output,
    bool ShutdownOnExit) : LaunchItem(SourceFile, Line)
{
    /// <summary>The name shown in logs.</summary>
    public string DisplayName => Name ?? Path.GetFileName(Command.Count > 0 ? Command[0] : "process");
}
