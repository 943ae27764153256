namespace Robotics.Control.Risk;

/// <summary>A disc obstacle moving at constant velocity: centre (x0 + vx t, y0 + vy t).</summary>
public sealed class CircleObstacle : IPlanarObstacle
{
    /// <summary>Creates the obstacle.</summary>
    /// <param name="centerX">Centre x at t = 0, m.</param>
    /// <param name="centerY">Centre y at t = 0, m.</param>
    /// <param name="radius">Radius, m (&gt; 0).</param>
    /// <param name="velocityX">Velocity x, m/s.</param>
    /// <param name="velocityY">Velocity y, m/s.</param>
    public CircleObstacle(double centerX, double centerY, double radius, double velocityX = 0, double velocityY = 0)
    {
        if (!(radius > 0))
        {
            throw new ArgumentException($"radius must be > 0 m, got {radius}.", nameof(radius));
        }

        CenterX = centerX;
        CenterY = centerY;
        Radius = radius;
        VelocityX = velocityX;
        VelocityY = velocityY;
    }

    /// <summary>Centre x at t = 0, m.</summary>
    public double CenterX { get; }

    /// <summary>Centre y at t = 0, m.</summary>
    public double CenterY { get; }

    /// <summary>Radius, m.</summary>
    public double Radius { get; }

    /// <summary>Velocity x, m/s.</summary>
    public double VelocityX { get; }

    /// <summary>Velocity y, m/s.</summary>
    public double VelocityY { get; }

    /// <inheritdoc />
    public double SignedDistance(double time, double x, double y)
    {
        double dx = x - (CenterX + (VelocityX * time));
        double dy = y - (CenterY + (VelocityY * time));
        return Math.Sqrt((dx * dx) + (dy * dy)) - Radius;
    }

    /// <inheritdoc />
    public void MarkWithin(double time, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double margin, Span<bool> hits)
    {
        double cx = CenterX + (VelocityX * time);
        double cy = CenterY + (VelocityY * time);
        for (int s = 0; s < xs.Length; s++)
        {
            // The same arithmetic as SignedDistance, without the interface call.
            double dx = xs[s] - cx;
            double dy = ys[s] - cy;
            if (Math.Sqrt((dx * dx) + (dy * dy)) - Radius <= margin)
            {
                hits[s] = true;
            }
        }
    }
}
