using Robotics.Control.Mpc.Costs;
using Robotics.Core.Parameters;

namespace Robotics.Control.Racing;

/// <summary>
/// Racing cost term "centreline": penalises the lateral offset and the relative heading, the paper's
/// q_n n^2 + q_alpha alpha^2 (weight = q_n, heading_weight = q_alpha), integrated over the horizon (x dt).
/// </summary>
/// <remarks>State layout of <see cref="FrenetBicycleDynamics"/>: n at index 1, alpha at index 2.</remarks>
public sealed class CentrelineCost : CostTerm
{
    /// <summary>Term name.</summary>
    public const string TermName = "centreline";

    private double _headingWeight;

    /// <summary>Creates the term with q_n = 20 and q_alpha = 7 (the paper's code defaults).</summary>
    public CentrelineCost()
        : base(TermName, 20.0, "q_n, weight of the squared lateral offset from the centreline (1/(m^2 s)).",
        [
            ParameterDescriptor.Double("heading_weight", 7.0, "", "q_alpha, weight of the squared heading relative to the centreline (1/(rad^2 s)).", 0.0, 1e6),
        ])
    {
    }

    /// <inheritdoc />
    protected override void Apply(MpcDimensions dimensions) => _headingWeight = GetDouble("heading_weight");

    /// <inheritdoc />
    public override void AddCosts(in CostInput input, Span<double> costs)
    {
        double wn = Weight * input.TimeStepS, wa = _headingWeight * input.TimeStepS;
        int n = input.StateSize, batch = input.Batch;
        var x = input.States;
        for (int t = 1; t <= input.Horizon; t++)
        {
            for (int b = 0; b < batch; b++)
            {
                int o = (t * batch + b) * n;
                double lateral = x[o + 1], heading = x[o + 2];
                costs[b] += wn * lateral * lateral + wa * heading * heading;
            }
        }
    }
}
