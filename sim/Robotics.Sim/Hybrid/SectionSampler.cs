namespace Robotics.Sim.Hybrid;

/// <summary>Uniform samples inside the ellipsoid (x - x*)^T P (x - x*) &lt;= c, via the Cholesky factor of P (design-time).</summary>
public sealed class SectionSampler
{
    private readonly double[] _center, _lInvT;
    private readonly int _n;

    /// <summary>Prepares sampling for centre x* and row-major SPD matrix P (n x n).</summary>
    /// <exception cref="ArgumentException">P is not symmetric positive definite.</exception>
    public SectionSampler(IReadOnlyList<double> center, IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(center);
        ArgumentNullException.ThrowIfNull(p);
        _n = center.Count;
        int n = _n;
        _center = new double[n];
        for (int i = 0; i < n; i++)
        {
            _center[i] = center[i];
        }

        var l = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = p[i * n + j];
                for (int k = 0; k < j; k++)
                {
                    s -= l[i * n + k] * l[j * n + k];
                }

                if (i == j)
                {
                    if (!(s > 0.0))
                    {
                        throw new ArgumentException("P must be symmetric positive definite.", nameof(p));
                    }

                    l[i * n + i] = Math.Sqrt(s);
                }
                else
                {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }

        // L^-T: solve L^T X = I column by column (back substitution).
        _lInvT = new double[n * n];
        for (int c = 0; c < n; c++)
        {
            for (int r = n - 1; r >= 0; r--)
            {
                double s = r == c ? 1.0 : 0.0;
                for (int k = r + 1; k < n; k++)
                {
                    s -= l[k * n + r] * _lInvT[k * n + c];
                }

                _lInvT[r * n + c] = s / l[r * n + r];
            }
        }
    }

    /// <summary>Writes a sample uniform in {V &lt;= level} into <paramref name="x"/>.</summary>
    public void Sample(Robotics.Core.Randomness.Rng rng, double level, Span<double> x)
    {
        ArgumentNullException.ThrowIfNull(rng);
        int n = _n;
        Span<double> z = stackalloc double[n];
        double norm2 = 0.0;
        for (int i = 0; i < n; i++)
        {
            z[i] = rng.NextGaussian();
            norm2 += z[i] * z[i];
        }

        double radius = Math.Pow(rng.NextDouble(), 1.0 / n) * Math.Sqrt(level) / Math.Sqrt(norm2);
        for (int r = 0; r < n; r++)
        {
            double s = 0.0;
            for (int c = 0; c < n; c++)
            {
                s += _lInvT[r * n + c] * z[c];
            }

            x[r] = _center[r] + radius * s;
        }
    }
}
