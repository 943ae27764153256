using Robotics.Control.Mpc.Costs;
using Robotics.Core.Parameters;

namespace Robotics.Control.Racing;

/// <summary>
/// Racing cost term "track_margin": the soft track boundary of the paper,
/// w (|n| - (half_width - margin))_+^2 x dt, with a large default weight (1000).
/// </summary>
/// <remarks>Lateral offset n is state index 1. The margin is the paper's track_safety_margin.</remarks>
public sealed class TrackMarginCost : CostTerm
{
    /// <summary>Term name.</summary>
    public const string TermName = "track_margin";

    private readonly TrackProfile _track;
    private double _margin;

    /// <summary>Creates the term for a track.</summary>
    public TrackMarginCost(TrackProfile track)
        : base(TermName, 1000.0, "penalty on the squared intrusion into the safety margin along the walls (1/(m^2 s)).",
        [
            ParameterDescriptor.Double("safety_margin_m", 0.3, "m", "Distance from each wall the car should keep.", 0.0, 10.0),
        ])
    {
        _track = track ?? throw new ArgumentNullException(nameof(track));
    }

    /// <inheritdoc />
    protected override void Apply(MpcDimensions dimensions) => _margin = GetDouble("safety_margin_m");

    /// <inheritdoc />
    public override void AddCosts(in CostInput input, Span<double> costs)
    {
        double w = Weight * input.TimeStepS, limit = _track.HalfWidthM - _margin;
        int n = input.StateSize, batch = input.Batch;
        var x = input.States;
        for (int t = 1; t <= input.Horizon; t++)
        {
            for (int b = 0; b < batch; b++)
            {
                double excess = Math.Abs(x[(t * batch + b) * n + 1]) - limit;
                if (excess > 0) costs[b] += w * excess * excess;
            }
        }
    }
}
