using Robotics.Core.Parameters;

namespace Robotics.Control.Mpc.Costs;

/// <summary>Control effort: quadratic size of the controls about a nominal input. Term name <c>control_effort</c>.</summary>
/// <remarks>
/// <code>
/// J = weight * sum_{t=0..H-1} sum_j r_j (u_{t,j} - ubar_j)^2
/// </code>
/// <para>Parameters (prefix <c>costs.control_effort.</c>): <c>weight</c> (default 0.01), <c>enabled</c>,
/// <c>input_weights</c> (r, empty = 1 for every input, one value = all, or one per input), <c>nominal_input</c>
/// (ubar, empty = zeros, one value = all, or one per input; e.g. the hover thrust).</para>
/// </remarks>
public sealed class ControlEffortCost : CostTerm
{
    /// <summary>The term name.</summary>
    public const string TermName = "control_effort";

    private double[] _r = [];
    private double[] _nominal = [];

    /// <summary>Creates the term with default parameters.</summary>
    public ControlEffortCost()
        : base(TermName, 0.01, "quadratic size of the controls about the nominal input.",
        [
            ParameterDescriptor.DoubleArray("input_weights", [], "", "Per-input weights r (>= 0): empty = 1 for every input, one value = all, or one per input.", minimum: 0.0),
            ParameterDescriptor.DoubleArray("nominal_input", [], "", "Input the effort is measured from: empty = zeros, one value = all, or one per input."),
        ])
    {
    }

    /// <summary>Per-input weights r (<c>costs.control_effort.input_weights</c>).</summary>
    public double[] InputWeights
    {
        get => GetArray("input_weights");
        set => SetOrThrow("input_weights", ParameterValue.FromDoubleArray(value));
    }

    /// <summary>Nominal input ubar (<c>costs.control_effort.nominal_input</c>).</summary>
    public double[] NominalInput
    {
        get => GetArray("nominal_input");
        set => SetOrThrow("nominal_input", ParameterValue.FromDoubleArray(value));
    }

    /// <inheritdoc />
    protected override void Apply(MpcDimensions dimensions)
    {
        string what = "one per input: " + string.Join(", ", dimensions.InputNames);
        _r = Expand("input_weights", dimensions.InputSize, 1.0, what);
        _nominal = Expand("nominal_input", dimensions.InputSize, 0.0, what);
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
                    double d = u[b * m + j] - _nominal[j];
                    c += _r[j] * d * d;
                }

                costs[b] += w * c;
            }
        }
    }

    /// <inheritdoc />
    public override void AddGradient(in CostInput input, Span<double> stateGradient, Span<double> controlGradient)
    {
        int m = input.InputSize;
        for (int t = 0; t < input.Horizon; t++)
        {
            for (int j = 0; j < m; j++) controlGradient[t * m + j] += 2.0 * Weight * _r[j] * (input.Controls[t * m + j] - _nominal[j]);
        }
    }
}
