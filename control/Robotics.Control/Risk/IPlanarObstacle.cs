namespace Robotics.Control.Risk;

/// <summary>An obstacle in the plane, possibly moving: the signed distance from a point (negative inside).</summary>
public interface IPlanarObstacle
{
    /// <summary>Signed distance from (x, y) to the obstacle at <paramref name="time"/>, metres (negative inside).</summary>
    /// <param name="time">Seconds since the start of the plan.</param>
    /// <param name="x">Point x, m.</param>
    /// <param name="y">Point y, m.</param>
    /// <returns>The signed distance.</returns>
    double SignedDistance(double time, double x, double y);

    /// <summary>
    /// Sets <c>hits[s] = true</c> for every point whose signed distance is at most <paramref name="margin"/>
    /// (leaves the others unchanged): the batched collision test, one call per obstacle and step.
    /// </summary>
    /// <param name="time">Seconds since the start of the plan.</param>
    /// <param name="xs">Point x coordinates, m.</param>
    /// <param name="ys">Point y coordinates, m (same length).</param>
    /// <param name="margin">Footprint radius, m.</param>
    /// <param name="hits">Flags, one per point.</param>
    void MarkWithin(double time, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double margin, Span<bool> hits)
    {
        for (int s = 0; s < xs.Length; s++)
        {
            if (SignedDistance(time, xs[s], ys[s]) <= margin)
            {
                hits[s] = true;
            }
        }
    }
}
