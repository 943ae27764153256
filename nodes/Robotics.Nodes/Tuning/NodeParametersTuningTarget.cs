using Robotics.Core.Parameters;
using Robotics.Nodes.Parameters;

namespace Robotics.Nodes.Tuning;

/// <summary>
/// The tuning target of a managed node: the node's own validated parameter path (<see cref="NodeParameters.ProposeAll"/>
/// with <c>atomically: true</c>, exactly what the <c>set_parameters_atomically</c> service does). Values are queued and
/// the host applies them at the next tick boundary on the loop thread.
/// </summary>
public sealed class NodeParametersTuningTarget : ITuningTarget
{
    private readonly NodeParameters _parameters;
    private readonly IReadOnlyList<string> _names;

    /// <summary>Creates the target over the parameters named in <paramref name="names"/>.</summary>
    public NodeParametersTuningTarget(NodeParameters parameters, IReadOnlyList<string> names)
    {
        _parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        _names = names ?? throw new ArgumentNullException(nameof(names));
    }

    /// <inheritdoc />
    public ParameterSet Snapshot()
    {
        var descriptors = new List<ParameterDescriptor>();
        foreach (string n in _names)
        {
            if (_parameters.FindDescriptor(n) is { } d) descriptors.Add(d);
        }

        var set = new ParameterSet(descriptors);
        foreach (var d in descriptors) set.Set(d.Name, _parameters.Get(d.Name));
        return set;
    }

    /// <inheritdoc />
    public bool TryApplyAll(IReadOnlyList<KeyValuePair<string, double>> values, out string error)
    {
        ArgumentNullException.ThrowIfNull(values);
        var changes = new KeyValuePair<string, ParameterValue>[values.Count];
        for (int i = 0; i < values.Count; i++) changes[i] = new(values[i].Key, ParameterValue.FromDouble(values[i].Value));
        var results = _parameters.ProposeAll(changes, atomically: true);
        var refused = results.Where(r => !r.IsValid).Select(r => r.Message).ToArray();
        error = refused.Length == 0 ? "" : string.Join("; ", refused);
        return refused.Length == 0;
    }
}
