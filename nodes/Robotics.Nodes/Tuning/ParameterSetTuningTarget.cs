using Robotics.Core.Parameters;

namespace Robotics.Nodes.Tuning;

/// <summary>
/// A tuning target over a plain <see cref="ParameterSet"/>: values are validated against their descriptors and set all
/// at once; <see cref="Applied"/> then runs (e.g. the controller's ApplyParameters) - call between ticks.
/// </summary>
public sealed class ParameterSetTuningTarget : ITuningTarget
{
    private readonly ParameterSet _parameters;

    /// <summary>Creates the target.</summary>
    public ParameterSetTuningTarget(ParameterSet parameters, Action<ParameterSet>? applied = null)
    {
        _parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        Applied = applied;
    }

    /// <summary>Called after a successful application.</summary>
    public Action<ParameterSet>? Applied { get; }

    /// <inheritdoc />
    public ParameterSet Snapshot()
    {
        var copy = new ParameterSet(_parameters.Descriptors);
        foreach (var d in _parameters.Descriptors) copy.Set(d.Name, _parameters.Get(d.Name));
        return copy;
    }

    /// <inheritdoc />
    public bool TryApplyAll(IReadOnlyList<KeyValuePair<string, double>> values, out string error)
    {
        ArgumentNullException.ThrowIfNull(values);
        var checkedValues = new ParameterValue[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            if (!_parameters.Contains(values[i].Key))
            {
                error = $"unknown parameter '{values[i].Key}'";
                return false;
            }

            var d = _parameters.GetDescriptor(values[i].Key);
            var check = d.Validate(ParameterValue.FromDouble(values[i].Value));
            if (!check.IsValid || d.ReadOnly)
            {
                error = d.ReadOnly ? $"'{d.Name}' is read-only" : check.Message;
                return false;
            }

            checkedValues[i] = check.Value;
        }

        for (int i = 0; i < values.Count; i++) _parameters.Set(values[i].Key, checkedValues[i]);
        Applied?.Invoke(_parameters);
        error = "";
        return true;
    }
}
