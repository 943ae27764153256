using Robotics.Control.Mpc.Costs;

namespace Robotics.Control.Racing;

/// <summary>
/// Racing cost term "progress": the paper's advancement reward -q_adv s' integrated over the horizon, i.e.
/// -q_adv (s_H - s_0). It rewards cutting corners (s' grows on the inside of a curve), which is what the centreline
/// weight fights.
/// </summary>
public sealed class ProgressCost : CostTerm
{
    /// <summary>Term name.</summary>
    public const string TermName = "progress";

    /// <summary>Creates the term with q_adv = 2.</summary>
    public ProgressCost()
        : base(TermName, 2.0, "q_adv, reward per metre of arc length gained over the horizon (1/m).", [])
    {
    }

    /// <inheritdoc />
    protected override void Apply(MpcDimensions dimensions)
    {
    }

    /// <inheritdoc />
    public override void AddCosts(in CostInput input, Span<double> costs)
    {
        int n = input.StateSize, batch = input.Batch, h = input.Horizon;
        var x = input.States;
        double w = Weight;
        for (int b = 0; b < batch; b++)
        {
            costs[b] -= w * (x[(h * batch + b) * n] - x[b * n]);
        }
    }
}
