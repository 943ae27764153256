namespace Robotics.Core.LinearAlgebra;

/// <summary>LU decomposition with partial (row) pivoting: P A = L U.</summary>
public sealed class LuDecomposition
{
    private readonly Matrix _lu;
    private readonly int[] _pivot;

    /// <summary>Factorises a square matrix.</summary>
    /// <exception cref="InvalidOperationException">The matrix is singular to working precision.</exception>
    public LuDecomposition(Matrix a)
    {
        a.RequireSquare();
        int n = a.Rows;
        _lu = a.Clone();
        _pivot = new int[n];
        for (int i = 0; i < n; i++) _pivot[i] = i;

        double scale = Math.Max(a.MaxAbs(), double.Epsilon);
        for (int k = 0; k < n; k++)
        {
            int p = k;
            double best = Math.Abs(_lu[k, k]);
            for (int r = k + 1; r < n; r++)
            {
                double v = Math.Abs(_lu[r, k]);
                if (v > best)
                {
                    best = v;
                    p = r;
                }
            }

            if (best <= 1e-14 * scale)
            {
                throw new InvalidOperationException($"Matrix is singular to working precision (pivot {k} is {best:G3}).");
            }

            if (p != k)
            {
                for (int c = 0; c < n; c++)
                {
                    (_lu[k, c], _lu[p, c]) = (_lu[p, c], _lu[k, c]);
                }

                (_pivot[k], _pivot[p]) = (_pivot[p], _pivot[k]);
            }

            double pivot = _lu[k, k];
            for (int r = k + 1; r < n; r++)
            {
                double f = _lu[r, k] / pivot;
                _lu[r, k] = f;
                if (f == 0.0) continue;
                for (int c = k + 1; c < n; c++)
                {
                    _lu[r, c] -= f * _lu[k, c];
                }
            }
        }
    }

    /// <summary>Solves A X = B.</summary>
    public Matrix Solve(Matrix b)
    {
        int n = _lu.Rows;
        if (b.Rows != n)
        {
            throw new ArgumentException($"Right-hand side has {b.Rows} rows; the matrix has {n}.", nameof(b));
        }

        var x = new Matrix(n, b.Columns);
        for (int c = 0; c < b.Columns; c++)
        {
            for (int r = 0; r < n; r++)
            {
                double s = b[_pivot[r], c];
                for (int k = 0; k < r; k++) s -= _lu[r, k] * x[k, c];
                x[r, c] = s;
            }

            for (int r = n - 1; r >= 0; r--)
            {
                double s = x[r, c];
                for (int k = r + 1; k < n; k++) s -= _lu[r, k] * x[k, c];
                x[r, c] = s / _lu[r, r];
            }
        }

        return x;
    }
}
