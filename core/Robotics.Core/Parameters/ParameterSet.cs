namespace Robotics.Core.Parameters;

/// <summary>
/// The current values of a fixed list of declared parameters. Every change is validated against the
/// parameter's descriptor; unknown names are errors, never silently ignored.
/// </summary>
public sealed class ParameterSet
{
    private readonly Dictionary<string, ParameterDescriptor> _descriptors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParameterValue> _values = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Declares parameters with their default values.</summary>
    /// <exception cref="ArgumentException">Two descriptors share a name.</exception>
    public ParameterSet(IEnumerable<ParameterDescriptor> descriptors)
    {
        foreach (var d in descriptors)
        {
            if (!_descriptors.TryAdd(d.Name, d))
            {
                throw new ArgumentException($"Parameter '{d.Name}' is declared twice.", nameof(descriptors));
            }

            _values[d.Name] = d.DefaultValue;
            _order.Add(d.Name);
        }
    }

    /// <summary>The declared parameters in declaration order.</summary>
    public IEnumerable<ParameterDescriptor> Descriptors => _order.Select(n => _descriptors[n]);

    /// <summary>True when <paramref name="name"/> is declared.</summary>
    public bool Contains(string name) => _descriptors.ContainsKey(name);

    /// <summary>The descriptor of a declared parameter.</summary>
    public ParameterDescriptor GetDescriptor(string name) =>
        _descriptors.TryGetValue(name, out var d) ? d : throw new KeyNotFoundException(UnknownMessage(name));

    /// <summary>The current value of a declared parameter.</summary>
    public ParameterValue Get(string name) =>
        _values.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException(UnknownMessage(name));

    /// <summary>The current value as a double.</summary>
    public double GetDouble(string name) => Get(name).AsDouble();

    /// <summary>The current value as an integer.</summary>
    public long GetInteger(string name) => Get(name).AsInteger();

    /// <summary>The current value as a boolean.</summary>
    public bool GetBool(string name) => Get(name).AsBool();

    /// <summary>The current value as a string.</summary>
    public string GetString(string name) => Get(name).AsString();

    /// <summary>The current value as a double array.</summary>
    public ReadOnlySpan<double> GetDoubleArray(string name) => Get(name).AsDoubleArray();

    /// <summary>
    /// Validates and, if valid, stores a value. <paramref name="initial"/> is true while loading
    /// configuration, when read-only parameters may still be set.
    /// </summary>
    public ParameterValidation TrySet(string name, ParameterValue value, bool initial = true)
    {
        if (!_descriptors.TryGetValue(name, out var d))
        {
            return ParameterValidation.Invalid(null, value, UnknownMessage(name));
        }

        if (d.ReadOnly && !initial)
        {
            return ParameterValidation.Invalid(d, value, $"parameter '{name}' is read-only after start-up");
        }

        var check = d.Validate(value);
        if (check.IsValid)
        {
            _values[name] = check.Value;
        }

        return check;
    }

    /// <summary>Sets a value or throws <see cref="ArgumentException"/> with the validation message.</summary>
    public void Set(string name, ParameterValue value)
    {
        var check = TrySet(name, value);
        if (!check.IsValid)
        {
            throw new ArgumentException(check.Message, nameof(value));
        }
    }

    private string UnknownMessage(string name) =>
        $"unknown parameter '{name}'; known parameters: {string.Join(", ", _order)}";
}
