using Robotics.Core.Parameters;

namespace Robotics.Control.Mpc.Costs;

/// <summary>Soft state bounds: quadratic penalty on how far predicted states leave [lower, upper]. Term name <c>state_bounds</c>.</summary>
/// <remarks>
/// <code>
/// J = weight * sum_{t=1..H} sum_k ( max(0, lower_k - x_{t,i_k})^2 + max(0, x_{t,i_k} - upper_k)^2 )
/// </code>
/// <para>Parameters (prefix <c>costs.state_bounds.</c>): <c>weight</c> (default 100), <c>enabled</c>, <c>indices</c>
/// (state indices i_k), <c>lower</c> and <c>upper</c> (one value per index; -inf / +inf leave a side open).</para>
/// </remarks>
public sealed class StateBoundsCost : CostTerm
{
    /// <summary>The term name.</summary>
    public const string TermName = "state_bounds";

    private int[] _indices = [];
    private double[] _lower = [];
    private double[] _upper = [];

    /// <summary>Creates the term with default parameters (no bounds).</summary>
    public StateBoundsCost()
        : base(TermName, 100.0, "quadratic penalty on predicted states outside their bounds.",
        [
            ParameterDescriptor.DoubleArray("indices", [], "", "Indices of the bounded states.", minimum: 0.0),
            ParameterDescriptor.DoubleArray("lower", [], "", "Lower bound per index (same length as indices; -inf = open)."),
            ParameterDescriptor.DoubleArray("upper", [], "", "Upper bound per index (same length as indices; +inf = open)."),
        ])
    {
    }

    /// <summary>
    /// Bounded state indices (<c>costs.state_bounds.indices</c>). Before the controller is built set indices, lower and
    /// upper in any order; afterwards only values of equal length are accepted (the count is checked on every change).
    /// </summary>
    public double[] StateIndices
    {
        get => GetArray("indices");
        set => SetOrThrow("indices", ParameterValue.FromDoubleArray(value));
    }

    /// <summary>Lower bounds (<c>costs.state_bounds.lower</c>).</summary>
    public double[] Lower
    {
        get => GetArray("lower");
        set => SetOrThrow("lower", ParameterValue.FromDoubleArray(value));
    }

    /// <summary>Upper bounds (<c>costs.state_bounds.upper</c>).</summary>
    public double[] Upper
    {
        get => GetArray("upper");
        set => SetOrThrow("upper", ParameterValue.FromDoubleArray(value));
    }

    /// <inheritdoc />
    protected override void Apply(MpcDimensions dimensions)
    {
        _indices = Indices("indices", dimensions.ObservedStateSize, "the observed state");
        _lower = GetArray("lower");
        _upper = GetArray("upper");
        if (_lower.Length != _indices.Length || _upper.Length != _indices.Length)
        {
            throw new ArgumentException(
                $"Parameters '{FullName("lower")}' ({_lower.Length} values) and '{FullName("upper")}' ({_upper.Length} values) must each have one value per entry of '{FullName("indices")}' ({_indices.Length}).");
        }

        for (int k = 0; k < _indices.Length; k++)
        {
            if (!(_lower[k] <= _upper[k]))
            {
                throw new ArgumentException($"Parameter '{FullName("lower")}'[{k}] = {_lower[k]} must be <= '{FullName("upper")}'[{k}] = {_upper[k]}.");
            }
        }
    }

    /// <inheritdoc />
    public override void AddCosts(in CostInput input, Span<double> costs)
    {
        if (_indices.Length == 0) return;
        int n = input.StateSize, batch = input.Batch;
        double w = Weight;
        for (int t = 1; t <= input.Horizon; t++)
        {
            var x = input.States.Slice(t * batch * n, batch * n);
            for (int b = 0; b < batch; b++)
            {
                double c = 0;
                for (int k = 0; k < _indices.Length; k++)
                {
                    double v = x[b * n + _indices[k]];
                    if (v < _lower[k]) c += (_lower[k] - v) * (_lower[k] - v);
                    else if (v > _upper[k]) c += (v - _upper[k]) * (v - _upper[k]);
                }

                costs[b] += w * c;
            }
        }
    }

    /// <inheritdoc />
    public override void AddGradient(in CostInput input, Span<double> stateGradient, Span<double> controlGradient)
    {
        int n = input.StateSize;
        for (int t = 1; t <= input.Horizon; t++)
        {
            for (int k = 0; k < _indices.Length; k++)
            {
                int i = t * n + _indices[k];
                double v = input.States[i];
                if (v < _lower[k]) stateGradient[i] -= 2.0 * Weight * (_lower[k] - v);
                else if (v > _upper[k]) stateGradient[i] += 2.0 * Weight * (v - _upper[k]);
            }
        }
    }
}
