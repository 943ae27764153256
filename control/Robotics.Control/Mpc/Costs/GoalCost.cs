using Robotics.Core.Parameters;

namespace Robotics.Control.Mpc.Costs;

/// <summary>
/// Goal (state) tracking: quadratic distance of every predicted state to the goal, the reference at the end of
/// the horizon. Term name <c>goal</c>.
/// </summary>
/// <remarks>
/// <code>
/// J = weight * sum_{t=1..H} f_t * sum_i q_i d_{t,i}^2,   d_{t,i} = x_{t,i} - g_i  (wrapped to [-pi, pi] for angle indices)
/// f_t = running_factor for t &lt; H, terminal_factor for t = H;   g = reference at plan step H
/// </code>
/// <para>Parameters (prefix <c>costs.goal.</c>): <c>weight</c> (default 1), <c>enabled</c>, <c>state_weights</c>
/// (q, empty = 1 for every observed state, one value = all, or one per observed state), <c>running_factor</c>
/// (default 1), <c>terminal_factor</c> (default 1), <c>angle_indices</c> (state indices whose error is wrapped).</para>
/// </remarks>
public sealed class GoalCost : CostTerm
{
    /// <summary>The term name.</summary>
    public const string TermName = "goal";

    private double[] _q = [];
    private bool[] _angle = [];
    private double _running, _terminal;

    /// <summary>Creates the term with default parameters.</summary>
    public GoalCost()
        : base(TermName, 1.0, "quadratic distance of the predicted states to the goal (reference at the horizon end).",
        [
            ParameterDescriptor.DoubleArray("state_weights", [], "", "Per-state weights q (>= 0): empty = 1 for every observed state, one value = all, or one per observed state.", minimum: 0.0),
            ParameterDescriptor.Double("running_factor", 1.0, "", "Factor on the steps t = 1..H-1.", 0.0, 1e12),
            ParameterDescriptor.Double("terminal_factor", 1.0, "", "Factor on the final step t = H.", 0.0, 1e12),
            ParameterDescriptor.DoubleArray("angle_indices", [], "", "Indices of angle states whose error is wrapped to [-pi, pi].", minimum: 0.0),
        ])
    {
    }

    /// <summary>Per-state weights q (<c>costs.goal.state_weights</c>).</summary>
    public double[] StateWeights
    {
        get => GetArray("state_weights");
        set => SetOrThrow("state_weights", ParameterValue.FromDoubleArray(value));
    }

    /// <summary>Factor on steps 1..H-1 (<c>costs.goal.running_factor</c>).</summary>
    public double RunningFactor
    {
        get => GetDouble("running_factor");
        set => SetOrThrow("running_factor", ParameterValue.FromDouble(value));
    }

    /// <summary>Factor on step H (<c>costs.goal.terminal_factor</c>).</summary>
    public double TerminalFactor
    {
        get => GetDouble("terminal_factor");
        set => SetOrThrow("terminal_factor", ParameterValue.FromDouble(value));
    }

    /// <summary>Angle state indices (<c>costs.goal.angle_indices</c>).</summary>
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
        _running = GetDouble("running_factor");
        _terminal = GetDouble("terminal_factor");
    }

    /// <inheritdoc />
    public override void AddCosts(in CostInput input, Span<double> costs)
    {
        var goal = input.ReferenceAt(input.Horizon);
        for (int t = 1; t <= input.Horizon; t++)
        {
            double f = Weight * (t == input.Horizon ? _terminal : _running);
            if (f == 0) continue;
            QuadraticError.AddCosts(input, t, goal, _q, _angle, f, costs);
        }
    }

    /// <inheritdoc />
    public override void AddGradient(in CostInput input, Span<double> stateGradient, Span<double> controlGradient)
    {
        var goal = input.ReferenceAt(input.Horizon);
        for (int t = 1; t <= input.Horizon; t++)
        {
            double f = Weight * (t == input.Horizon ? _terminal : _running);
            if (f == 0) continue;
            QuadraticError.AddGradient(input, t, goal, _q, _angle, f, stateGradient);
        }
    }
}
