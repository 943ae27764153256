namespace Robotics.Control.Risk;

/// <summary>
/// An obstacle seen from a plan that starts at <see cref="OffsetS"/> seconds of scenario time: plan time τ is scenario
/// time <c>OffsetS + τ</c>. Lets moving obstacles defined once be checked against every plan without allocating.
/// </summary>
public sealed class TimeShiftedObstacle : IPlanarObstacle
{
    private readonly IPlanarObstacle inner;

    /// <summary>Wraps <paramref name="obstacle"/>.</summary>
    /// <param name="obstacle">The obstacle, in scenario time.</param>
    public TimeShiftedObstacle(IPlanarObstacle obstacle)
    {
        ArgumentNullException.ThrowIfNull(obstacle);
        inner = obstacle;
    }

    /// <summary>Scenario time at the start of the plan, s.</summary>
    public double OffsetS { get; set; }

    /// <inheritdoc />
    public double SignedDistance(double time, double x, double y) => inner.SignedDistance(time + OffsetS, x, y);

    /// <inheritdoc />
    public void MarkWithin(double time, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double margin, Span<bool> hits) =>
        inner.MarkWithin(time + OffsetS, xs, ys, margin, hits);
}
