using Robotics.Core.Parameters;

namespace Robotics.Control.Mpc.Costs;

/// <summary>Control rate: quadratic change of the controls between plan steps. Term name <c>control_rate</c>.</summary>
/// <remarks>
/// <code>
/// J = weight * sum_{t=t0..H-1} sum_j r_j (u_{t,j} - u_{t-1,j})^2,   u_{-1} = the control applied before the plan
/// t0 = 0 when include_previous, else 1
/// </code>
/// <para>Parameters (prefix <c>costs.control_rate.</c>): <c>weight</c> (default 0.1), <c>enabled</c>,
/// <c>input_weights</c> (r, empty = 1 for every input, one value = all, or one per input), <c>include_previous</c>
/// (default true).</para>
/// </remarks>
public sealed class ControlRateCost : CostTerm
{
    /// <summary>The term name.</summary>
    public const string TermName = "control_rate";

    private double[] _r = [];
    private bool _includePrevious;

    /// <summary>Creates the term with default parameters.</summary>
    public ControlRateCost()
        : base(TermName, 0.1, "quadratic change of the controls from one plan step to the next.",
        [
            ParameterDescriptor.DoubleArray("input_weights", [], "", "Per-input weights r (>= 0): empty = 1 for every input, one value = all, or one per input.", minimum: 0.0),
            ParameterDescriptor.Bool("include_previous", true, "Also penalise the jump from the control applied before the plan to the first planned control."),
        ])
    {
    }

    /// <summary>Per-input weights r (<c>costs.control_rate.input_weights</c>).</summary>
    public double[] InputWeights
    {
        get => GetArray("input_weights");
        set => SetOrThrow("input_weights", ParameterValue.FromDoubleArray(value));
    }

    /// <summary>Whether the first step is compared with the previously applied control (<c>costs.control_rate.include_previous</c>).</summary>
    public bool IncludePrevious
    {
        get => GetBool("include_previous");
        set => SetOrThrow("include_previous", ParameterValue.FromBool(value));
    }

    /// <inheritdoc />
    protected override void Apply(MpcDimensions dimensions)
    {
        _r = Expand("input_weights", dimensions.InputSize, 1.0, "one per input: " + string.Join(", ", dimensions.InputNames));
        _includePrevious = GetBool("include_previous");
    }

    /// <inheritdoc />
    public override void AddCosts(in CostInput input, Span<double> costs)
    {
        int m = input.InputSize, batch = input.Batch;
        double w = Weight;
        var u = input.Controls;
        for (int t = _includePrevious ? 0 : 1; t < input.Horizon; t++)
        {
            for (int b = 0; b < batch; b++)
            {
                int o = (t * batch + b) * m;
                var previous = t == 0 ? input.PreviousControl : u.Slice(((t - 1) * batch + b) * m, m);
                double c = 0;
                for (int j = 0; j < m; j++)
                {
                    double d = u[o + j] - previous[j];
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
        var u = input.Controls;
        for (int t = _includePrevious ? 0 : 1; t < input.Horizon; t++)
        {
            for (int j = 0; j < m; j++)
            {
                double previous = t == 0 ? input.PreviousControl[j] : u[(t - 1) * m + j];
                double g = 2.0 * Weight * _r[j] * (u[t * m + j] - previous);
                controlGradient[t * m + j] += g;
                if (t > 0) controlGradient[(t - 1) * m + j] -= g;
            }
        }
    }
}
