using Robotics.Core.LinearAlgebra;

namespace Robotics.Control.Lqr;

/// <summary>Argument checks and small dense helpers shared by the LQR design functions.</summary>
internal static class MatrixChecks
{
    public static void NotNull(Matrix? m, string name)
    {
        if (m is null) throw new ArgumentNullException(name, $"Matrix '{name}' is required.");
    }

    public static void Finite(Matrix m, string name)
    {
        var data = m.Data;
        for (int i = 0; i < data.Length; i++)
        {
            if (!double.IsFinite(data[i]))
            {
                throw new ArgumentException(
                    $"Matrix '{name}' has a non-finite entry {data[i]} at ({i / m.Columns}, {i % m.Columns}); all entries must be finite.", name);
            }
        }
    }

    public static void Shape(Matrix m, int rows, int columns, string name, string meaning)
    {
        if (m.Rows != rows || m.Columns != columns)
        {
            throw new ArgumentException(
                $"Matrix '{name}' must be {rows}x{columns} ({meaning}); it is {m.Rows}x{m.Columns}.", name);
        }
    }

    public static void Symmetric(Matrix m, string name)
    {
        double tol = 1e-10 * Math.Max(1.0, m.MaxAbs());
        for (int r = 0; r < m.Rows; r++)
        {
            for (int c = r + 1; c < m.Columns; c++)
            {
                if (Math.Abs(m[r, c] - m[c, r]) > tol)
                {
                    throw new ArgumentException(
                        $"Matrix '{name}' must be symmetric; entries ({r}, {c}) = {m[r, c]} and ({c}, {r}) = {m[c, r]} differ. Use (M + M^T) / 2.", name);
                }
            }
        }
    }

    /// <summary>True when the symmetric matrix is positive definite (Cholesky succeeds with a margin).</summary>
    public static bool IsPositiveDefinite(Matrix m, double shift = 0.0)
    {
        int n = m.Rows;
        var l = new double[n, n];
        double scale = Math.Max(m.MaxAbs(), double.Epsilon);
        for (int j = 0; j < n; j++)
        {
            double d = m[j, j] + shift;
            for (int k = 0; k < j; k++) d -= l[j, k] * l[j, k];
            if (!(d > 1e-14 * scale)) return false;
            l[j, j] = Math.Sqrt(d);
            for (int i = j + 1; i < n; i++)
            {
                double s = m[i, j];
                for (int k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                l[i, j] = s / l[j, j];
            }
        }

        return true;
    }

    public static bool AllFinite(Matrix m)
    {
        foreach (double v in m.Data)
        {
            if (!double.IsFinite(v)) return false;
        }

        return true;
    }

    /// <summary>
    /// An upper bound on the spectral radius of a square matrix that converges to it: ||M^(2^j)||^(1/2^j)
    /// after <paramref name="squarings"/> renormalised squarings (Gelfand's formula). Returns 0 for nilpotent matrices.
    /// </summary>
    public static double SpectralRadiusBound(Matrix m, int squarings = 40)
    {
        double norm = m.OneNorm();
        if (norm == 0.0) return 0.0;
        var x = (1.0 / norm) * m;
        double logNorm = Math.Log(norm); // log || M^(2^j) ||, with x = M^(2^j) / || M^(2^j) ||
        double power = 1.0;
        for (int j = 0; j < squarings; j++)
        {
            x *= x;
            double nu = x.OneNorm();
            if (nu == 0.0 || !double.IsFinite(nu)) return nu == 0.0 ? 0.0 : double.PositiveInfinity;
            logNorm = 2.0 * logNorm + Math.Log(nu);
            power *= 2.0;
            x = (1.0 / nu) * x;
        }

        return Math.Exp(logNorm / power);
    }
}
