using Robotics.Core.LinearAlgebra;

namespace Robotics.Control.Tests.Lqr;

internal static class MatrixAssert
{
    /// <summary>
    /// Entry-wise |actual - expected| &lt;= relative * max(|expected_ij|, 1e-3 max|expected|): relative to each entry,
    /// with a floor at 1e-3 of the largest entry so round-off-sized entries (e.g. 1e-17 instead of 0) do not fail.
    /// </summary>
    public static void Close(double[,] expected, Matrix actual, double relative)
    {
        int rows = expected.GetLength(0), columns = expected.GetLength(1);
        Assert.Equal(rows, actual.Rows);
        Assert.Equal(columns, actual.Columns);
        double largest = 0;
        foreach (double v in expected) largest = Math.Max(largest, Math.Abs(v));
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                double e = expected[r, c], a = actual[r, c];
                double tolerance = relative * Math.Max(Math.Abs(e), 1e-3 * largest);
                Assert.True(Math.Abs(a - e) <= tolerance,
                    $"entry ({r}, {c}): expected {e:R}, got {a:R}, difference {Math.Abs(a - e):G3} > tolerance {tolerance:G3}");
            }
        }
    }

    /// <summary>
    /// Spectral radius by Gelfand's formula rho = lim ||M^k||^(1/k), k = 2^j with renormalised squaring
    /// (independent of the library's own stability check).
    /// </summary>
    public static double SpectralRadius(Matrix m, int squarings = 24)
    {
        double norm = m.FrobeniusNorm();
        var x = (1.0 / norm) * m;
        double log = Math.Log(norm), power = 1;
        for (int j = 0; j < squarings; j++)
        {
            x *= x;
            double nu = x.FrobeniusNorm();
            if (nu == 0) return 0;
            log = 2 * log + Math.Log(nu);
            power *= 2;
            x = (1.0 / nu) * x;
        }

        return Math.Exp(log / power);
    }
}
