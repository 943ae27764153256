using Robotics.Core.Parameters;

namespace Robotics.Nodes.Parameters;

/// <summary>
/// The declared parameters of one node: descriptors (type, range, unit, read-only, description), current values, and a
/// queue of validated changes that the node applies at a tick boundary. Thread-safe.
/// </summary>
/// <remarks>
/// A change request (from the set services) is validated against the descriptor right away - type, range, read-only,
/// unknown name - and the reason is returned when it is refused; an accepted change waits in the queue until
/// <see cref="ApplyPending"/> runs between two ticks of the control loop, so a tick never sees half a change.
/// </remarks>
public sealed class NodeParameters
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ParameterDescriptor> _descriptors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParameterValue> _values = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly List<KeyValuePair<string, ParameterValue>> _pending = [];
    private volatile int _pendingCount;

    /// <summary>Creates an empty set for a node.</summary>
    /// <param name="nodeName">The node's fully qualified name (for messages).</param>
    public NodeParameters(string nodeName)
    {
        NodeName = nodeName ?? throw new ArgumentNullException(nameof(nodeName));
    }

    /// <summary>The node's fully qualified name.</summary>
    public string NodeName { get; }

    /// <summary>True while accepted changes wait for <see cref="ApplyPending"/> (cheap: reads one field).</summary>
    public bool HasPending => _pendingCount != 0;

    /// <summary>Raised after <see cref="ApplyPending"/> or <see cref="SetInitial"/> changed values (name/new value pairs).</summary>
    public event Action<IReadOnlyList<KeyValuePair<string, ParameterValue>>>? Changed;

    /// <summary>The descriptors in declaration order.</summary>
    public IReadOnlyList<ParameterDescriptor> Descriptors
    {
        get
        {
            lock (_gate)
            {
                var list = new ParameterDescriptor[_order.Count];
                for (int i = 0; i < list.Length; i++) list[i] = _descriptors[_order[i]];
                return list;
            }
        }
    }

    /// <summary>Declares parameters with their defaults.</summary>
    /// <param name="descriptors">The descriptors.</param>
    /// <exception cref="ArgumentException">A name is already declared.</exception>
    public void Declare(IEnumerable<ParameterDescriptor> descriptors)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        lock (_gate)
        {
            foreach (var d in descriptors)
            {
                if (!_descriptors.TryAdd(d.Name, d))
                {
                    throw new ArgumentException($"Node '{NodeName}': parameter '{d.Name}' is declared twice; rename one of them.", nameof(descriptors));
                }

                _values[d.Name] = d.DefaultValue;
                _order.Add(d.Name);
            }
        }
    }

    /// <summary>Whether a parameter is declared.</summary>
    /// <param name="name">The name.</param>
    /// <returns>True when declared.</returns>
    public bool IsDeclared(string name)
    {
        lock (_gate)
        {
            return _descriptors.ContainsKey(name);
        }
    }

    /// <summary>The descriptor of a parameter, or null.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The descriptor.</returns>
    public ParameterDescriptor? FindDescriptor(string name)
    {
        lock (_gate)
        {
            return _descriptors.GetValueOrDefault(name);
        }
    }

    /// <summary>The current value of a parameter, or null when it is not declared.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The value.</returns>
    public ParameterValue? Find(string name)
    {
        lock (_gate)
        {
            return _values.TryGetValue(name, out var v) ? v : null;
        }
    }

    /// <summary>The current value of a declared parameter.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">Not declared (the message lists the declared names).</exception>
    public ParameterValue Get(string name) => Find(name) ?? throw new KeyNotFoundException(UnknownMessage(name));

    /// <summary>A double (or integer) parameter.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The value.</returns>
    public double GetDouble(string name) => Get(name).AsDouble();

    /// <summary>An integer parameter.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The value.</returns>
    public long GetInteger(string name) => Get(name).AsInteger();

    /// <summary>A bool parameter.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The value.</returns>
    public bool GetBool(string name) => Get(name).AsBool();

    /// <summary>A string parameter.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The value.</returns>
    public string GetString(string name) => Get(name).AsString();

    /// <summary>All current values in declaration order.</summary>
    /// <returns>Name/value pairs.</returns>
    public IReadOnlyList<KeyValuePair<string, ParameterValue>> Snapshot()
    {
        lock (_gate)
        {
            var list = new KeyValuePair<string, ParameterValue>[_order.Count];
            for (int i = 0; i < list.Length; i++) list[i] = new(_order[i], _values[_order[i]]);
            return list;
        }
    }

    /// <summary>
    /// A Core <see cref="ParameterSet"/> of the parameters named <c>prefix + x</c>, renamed to <c>x</c>, with their current
    /// values: what a component's <c>FromParameters</c> takes (e.g. <c>ToParameterSet("plant.")</c>).
    /// </summary>
    /// <param name="prefix">The prefix, e.g. <c>controller.</c>; empty for every parameter.</param>
    /// <returns>The set.</returns>
    public ParameterSet ToParameterSet(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        lock (_gate)
        {
            var descriptors = new List<ParameterDescriptor>();
            foreach (string name in _order)
            {
                if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
                var d = _descriptors[name];
                descriptors.Add(new ParameterDescriptor(name[prefix.Length..], d.Type, d.DefaultValue, d.Description, d.Unit,
                    d.Minimum, d.Maximum, d.ReadOnly, d.ArrayLength));
            }

            var set = new ParameterSet(descriptors);
            foreach (var d in descriptors) set.Set(d.Name, _values[prefix + d.Name]);
            return set;
        }
    }

    /// <summary>Checks a value against a parameter's descriptor without changing anything.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The proposed value.</param>
    /// <param name="initial">True at start-up (read-only parameters may be set then).</param>
    /// <returns>The validation; its message says why a value is refused (unknown name, type, range, read-only).</returns>
    public ParameterValidation Validate(string name, ParameterValue value, bool initial)
    {
        lock (_gate)
        {
            if (!_descriptors.TryGetValue(name, out var d))
            {
                return ParameterValidation.Invalid(null, value, UnknownMessage(name));
            }

            if (d.ReadOnly && !initial)
            {
                return ParameterValidation.Invalid(null, value, $"parameter '{name}' is read-only; set it at start-up (params file or -p {name}:=...) instead");
            }

            return d.Validate(value);
        }
    }

    /// <summary>Sets a value at start-up (params file, <c>-p</c>), read-only ones included.</summary>
    /// <param name="assignment">The assignment.</param>
    /// <exception cref="ArgumentException">The value is refused; the message names the source and the reason.</exception>
    public void SetInitial(ParameterAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var check = Validate(assignment.Name, assignment.Value, initial: true);
        if (!check.IsValid)
        {
            throw new ArgumentException($"{assignment.Source}: node '{NodeName}': {check.Message}.");
        }

        lock (_gate)
        {
            _values[assignment.Name] = check.Value;
        }

        Changed?.Invoke([new(assignment.Name, check.Value)]);
    }

    /// <summary>
    /// Validates a change and, when valid, queues it for the next <see cref="ApplyPending"/> (tick boundary).
    /// </summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The new value.</param>
    /// <returns>The validation (the reason when refused).</returns>
    public ParameterValidation Propose(string name, ParameterValue value) => ProposeAll([new(name, value)])[0];

    /// <summary>Validates several changes and queues the valid ones.</summary>
    /// <param name="changes">Name/value pairs.</param>
    /// <param name="atomically">When true, nothing is queued unless every change is valid.</param>
    /// <returns>One validation per change.</returns>
    public IReadOnlyList<ParameterValidation> ProposeAll(IReadOnlyList<KeyValuePair<string, ParameterValue>> changes, bool atomically = false)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var results = new ParameterValidation[changes.Count];
        lock (_gate)
        {
            bool all = true;
            for (int i = 0; i < changes.Count; i++)
            {
                results[i] = Validate(changes[i].Key, changes[i].Value, initial: false);
                all &= results[i].IsValid;
            }

            if (atomically && !all) return results;
            for (int i = 0; i < changes.Count; i++)
            {
                if (results[i].IsValid) _pending.Add(new(changes[i].Key, results[i].Value));
            }

            _pendingCount = _pending.Count;
        }

        return results;
    }

    /// <summary>Applies the queued changes (call between two ticks); raises <see cref="Changed"/> when any value changed.</summary>
    /// <returns>The applied name/value pairs (empty when nothing was queued).</returns>
    public IReadOnlyList<KeyValuePair<string, ParameterValue>> ApplyPending()
    {
        if (_pendingCount == 0) return [];
        KeyValuePair<string, ParameterValue>[] applied;
        lock (_gate)
        {
            applied = [.. _pending];
            _pending.Clear();
            _pendingCount = 0;
            foreach (var (name, value) in applied) _values[name] = value;
        }

        if (applied.Length > 0) Changed?.Invoke(applied);
        return applied;
    }

    private string UnknownMessage(string name) =>
        $"parameter '{name}' is not declared by node '{NodeName}'; declared: {string.Join(", ", _order)}";
}
