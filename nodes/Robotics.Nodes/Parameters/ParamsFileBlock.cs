namespace Robotics.Nodes.Parameters;

/// <summary>One <c>&lt;node pattern&gt;: ros__parameters:</c> block of a params file.</summary>
/// <param name="NodePattern">The fully qualified node pattern, e.g. <c>/rig/controller</c> or <c>/**</c>.</param>
/// <param name="Line">1-based line of the node key.</param>
/// <param name="Entries">The parameters of the block, in file order.</param>
public sealed record ParamsFileBlock(string NodePattern, int Line, IReadOnlyList<ParameterAssignment> Entries)
{
    /// <summary>True when the pattern contains a <c>*</c> wildcard (applies to many nodes).</summary>
    public bool IsWildcard => NodePattern.Contains('*', StringComparison.Ordinal);
}
