using Robotics.Control.Mpc.Costs;
using Robotics.Core.Parameters;

namespace Robotics.Control.Racing;

/// <summary>
/// Racing cost term "effort": q_ac a^2 + q_ddelta delta_rate^2 integrated over the horizon (x dt); the term's weight
/// scales both (default 1).
/// </summary>
/// <remarks>Inputs of <see cref="FrenetBicycleDynamics"/>: acceleration (index 0), steering rate (index 1).</remarks>
public sealed class RacingEffortCost : CostTerm
{
    /// <summary>Term name.</summary>
    public const string TermName = "effort";

    private double _qac, _qdd;

    /// <summary>Creates the term with q_ac = 0.01 and q_ddelta = 0.1 (the paper's code defaults).</summary>
    public RacingEffortCost()
        : base(TermName, 1.0, "scale of the acceleration and steering-rate effort.",
        [
            ParameterDescriptor.Double("acceleration_weight", 0.01, "", "q_ac, weight of the squared acceleration command (s^3/m^2).", 0.0, 1e6),
            ParameterDescriptor.Double("steering_rate_weight", 0.1, "", "q_ddelta, weight of the squared steering rate (s/rad^2).", 0.0, 1e6),
        ])
    {
    }

    /// <inheritdoc />
    protected override void Apply(MpcDimensions dimensions)
    {
        _qac = GetDouble("acceleration_weight");
        _qdd = GetDouble("steering_rate_weight");
    }

    /// <inheritdoc />
    public override void AddCosts(in CostInput input, Span<double> costs)
    {
        double wa = Weight * _qac * input.TimeStepS, wd = Weight * _qdd * input.TimeStepS;
        int m = input.InputSize, batch = input.Batch;
        var u = input.Controls;
        for (int t = 0; t < input.Horizon; t++)
        {
            for (int b = 0; b < batch; b++)
            {
                int o = (t * batch + b) * m;
                double a = u[o], rate = u[o + 1];
                costs[b] += wa * a * a + wd * rate * rate;
            }
        }
    }
}
