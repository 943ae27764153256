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
}
