namespace Robotics.Launch.Plan;

/// <summary>
/// A <c>&lt;node&gt;</c> after evaluation: the executable and the exact argument list <c>ros2 launch</c> would pass to it.
/// </summary>
/// <param name="SourceFile">The launch file that declared it.</param>
/// <param name="Line">The 1-based line of its element.</param>
/// <param name="Package">The <c>pkg</c> attribute.</param>
/// <param name="Executable">The <c>exec</c> attribute.</param>
/// <param name="Name">The node name (<c>name</c>), or null when the executable's own name is kept.</param>
/// <param name="Namespace">The absolute namespace (own <c>namespace</c> under pushed ones), or null when none was given.</param>
/// <param name="Arguments">The argument list after the executable: user <c>args</c>, then <c>--ros-args -r __node:= -r __ns:= (-p | --params-file)… -r from:=to…</c>.</param>
/// <param name="GeneratedFiles">Parameter files the launcher writes before starting the node (inline <c>&lt;param&gt;</c>s, <c>allow_substs</c> files); their paths appear in <paramref name="Arguments"/>.</param>
/// <param name="Environment">Environment changes for this process (<c>set_env</c> in scope and the node's <c>&lt;env&gt;</c>; null value = unset).</param>
/// <param name="Output">The <c>output</c> attribute (<c>screen</c>, <c>log</c>, <c>both</c>); <c>log</c> when absent.</param>
/// <param name="ShutdownOnExit">True for <c>on_exit="shutdown"</c>: the whole launch stops when this node exits.</param>
public sealed record PlannedNode(
    string SourceFile,
    int Line,
    string Package,
    string Executable,
    string? Name,
    string? Namespace,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<GeneratedFile> GeneratedFiles,
    IReadOnlyDictionary<string, string?> Environment,
    string Output,
    bool ShutdownOnExit) : LaunchItem(SourceFile, Line)
{
    /// <summary>The name shown in logs: the fully qualified node name when known, else the executable.</summary>
    public string DisplayName => Name is null ? Executable : Namespace is null or "/" ? $"/{Name}" : $"{Namespace}/{Name}";
}
