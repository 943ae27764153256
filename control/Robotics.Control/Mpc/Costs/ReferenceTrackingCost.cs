using Robotics.Core.Parameters;

namespace Robotics.Control.Mpc.Costs;

/// <summary>
/// Reference (trajectory) tracking: quadratic distance of the predicted state at each plan step to the reference at
/// the same time. Term name <c>reference</c>.
/// </summary>
/// <remarks>
/// <code>
/// J = weight * sum_{t=1..H} sum_i q_i (x_{t,i} - r_{t,i})^2    (angle indices wrapped to [-pi, pi])
/// </code>
/// <para>r_t is the reference previewed at now + t dt (or the constant reference when the controller has no preview).
/// Parameters (prefix <c>costs.reference.</c>): <c>weight</c> (default 1), <c>enabled</c>, <c>state_weights</c>,
/// <c>angle_indices</c> (as for <see cref="GoalCost"/>).</para>
/// </remarks>
public sealed class ReferenceTrackingCost : CostTerm
{
    /// <summary>The term name.</summary>
    public const string TermName = "reference";

    private double[] _q = [];
    private bool[] _angle = [];

    /// <summary>Creates the term with default parameters.</summary>
    public ReferenceTrackingCost()
        : base(TermName, 1.0, "quadratic distance of each predicted state to the reference at the same time.",
        [
            ParameterDescriptor.DoubleArray("state_weights", [], "", "Per-state weights q (>= 0): empty = 1 for every observed state, one value = all, or one per observed state.", minimum: 0.0),
            ParameterDescriptor.DoubleArray("angle_indices", [], "", "Indices of angle states whose error is wrapped to [-pi, pi].", minimum: 0.0),
        ])
    {
    }

    /// <summary>Per-state weights q (<c>costs.reference.state_weights</c>).</summary>
    public double[] StateWeights
    {
        get => GetArray("state_weights");
        set => SetOrThrow("state_weights", ParameterValue.FromDoubleArray(value));
    }

    /// <summary>Angle state indices (<c>costs.reference.angle_indices</c>).</summary>
    public double[] AngleIndices
    {
        get => GetArray("angle_indices");
        set => SetOrThrow("angle_indices", ParameterValue.FromDoubleArray(value));
    }

    /// <inheritdoc />
    protected override void Apply(MpcDimensions dimensions)
    {
        int no = dimensions.ObservedStateSize;
        _q = Expand("state_weights", no, 1.0, "one per observed state: " + string.Join(", ", dimensions.StateNames));
        _angle = new bool[no];
        foreach (int i in Indices("angle_indices", no, "the observed state")) _angle[i] = true;
    }

    /// <inheritdoc />
    public override void AddCosts(in CostInput input, Span<double> costs)
    {
        for (int t = 1; t <= input.Horizon; t++) QuadraticError.AddCosts(input, t, input.ReferenceAt(t), _q, _angle, Weight, costs);
    }

    /// <inheritdoc />
    public override void AddGradient(in CostInput input, Span<double> stateGradient, Span<double> controlGradient)
    {
        for (int t = 1; t <= input.Horizon; t++) QuadraticError.AddGradient(input, t, input.ReferenceAt(t), _q, _angle, Weight, stateGradient);
    }
}
