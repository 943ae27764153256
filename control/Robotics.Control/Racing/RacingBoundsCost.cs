using Robotics.Control.Mpc.Costs;
using Robotics.Core.Parameters;

namespace Robotics.Control.Racing;

/// <summary>
/// Racing cost term "racing_bounds": soft constraints of the paper's OCP as quadratic penalties x dt:
/// speed outside [v_min, v_max] and lateral acceleration |v^2 tan(delta) / L| above alat_max.
/// </summary>
/// <remarks>
/// Acceleration bounds a_min/a_max are hard: they clamp the model's input and the applied command
/// (<see cref="RacingMpcController"/>). Speed is state index 3, steering angle index 4.
/// </remarks>
public sealed class RacingBoundsCost : CostTerm
{
    /// <summary>Term name.</summary>
    public const string TermName = "racing_bounds";

    private double _vMin, _vMax, _alatMax, _inverseWheelbase;

    /// <summary>Creates the term.</summary>
    public RacingBoundsCost()
        : base(TermName, 200.0, "penalty on squared violations of the speed and lateral acceleration bounds.",
        [
            ParameterDescriptor.Double("v_min", 1.0, "m/s", "Lowest allowed speed.", -100, 100),
            ParameterDescriptor.Double("v_max", 6.0, "m/s", "Highest allowed speed.", -100, 100),
            ParameterDescriptor.Double("alat_max", 10.0, "m/s^2", "Highest allowed lateral acceleration.", 0, 100),
            ParameterDescriptor.Double("wheelbase_m", 0.307, "m", "Wheelbase used to compute the lateral acceleration.", 0.01, 10),
        ])
    {
    }

    /// <inheritdoc />
    protected override void Apply(MpcDimensions dimensions)
    {
        _vMin = GetDouble("v_min");
        _vMax = GetDouble("v_max");
        _alatMax = GetDouble("alat_max");
        _inverseWheelbase = 1.0 / GetDouble("wheelbase_m");
    }

    /// <inheritdoc />
    public override void AddCosts(in CostInput input, Span<double> costs)
    {
        double w = Weight * input.TimeStepS;
        int n = input.StateSize, batch = input.Batch;
        var x = input.States;
        for (int t = 1; t <= input.Horizon; t++)
        {
            for (int b = 0; b < batch; b++)
            {
                int o = (t * batch + b) * n;
                double v = x[o + 3];
                double c = 0;
                if (v > _vMax) c += (v - _vMax) * (v - _vMax);
                if (v < _vMin) c += (_vMin - v) * (_vMin - v);
                double lateral = Math.Abs(v * v * Math.Tan(x[o + 4]) * _inverseWheelbase) - _alatMax;
                if (lateral > 0) c += lateral * lateral;
                costs[b] += w * c;
            }
        }
    }
}
