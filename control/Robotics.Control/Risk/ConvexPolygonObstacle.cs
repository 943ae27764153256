namespace Robotics.Control.Risk;

/// <summary>A convex polygon obstacle moving at constant velocity.</summary>
public sealed class ConvexPolygonObstacle : IPlanarObstacle
{
    private readonly double[] xs;
    private readonly double[] ys;

    /// <summary>Creates the obstacle from its vertices at t = 0, in either winding order.</summary>
    /// <param name="vertices">At least three (x, y) vertices of a convex polygon.</param>
    /// <param name="velocityX">Velocity x, m/s.</param>
    /// <param name="velocityY">Velocity y, m/s.</param>
    /// <exception cref="ArgumentException">Fewer than three vertices, or the polygon is not convex.</exception>
    public ConvexPolygonObstacle(IReadOnlyList<(double X, double Y)> vertices, double velocityX = 0, double velocityY = 0)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        int n = vertices.Count;
        if (n < 3)
        {
            throw new ArgumentException($"A polygon needs at least 3 vertices, got {n}.", nameof(vertices));
        }

        double area = 0;
        for (int i = 0; i < n; i++)
        {
            var (ax, ay) = vertices[i];
            var (bx, by) = vertices[(i + 1) % n];
            area += (ax * by) - (bx * ay);
        }

        // Store counter-clockwise.
        bool reverse = area < 0;
        xs = new double[n];
        ys = new double[n];
        for (int i = 0; i < n; i++)
        {
            var (x, y) = vertices[reverse ? n - 1 - i : i];
            xs[i] = x;
            ys[i] = y;
        }

        for (int i = 0; i < n; i++)
        {
            int j = (i + 1) % n;
            int k = (i + 2) % n;
            double cross = ((xs[j] - xs[i]) * (ys[k] - ys[j])) - ((ys[j] - ys[i]) * (xs[k] - xs[j]));
            if (cross < -1e-12)
            {
                throw new ArgumentException($"The polygon is not convex at vertex {j} ({xs[j]}, {ys[j]}); split it into convex parts.", nameof(vertices));
            }
        }

        VelocityX = velocityX;
        VelocityY = velocityY;
    }

    /// <summary>Velocity x, m/s.</summary>
    public double VelocityX { get; }

    /// <summary>Velocity y, m/s.</summary>
    public double VelocityY { get; }

    /// <inheritdoc />
    public double SignedDistance(double time, double x, double y)
    {
        // Move the point instead of the polygon.
        double px = x - (VelocityX * time);
        double py = y - (VelocityY * time);
        int n = xs.Length;
        bool inside = true;
        double best = double.PositiveInfinity;
        for (int i = 0; i < n; i++)
        {
            int j = (i + 1) % n;
            double ex = xs[j] - xs[i];
            double ey = ys[j] - ys[i];
            double wx = px - xs[i];
            double wy = py - ys[i];
            if ((ex * wy) - (ey * wx) < 0)
            {
                inside = false;
            }

            double t = Math.Clamp(((wx * ex) + (wy * ey)) / ((ex * ex) + (ey * ey)), 0, 1);
            double dx = wx - (t * ex);
            double dy = wy - (t * ey);
            best = Math.Min(best, (dx * dx) + (dy * dy));
        }

        double distance = Math.Sqrt(best);
        return inside ? -distance : distance;
    }

    /// <inheritdoc />
    public void MarkWithin(double time, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double margin, Span<bool> hits)
    {
        for (int s = 0; s < xs.Length; s++)
        {
            if (!hits[s] && SignedDistance(time, xs[s], ys[s]) <= margin)
            {
                hits[s] = true;
            }
        }
    }
}
