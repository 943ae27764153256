using Robotics.Core.Parameters;

namespace Robotics.Control.Mpc.Costs;

/// <summary>
/// Path tracking without timing: squared planar distance of each predicted position to the nearest point of the
/// previewed reference path (the reference positions at plan steps 0..H). Term name <c>path</c>.
/// </summary>
/// <remarks>
/// <code>
/// J = weight * sum_{t=1..H} min_{s=0..H} |p_t - q_s|^2,   p = (x[x_index], x[y_index]),  q_s = (r_s[x_index], r_s[y_index])
/// </code>
/// <para>Unlike <see cref="ReferenceTrackingCost"/> it does not care when a point of the path is reached (Nav2's path
/// follow/align critics). Costs O(H^2) per sample. Parameters (prefix <c>costs.path.</c>): <c>weight</c> (default 1),
/// <c>enabled</c>, <c>x_index</c> (0), <c>y_index</c> (1).</para>
/// </remarks>
public sealed class PathCost : CostTerm
{
    /// <summary>The term name.</summary>
    public const string TermName = "path";

    private int _xIndex, _yIndex;

    /// <summary>Creates the term with default parameters.</summary>
    public PathCost()
        : base(TermName, 1.0, "squared distance of the predicted positions to the nearest point of the reference path.",
        [
            ParameterDescriptor.Integer("x_index", 0, "", "State (and reference) index of the x position.", 0, 1000),
            ParameterDescriptor.Integer("y_index", 1, "", "State (and reference) index of the y position.", 0, 1000),
        ])
    {
    }

    /// <inheritdoc />
    protected override void Apply(MpcDimensions dimensions)
    {
        _xIndex = Index("x_index", dimensions.ObservedStateSize, "the observed state");
        _yIndex = Index("y_index", dimensions.ObservedStateSize, "the observed state");
    }

    /// <inheritdoc />
    public override void AddCosts(in CostInput input, Span<double> costs)
    {
        int n = input.StateSize, batch = input.Batch, r = input.ReferenceSize, h = input.Horizon;
        double w = Weight;
        var reference = input.Reference;
        for (int t = 1; t <= h; t++)
        {
            var x = input.States.Slice(t * batch * n, batch * n);
            for (int b = 0; b < batch; b++)
            {
                double px = x[b * n + _xIndex], py = x[b * n + _yIndex];
                double best = double.PositiveInfinity;
                for (int s = 0; s <= h; s++)
                {
                    double dx = px - reference[s * r + _xIndex], dy = py - reference[s * r + _yIndex];
                    double d2 = dx * dx + dy * dy;
                    if (d2 < best) best = d2;
                }

                costs[b] += w * best;
            }
        }
    }

    /// <inheritdoc />
    public override void AddGradient(in CostInput input, Span<double> stateGradient, Span<double> controlGradient)
    {
        int n = input.StateSize, r = input.ReferenceSize, h = input.Horizon;
        var reference = input.Reference;
        for (int t = 1; t <= h; t++)
        {
            double px = input.States[t * n + _xIndex], py = input.States[t * n + _yIndex];
            double best = double.PositiveInfinity, bx = 0, by = 0;
            for (int s = 0; s <= h; s++)
            {
                double dx = px - reference[s * r + _xIndex], dy = py - reference[s * r + _yIndex];
                double d2 = dx * dx + dy * dy;
                if (d2 < best)
                {
                    best = d2;
                    bx = dx;
                    by = dy;
                }
            }

            stateGradient[t * n + _xIndex] += 2.0 * Weight * bx;
            stateGradient[t * n + _yIndex] += 2.0 * Weight * by;
        }
    }
}
