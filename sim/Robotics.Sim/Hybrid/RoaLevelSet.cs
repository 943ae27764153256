namespace Robotics.Sim.Hybrid;

/// <summary>
/// Level-set helpers next to <c>Robotics.Control.Hybrid.RoaEstimator</c>: the largest sublevel set of a quadratic V
/// that fits inside the sampled box (a rollout estimate cannot certify states it never sampled).
/// </summary>
public static class RoaLevelSet
{
    /// <summary>
    /// Largest c whose ellipsoid {(x - x*)^T P (x - x*) &lt;= c} fits in the box |x_i - x*_i| &lt;= w_i:
    /// min_i w_i^2 / (P^-1)_ii (P row-major, SPD).
    /// </summary>
    public static double InscribedLevel(IReadOnlyList<double> p, IReadOnlyList<double> halfWidths)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(halfWidths);
        int n = halfWidths.Count;
        var m = new Robotics.Core.LinearAlgebra.Matrix(n, n);
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                m[r, c] = p[r * n + c];
            }
        }

        var inv = m.Inverse();
        double level = double.PositiveInfinity;
        for (int i = 0; i < n; i++)
        {
            level = Math.Min(level, halfWidths[i] * halfWidths[i] / inv[i, i]);
        }

        return level;
    }
}
