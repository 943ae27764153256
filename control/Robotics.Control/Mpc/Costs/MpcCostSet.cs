using Robotics.Core.Parameters;

namespace Robotics.Control.Mpc.Costs;

/// <summary>
/// The cost terms of one controller: evaluates them over a batch (Nav2's critic manager), splits the chosen plan's
/// cost into a <see cref="CostBreakdown"/>, sums gradients, and routes <c>costs.*</c> parameter changes.
/// </summary>
public sealed class MpcCostSet
{
    private readonly ICostTerm[] _terms;
    private readonly double[] _single = new double[1];
    private readonly double[] _values;

    /// <summary>Takes the terms (each instance belongs to this set only).</summary>
    /// <exception cref="ArgumentException">No terms, a null term, or two terms with the same name.</exception>
    public MpcCostSet(IReadOnlyList<ICostTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0) throw new ArgumentException("An MPC needs at least one cost term.", nameof(terms));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in terms)
        {
            if (t is null) throw new ArgumentException("A cost term is null.", nameof(terms));
            if (!names.Add(t.Name)) throw new ArgumentException($"Two cost terms are named '{t.Name}'; term names must be unique.", nameof(terms));
        }

        _terms = [.. terms];
        _values = new double[_terms.Length];
        Breakdown = new CostBreakdown(_terms.Select(t => t.Name).ToArray());
        Parameters = _terms.SelectMany(t => t.Parameters).ToArray();
    }

    /// <summary>The terms in evaluation order.</summary>
    public IReadOnlyList<ICostTerm> Terms => _terms;

    /// <summary>The breakdown of the last <see cref="EvaluateBreakdown"/>.</summary>
    public CostBreakdown Breakdown { get; }

    /// <summary>All terms' parameter descriptors.</summary>
    public IReadOnlyList<ParameterDescriptor> Parameters { get; }

    /// <summary>Configures every term.</summary>
    public void Configure(MpcDimensions dimensions)
    {
        foreach (var t in _terms) t.Configure(dimensions);
    }

    /// <summary>Sets <paramref name="costs"/> (length B) to the sum of the enabled terms' weighted costs.</summary>
    public void Evaluate(in CostInput input, Span<double> costs)
    {
        costs[..input.Batch].Clear();
        foreach (var t in _terms)
        {
            if (t.Enabled && t.Weight != 0) t.AddCosts(input, costs);
        }
    }

    /// <summary>Evaluates each term on a single trajectory (batch 1) into <see cref="Breakdown"/>; returns the total.</summary>
    public double EvaluateBreakdown(in CostInput single)
    {
        for (int i = 0; i < _terms.Length; i++)
        {
            _single[0] = 0;
            if (_terms[i].Enabled && _terms[i].Weight != 0) _terms[i].AddCosts(single, _single);
            _values[i] = _single[0];
        }

        Breakdown.Set(_values);
        return Breakdown.Total;
    }

    /// <summary>Sets the gradients of the total cost of a single trajectory (batch 1) w.r.t. its states and controls.</summary>
    public void Gradient(in CostInput single, Span<double> stateGradient, Span<double> controlGradient)
    {
        stateGradient.Clear();
        controlGradient.Clear();
        foreach (var t in _terms)
        {
            if (t.Enabled && t.Weight != 0) t.AddGradient(single, stateGradient, controlGradient);
        }
    }

    /// <summary>True when <paramref name="name"/> is a parameter of one of the terms.</summary>
    public bool Contains(string name) => FindTerm(name) is not null;

    /// <summary>Validates and applies a <c>costs.&lt;term&gt;.*</c> parameter.</summary>
    public ParameterValidation TrySet(string name, ParameterValue value)
    {
        var term = FindTerm(name);
        if (term is null)
        {
            return ParameterValidation.Invalid(null, value,
                $"unknown cost parameter '{name}'; the configured terms are {string.Join(", ", _terms.Select(t => t.Name))} (parameters costs.<term>.<name>)");
        }

        return term.TrySetParameter(name, value);
    }

    /// <summary>The current value of a <c>costs.&lt;term&gt;.*</c> parameter.</summary>
    /// <exception cref="KeyNotFoundException">Unknown parameter.</exception>
    public ParameterValue Get(string name) =>
        (FindTerm(name) ?? throw new KeyNotFoundException($"Unknown cost parameter '{name}'.")).GetParameter(name);

    private ICostTerm? FindTerm(string name)
    {
        foreach (var t in _terms)
        {
            foreach (var d in t.Parameters)
            {
                if (d.Name == name) return t;
            }
        }

        return null;
    }
}
