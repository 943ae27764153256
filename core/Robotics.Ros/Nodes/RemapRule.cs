namespace Robotics.Ros.Nodes;

/// <summary>
/// One <c>-r [node:]from:=to</c> remapping rule. <see cref="From"/> is <c>__node</c> (or <c>__name</c>) to rename the
/// node, <c>__ns</c> to set its namespace, or a topic/service name (relative names are expanded with the node's
/// namespace before matching, as rcl does).
/// </summary>
/// <param name="NodeName">Only nodes with this name are affected; null for every node of the process.</param>
/// <param name="From">What is replaced.</param>
/// <param name="To">The replacement.</param>
public sealed record RemapRule(string? NodeName, string From, string To)
{
    /// <summary>True for a node name rule (<c>__node:=</c> or <c>__name:=</c>).</summary>
    public bool IsNodeName => From is "__node" or "__name";

    /// <summary>True for a namespace rule (<c>__ns:=</c>).</summary>
    public bool IsNamespace => From == "__ns";

    /// <summary>True when the rule applies to a node called <paramref name="nodeName"/>.</summary>
    /// <param name="nodeName">The node's name (before node name remapping for <c>__node</c> rules).</param>
    /// <returns>Whether the rule applies.</returns>
    public bool AppliesTo(string nodeName) => NodeName is null || NodeName == nodeName;

    /// <summary>The rule as it is written on the command line (<c>talker:chatter:=/x</c>).</summary>
    /// <returns>The rule text.</returns>
    public override string ToString() => (NodeName is null ? string.Empty : NodeName + ":") + From + ":=" + To;
}
