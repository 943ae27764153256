using Robotics.Ros.Nodes;

namespace Robotics.Nodes.Parameters;

/// <summary>
/// The start-up values a node gets from its ROS arguments: the blocks of every <c>--params-file</c> that match the node
/// (in file order, wildcard and named blocks alike), then the <c>-p</c> overrides (later ones win).
/// </summary>
public sealed class ParameterOverrides
{
    private ParameterOverrides(IReadOnlyList<ParameterAssignment> assignments)
    {
        Assignments = assignments;
    }

    /// <summary>The assignments in application order.</summary>
    public IReadOnlyList<ParameterAssignment> Assignments { get; }

    /// <summary>Collects the assignments for a node.</summary>
    /// <param name="arguments">The node's ROS arguments.</param>
    /// <param name="nodeFullName">The node's fully qualified name (after remapping).</param>
    /// <returns>The assignments.</returns>
    /// <exception cref="ArgumentException">
    /// A file is missing or malformed, or none of its node blocks matches this node (the message lists the nodes it names
    /// with their lines), or a <c>-p</c> value is malformed.
    /// </exception>
    public static ParameterOverrides For(RosArguments arguments, string nodeFullName)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var list = new List<ParameterAssignment>();
        foreach (string path in arguments.ParamsFiles)
        {
            var file = ParamsFile.Load(path);
            var blocks = file.BlocksFor(nodeFullName);
            if (blocks.Count == 0 && file.Blocks.Count > 0)
            {
                string named = string.Join(", ", file.Blocks.Select(b => $"'{b.NodePattern}' (line {b.Line})"));
                throw new ArgumentException(
                    $"{path}: no block applies to node '{nodeFullName}'; the file names {named}. Fix the node name in the file (or -r __node:=/__ns:=), or add a '/**:' block.");
            }

            foreach (var b in blocks) list.AddRange(b.Entries);
        }

        foreach (var p in arguments.Parameters)
        {
            var value = ParameterText.Parse(p.Value);
            list.Add(new ParameterAssignment(p.Name, value, $"-p {p.Name}:={p.Value}"));
        }

        return new ParameterOverrides(list);
    }

    /// <summary>
    /// Sets every assignment whose parameter is declared; with <paramref name="strict"/>, an undeclared name from a named
    /// block or <c>-p</c> is an error, one from a wildcard block a warning (other nodes sharing the file may use it).
    /// </summary>
    /// <param name="parameters">The node's parameters.</param>
    /// <param name="strict">Report undeclared names (after the last declaration).</param>
    /// <param name="warn">Receives warnings.</param>
    /// <exception cref="ArgumentException">A value is refused or (strict) a name is unknown; the message names the source line.</exception>
    public void ApplyTo(NodeParameters parameters, bool strict, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var a in Assignments)
        {
            if (!parameters.IsDeclared(a.Name))
            {
                if (!strict) continue;
                string known = string.Join(", ", parameters.Descriptors.Select(d => d.Name));
                string message = $"{a.Source}: parameter '{a.Name}' is not declared by node '{parameters.NodeName}'; declared: {known}. Fix the name or remove the line.";
                if (a.FromWildcard)
                {
                    warn?.Invoke(message);
                    continue;
                }

                throw new ArgumentException(message);
            }

            parameters.SetInitial(a);
        }
    }
}
