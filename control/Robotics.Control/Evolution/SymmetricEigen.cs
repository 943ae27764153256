namespace Robotics.Control.Evolution;

/// <summary>
/// Eigen-decomposition of a real symmetric matrix A = V diag(d) V^T by Householder tridiagonalisation and the
/// implicit QL algorithm (the EISPACK tred2/tql2 routines as published in JAMA, public domain).
/// </summary>
/// <remarks>O(n^3); used by <see cref="CmaEs"/> at most every few generations. Works in place on caller-owned
/// arrays so repeated calls allocate nothing.</remarks>
public static class SymmetricEigen
{
    /// <summary>Decomposes the symmetric n x n matrix <paramref name="a"/> (row-major, only read).</summary>
    /// <param name="a">The matrix, row-major n x n.</param>
    /// <param name="n">Its order.</param>
    /// <param name="vectors">Output, row-major n x n: column j is the unit eigenvector of eigenvalue j.</param>
    /// <param name="values">Output, n eigenvalues in ascending order.</param>
    /// <param name="work">Scratch of length n.</param>
    /// <exception cref="ArgumentException">A span is too short.</exception>
    public static void Decompose(ReadOnlySpan<double> a, int n, Span<double> vectors, Span<double> values, Span<double> work)
    {
        if (n < 1 || a.Length < n * n || vectors.Length < n * n || values.Length < n || work.Length < n)
        {
            throw new ArgumentException($"SymmetricEigen: spans too short for order {n}.");
        }

        a[..(n * n)].CopyTo(vectors);
        Tred2(n, vectors, values, work);
        Tql2(n, vectors, values, work);
    }

    private static void Tred2(int n, Span<double> v, Span<double> d, Span<double> e)
    {
        for (int j = 0; j < n; j++) d[j] = v[(n - 1) * n + j];
        for (int i = n - 1; i > 0; i--)
        {
            double scale = 0.0, h = 0.0;
            for (int k = 0; k < i; k++) scale += Math.Abs(d[k]);
            if (scale == 0.0)
            {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++)
                {
                    d[j] = v[(i - 1) * n + j];
                    v[i * n + j] = 0.0;
                    v[j * n + i] = 0.0;
                }
            }
            else
            {
                for (int k = 0; k < i; k++)
                {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }

                double f = d[i - 1];
                double g = Math.Sqrt(h);
                if (f > 0) g = -g;
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) e[j] = 0.0;
                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    v[j * n + i] = f;
                    g = e[j] + v[j * n + j] * f;
                    for (int k = j + 1; k <= i - 1; k++)
                    {
                        g += v[k * n + j] * d[k];
                        e[k] += v[k * n + j] * f;
                    }

                    e[j] = g;
                }

                f = 0.0;
                for (int j = 0; j < i; j++)
                {
                    e[j] /= h;
                    f += e[j] * d[j];
                }

                double hh = f / (h + h);
                for (int j = 0; j < i; j++) e[j] -= hh * d[j];
                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    g = e[j];
                    for (int k = j; k <= i - 1; k++) v[k * n + j] -= f * e[k] + g * d[k];
                    d[j] = v[(i - 1) * n + j];
                    v[i * n + j] = 0.0;
                }
            }

            d[i] = h;
        }

        for (int i = 0; i < n - 1; i++)
        {
            v[(n - 1) * n + i] = v[i * n + i];
            v[i * n + i] = 1.0;
            double h = d[i + 1];
            if (h != 0.0)
            {
                for (int k = 0; k <= i; k++) d[k] = v[k * n + i + 1] / h;
                for (int j = 0; j <= i; j++)
                {
                    double g = 0.0;
                    for (int k = 0; k <= i; k++) g += v[k * n + i + 1] * v[k * n + j];
                    for (int k = 0; k <= i; k++) v[k * n + j] -= g * d[k];
                }
            }

            for (int k = 0; k <= i; k++) v[k * n + i + 1] = 0.0;
        }

        for (int j = 0; j < n; j++)
        {
            d[j] = v[(n - 1) * n + j];
            v[(n - 1) * n + j] = 0.0;
        }

        v[(n - 1) * n + n - 1] = 1.0;
        e[0] = 0.0;
    }

    private static void Tql2(int n, Span<double> v, Span<double> d, Span<double> e)
    {
        for (int i = 1; i < n; i++) e[i - 1] = e[i];
        e[n - 1] = 0.0;
        double f = 0.0, tst1 = 0.0;
        double eps = Math.Pow(2.0, -52.0);
        for (int l = 0; l < n; l++)
        {
            tst1 = Math.Max(tst1, Math.Abs(d[l]) + Math.Abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.Abs(e[m]) > eps * tst1) m++;
            if (m > l)
            {
                int iterations = 0;
                do
                {
                    if (++iterations > 60) break; // cannot happen for finite symmetric input; guards NaN
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2.0 * e[l]);
                    double r = Hypot(p, 1.0);
                    if (p < 0) r = -r;
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) d[i] -= h;
                    f += h;
                    p = d[m];
                    double c = 1.0, c2 = c, c3 = c;
                    double el1 = e[l + 1];
                    double s = 0.0, s2 = 0.0;
                    for (int i = m - 1; i >= l; i--)
                    {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        for (int k = 0; k < n; k++)
                        {
                            h = v[k * n + i + 1];
                            v[k * n + i + 1] = s * v[k * n + i] + c * h;
                            v[k * n + i] = c * v[k * n + i] - s * h;
                        }
                    }

                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                }
                while (Math.Abs(e[l]) > eps * tst1);
            }

            d[l] += f;
            e[l] = 0.0;
        }

        // Selection sort into ascending order, permuting the eigenvector columns alongside.
        for (int i = 0; i < n - 1; i++)
        {
            int k = i;
            double p = d[i];
            for (int j = i + 1; j < n; j++)
            {
                if (d[j] < p)
                {
                    k = j;
                    p = d[j];
                }
            }

            if (k != i)
            {
                d[k] = d[i];
                d[i] = p;
                for (int j = 0; j < n; j++) (v[j * n + i], v[j * n + k]) = (v[j * n + k], v[j * n + i]);
            }
        }
    }

    private static double Hypot(double a, double b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        if (a > b) return a * Math.Sqrt(1.0 + (b / a) * (b / a));
        if (b != 0.0) return b * Math.Sqrt(1.0 + (a / b) * (a / b));
        return 0.0;
    }
}
