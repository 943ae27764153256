using Robotics.Core.Parameters;

namespace Robotics.Control.Mpc.Costs;

/// <summary>
/// Base class of the built-in cost terms: keeps the parameters in a validated <see cref="ParameterSet"/> under
/// <c>costs.&lt;name&gt;.*</c> (with <c>enabled</c> and <c>weight</c>), re-applies them after every change, and
/// provides a central-difference <see cref="AddGradient"/> that terms with an analytic gradient override.
/// </summary>
public abstract class CostTerm : ICostTerm
{
    private readonly ParameterSet _values;
    private readonly ParameterDescriptor[] _descriptors;
    private MpcDimensions? _dimensions;
    private double[] _fdStates = [];
    private double[] _fdControls = [];
    private readonly double[] _fdCost = new double[1];
    private bool _enabled;
    private double _weight;

    /// <summary>Declares the term.</summary>
    /// <param name="name">Term name (lower_snake).</param>
    /// <param name="defaultWeight">Default of <c>costs.&lt;name&gt;.weight</c>.</param>
    /// <param name="description">What the term penalises (used in the weight's description).</param>
    /// <param name="local">The term's own parameters with local names (prefixed here with <c>costs.&lt;name&gt;.</c>).</param>
    protected CostTerm(string name, double defaultWeight, string description, IEnumerable<ParameterDescriptor> local)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        var list = new List<ParameterDescriptor>
        {
            ParameterDescriptor.Bool($"costs.{name}.enabled", true, $"Whether the '{name}' cost term contributes."),
            ParameterDescriptor.Double($"costs.{name}.weight", defaultWeight, "", $"Weight of the '{name}' cost term: {description}", 0.0, 1e12),
        };
        foreach (var d in local)
        {
            list.Add(new ParameterDescriptor($"costs.{name}.{d.Name}", d.Type, d.DefaultValue, d.Description, d.Unit, d.Minimum, d.Maximum, d.ReadOnly, d.ArrayLength));
        }

        _descriptors = [.. list];
        _values = new ParameterSet(_descriptors);
        _enabled = true;
        _weight = defaultWeight;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool Enabled
    {
        get => _enabled;
        set => SetOrThrow("enabled", ParameterValue.FromBool(value));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The weight is negative or not finite (on set).</exception>
    public double Weight
    {
        get => _weight;
        set => SetOrThrow("weight", ParameterValue.FromDouble(value));
    }

    /// <inheritdoc />
    public IReadOnlyList<ParameterDescriptor> Parameters => _descriptors;

    /// <summary>The sizes the term was configured for, or null before <see cref="Configure"/>.</summary>
    protected MpcDimensions? Dimensions => _dimensions;

    /// <inheritdoc />
    public ParameterValue GetParameter(string name) => _values.Get(name);

    /// <inheritdoc />
    public ParameterValidation TrySetParameter(string name, ParameterValue value)
    {
        if (!_values.Contains(name))
        {
            return _values.TrySet(name, value); // the standard unknown-parameter message
        }

        var old = _values.Get(name);
        var check = _values.TrySet(name, value);
        if (!check.IsValid) return check;
        if (_dimensions is { } dims)
        {
            try
            {
                Apply(dims);
            }
            catch (ArgumentException e)
            {
                _values.Set(name, old);
                Apply(dims);
                return ParameterValidation.Invalid(_values.GetDescriptor(name), value, e.Message);
            }
        }

        _enabled = _values.GetBool($"costs.{Name}.enabled");
        _weight = _values.GetDouble($"costs.{Name}.weight");
        return check;
    }

    /// <inheritdoc />
    public void Configure(MpcDimensions dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        Apply(dimensions);
        _fdStates = new double[(dimensions.Horizon + 1) * dimensions.StateSize];
        _fdControls = new double[dimensions.Horizon * dimensions.InputSize];
        _dimensions = dimensions;
    }

    /// <inheritdoc />
    public abstract void AddCosts(in CostInput input, Span<double> costs);

    /// <summary>
    /// Default gradient: central differences of <see cref="AddCosts"/> on the single trajectory (step 1e-6 x max(1, |v|)),
    /// for every state row t &gt;= 1 and every control. Terms with a closed-form gradient override this.
    /// </summary>
    public virtual void AddGradient(in CostInput input, Span<double> stateGradient, Span<double> controlGradient)
    {
        int n = input.StateSize, m = input.InputSize, h = input.Horizon;
        input.States[..((h + 1) * n)].CopyTo(_fdStates);
        input.Controls[..(h * m)].CopyTo(_fdControls);
        for (int k = n; k < (h + 1) * n; k++) stateGradient[k] += Difference(input, _fdStates, k);
        for (int k = 0; k < h * m; k++) controlGradient[k] += Difference(input, _fdControls, k);
    }

    /// <summary>
    /// Reads the parameters into fields and checks them against <paramref name="dimensions"/>. Called by
    /// <see cref="Configure"/> and after every accepted parameter change; may allocate.
    /// </summary>
    /// <exception cref="ArgumentException">A parameter does not fit; the message names it (full name) and the fix.</exception>
    protected abstract void Apply(MpcDimensions dimensions);

    /// <summary>The full parameter name <c>costs.&lt;name&gt;.&lt;local&gt;</c>.</summary>
    protected string FullName(string local) => $"costs.{Name}.{local}";

    /// <summary>A double parameter by local name.</summary>
    protected double GetDouble(string local) => _values.GetDouble(FullName(local));

    /// <summary>An integer parameter by local name.</summary>
    protected long GetInteger(string local) => _values.GetInteger(FullName(local));

    /// <summary>A boolean parameter by local name.</summary>
    protected bool GetBool(string local) => _values.GetBool(FullName(local));

    /// <summary>A double-array parameter by local name.</summary>
    protected double[] GetArray(string local) => _values.GetDoubleArray(FullName(local)).ToArray();

    /// <summary>Sets a parameter by local name (for typed property setters), throwing on an invalid value.</summary>
    /// <exception cref="ArgumentException">The value is rejected; the message names the parameter and the allowed range.</exception>
    protected void SetOrThrow(string local, ParameterValue value)
    {
        var check = TrySetParameter(FullName(local), value);
        if (!check.IsValid) throw new ArgumentException(check.Message, local);
    }

    /// <summary>
    /// Expands a per-entry array parameter: empty = <paramref name="fill"/> everywhere, one value = every entry,
    /// <paramref name="size"/> values = per entry.
    /// </summary>
    /// <exception cref="ArgumentException">Any other length.</exception>
    protected double[] Expand(string local, int size, double fill, string what)
    {
        var values = GetArray(local);
        var result = new double[size];
        if (values.Length == 0) Array.Fill(result, fill);
        else if (values.Length == 1) Array.Fill(result, values[0]);
        else if (values.Length == size) values.CopyTo(result, 0);
        else
        {
            throw new ArgumentException(
                $"Parameter '{FullName(local)}' has {values.Length} values; give none (default {fill}), one (every entry) or {size} ({what}).");
        }

        return result;
    }

    /// <summary>Reads an index parameter (integer-valued doubles) and checks each is in [0, <paramref name="count"/>).</summary>
    /// <exception cref="ArgumentException">An index is not an integer in range.</exception>
    protected int[] Indices(string local, int count, string what)
    {
        var values = GetArray(local);
        var result = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (v != Math.Floor(v) || v < 0 || v >= count)
            {
                throw new ArgumentException($"Parameter '{FullName(local)}'[{i}] = {v} is not an index of {what}; allowed range is the integers [0, {count - 1}].");
            }

            result[i] = (int)v;
        }

        return result;
    }

    /// <summary>Checks that an integer index parameter lies in [0, <paramref name="count"/>).</summary>
    /// <exception cref="ArgumentException">It does not.</exception>
    protected int Index(string local, int count, string what)
    {
        long v = GetInteger(local);
        if (v < 0 || v >= count)
        {
            throw new ArgumentException($"Parameter '{FullName(local)}' = {v} is not an index of {what}; allowed range is [0, {count - 1}].");
        }

        return (int)v;
    }

    /// <summary>Wraps an angle difference into [-pi, pi].</summary>
    protected static double WrapAngle(double angle) => Math.IEEERemainder(angle, 2.0 * Math.PI);

    private double Difference(in CostInput input, double[] buffer, int k)
    {
        double saved = buffer[k];
        double step = 1e-6 * Math.Max(1.0, Math.Abs(saved));
        buffer[k] = saved + step;
        double plus = Evaluate(input);
        buffer[k] = saved - step;
        double minus = Evaluate(input);
        buffer[k] = saved;
        return (plus - minus) / (2 * step);
    }

    private double Evaluate(in CostInput input)
    {
        _fdCost[0] = 0;
        var copy = new CostInput(_fdStates, _fdControls, input.Reference, input.PreviousControl, 1, input.Horizon,
            input.StateSize, input.InputSize, input.ReferenceSize, input.TimeStepS);
        AddCosts(copy, _fdCost);
        return _fdCost[0];
    }
}
