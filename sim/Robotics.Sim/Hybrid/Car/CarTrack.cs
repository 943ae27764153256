namespace Robotics.Sim.Hybrid.Car;

/// <summary>Geometry helpers: the car's error state with respect to a straight segment.</summary>
public static class CarTrack
{
    /// <summary>Wraps an angle to [-pi, pi).</summary>
    public static double WrapAngle(double angle)
    {
        double a = (angle + Math.PI) % (2 * Math.PI);
        if (a < 0)
            a += 2 * Math.PI;
        return a - Math.PI;
    }

    /// <summary>
    /// Error state [e_y, e_psi, vx, vy, r] of the world state [x, y, yaw, vx, vy, r] with respect to the segment
    /// through (sx, sy) with heading <paramref name="heading"/>: e_y = -(x - sx) sin h + (y - sy) cos h,
    /// e_psi = wrap(yaw - h). Returns the along-track coordinate s = (x - sx) cos h + (y - sy) sin h.
    /// </summary>
    public static double ErrorState(ReadOnlySpan<double> world, double sx, double sy, double heading, Span<double> error)
    {
        double c = Math.Cos(heading), s = Math.Sin(heading);
        double dx = world[0] - sx, dy = world[1] - sy;
        error[0] = -dx * s + dy * c;
        error[1] = WrapAngle(world[2] - heading);
        error[2] = world[3];
        error[3] = world[4];
        error[4] = world[5];
        return dx * c + dy * s;
    }
}
