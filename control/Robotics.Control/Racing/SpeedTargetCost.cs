using Robotics.Control.Mpc.Costs;
using Robotics.Core.Parameters;

namespace Robotics.Control.Racing;

/// <summary>
/// Racing cost term "speed_target": q_v (v - v_target(s))^2 x dt with a curvature-limited target
/// v_target(s) = clamp(min(v_max, sqrt(alat_max / |kappa(s)|)), v_min, v_max) (weight = q_v).
/// </summary>
/// <remarks>
/// The speed bounds and the lateral-acceleration bound therefore shape the speed profile (a negative v_max makes the
/// car reverse). Speed is state index 3, arc length index 0.
/// </remarks>
public sealed class SpeedTargetCost : CostTerm
{
    /// <summary>Term name.</summary>
    public const string TermName = "speed_target";

    private readonly TrackProfile _track;
    private double _vMin, _vMax, _alatMax;

    /// <summary>Creates the term for a track.</summary>
    public SpeedTargetCost(TrackProfile track)
        : base(TermName, 10.0, "q_v, weight of the squared speed error to the target (s/m^2).",
        [
            ParameterDescriptor.Double("v_min", 1.0, "m/s", "Lower end of the target speed.", -100, 100),
            ParameterDescriptor.Double("v_max", 6.0, "m/s", "Upper end of the target speed.", -100, 100),
            ParameterDescriptor.Double("alat_max", 10.0, "m/s^2", "Lateral acceleration that limits the target speed in curves.", 0, 100),
        ])
    {
        _track = track ?? throw new ArgumentNullException(nameof(track));
    }

    /// <summary>The target speed at arc length s, m/s.</summary>
    public double Target(double s) => TargetSpeed(_track, s, _vMin, _vMax, _alatMax);

    /// <summary>The curvature-limited target speed used by this term (shared with the evaluation).</summary>
    public static double TargetSpeed(TrackProfile track, double s, double vMin, double vMax, double alatMax)
    {
        ArgumentNullException.ThrowIfNull(track);
        double kappa = Math.Abs(track.Curvature(s));
        double v = vMax;
        if (kappa > 1e-9) v = Math.Min(v, Math.Sqrt(Math.Max(alatMax, 0) / kappa));
        return Math.Max(v, Math.Min(vMin, vMax));
    }

    /// <inheritdoc />
    protected override void Apply(MpcDimensions dimensions)
    {
        _vMin = GetDouble("v_min");
        _vMax = GetDouble("v_max");
        _alatMax = GetDouble("alat_max");
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
                double e = x[o + 3] - TargetSpeed(_track, x[o], _vMin, _vMax, _alatMax);
                costs[b] += w * e * e;
            }
        }
    }
}
