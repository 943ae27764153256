namespace Robotics.Launch.Plan;

/// <summary>An evaluated launch file: what to start, in order, and what was declared.</summary>
/// <param name="LaunchFile">The top-level launch file.</param>
/// <param name="Items">Nodes, processes and log messages in the order their actions ran.</param>
/// <param name="Arguments">The launch arguments declared while evaluating (top file and included files).</param>
/// <param name="Configurations">The launch configurations (<c>arg</c>/<c>let</c> values) of the top-level scope at the end.</param>
/// <param name="Warnings">Things worth telling the user that do not stop the launch (e.g. a <c>name:=value</c> no file declares).</param>
public sealed record LaunchPlan(
    string LaunchFile,
    IReadOnlyList<LaunchItem> Items,
    IReadOnlyList<LaunchArgument> Arguments,
    IReadOnlyDictionary<string, string> Configurations,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The nodes, in order.</summary>
    public IReadOnlyList<PlannedNode> Nodes => Items.OfType<PlannedNode>().ToArray();

    /// <summary>The <c>&lt;executable&gt;</c> processes, in order.</summary>
    public IReadOnlyList<PlannedProcess> Processes => Items.OfType<PlannedProcess>().ToArray();
}
