using Robotics.Core.Parameters;

namespace Robotics.Control.Mpc.Costs;

/// <summary>
/// Soft input bounds: quadratic penalty on controls outside [lower, upper] (inside the controller's hard control
/// limits, e.g. a comfort range). Term name <c>input_bounds</c>.
/// </summary>
/// <remarks>
/// <code>
/// J = weight * sum_{t=0..H-1} sum_j ( max(0, lower_j - u_{t,j})^2 + max(0, u_{t,j} - upper_j)^2 )
/// </code>
/// <para>Parameters (prefix <c>costs.input_bounds.</c>): <c>weight</c> (default 100), <c>enabled</c>, <c>lower</c>,
/// <c>upper</c> (empty = open, one value = all inputs, or one per input).</para>
/// </remarks>
public sealed class InputBoundsCost : CostTerm
{
    /// <summary>The term name.</summary>
    public const string TermName = "input_bounds";

    private double[] _lower = [];
    private double[] _upper = [];

    /// <summary>Creates the term with default parameters (open bounds).</summary>
    public InputBoundsCost()
        : base(TermName, 100.0, "quadratic penalty on controls outside their soft bounds.",
        [
            ParameterDescriptor.DoubleArray("lower", [], "", "Soft lower bound: empty = open, one value = all inputs, or one per input."),
            ParameterDescriptor.DoubleArray("upper", [], "", "Soft upper bound: empty = open, one value = all inputs, or one per input."),
        ])
    {
    }

    /// <summary>Soft lower bounds (<c>costs.input_bounds.lower</c>).</summary>
    public double[] Lower
    {
        get => GetArray("lower");
        set => SetOrThrow("lower", ParameterValue.FromDoubleArray(value));
    }

    /// <summary>Soft upper bounds (<c>costs.input_bounds.upper</c>).</summary>
    public double[] Upper
    {
        get => GetArray("upper");
        set => SetOrThrow("upper", ParameterValue.FromDoubleArray(value));
    }

    /// <inheritdoc />
    protected override void Apply(MpcDimensions dimensions)
    {
        string what = "one per input: " + string.Join(", ", dimensions.InputNames);
        _lower = Expand("lower", dimensions.InputSize, double.NegativeInfinity, what);
        _upper = Expand("upper", dimensions.InputSize, double.PositiveInfinity, what);
        for (int j = 0; j < _lower.Length; j++)
        {
            if (!(_lower[j] <= _upper[j]))
            {
                throw new ArgumentException($"Parameter '{FullName("lower")}'[{j}] = {_lower[j]} must be <= '{FullName("upper")}'[{j}] = {_upper[j]}.");
            }
        }
    }

    /// <inheritdoc />
    public override void AddCosts(in CostInput input, Span<double> costs)
    {
        int m = input.InputSize, batch = input.Batch;
        double w = Weight;
        for (int t = 0; t < input.Horizon; t++)
        {
            var u = input.Controls.Slice(t * batch * m, batch * m);
            for (int b = 0; b < batch; b++)
            {
                double c = 0;
                for (int j = 0; j < m; j++)
                {
                    double v = u[b * m + j];
                    if (v < _lower[j]) c += (_lower[j] - v) * (_lower[j] - v);
                    else if (v > _upper[j]) c += (v - _upper[j]) * (v - _upper[j]);
                }

                costs[b] += w * c;
            }
        }
    }

    /// <inheritdoc />
    public override void AddGradient(in CostInput input, Span<double> stateGradient, Span<double> controlGradient)
    {
        int m = input.InputSize;
        for (int k = 0; k < input.Horizon * m; k++)
        {
            int j = k % m;
            double v = input.Controls[k];
            if (v < _lower[j]) controlGradient[k] -= 2.0 * Weight * (_lower[j] - v);
            else if (v > _upper[j]) controlGradient[k] += 2.0 * Weight * (v - _upper[j]);
        }
    }
}
