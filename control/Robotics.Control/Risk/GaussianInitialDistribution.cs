using Robotics.Core.LinearAlgebra;
using Robotics.Core.Randomness;

namespace Robotics.Control.Risk;

/// <summary>A Gaussian initial state N(mean, covariance) in any dimension.</summary>
public sealed class GaussianInitialDistribution : IInitialDistribution, IUnitCubeMap
{
    private readonly double[] mean;
    private readonly double[] cholesky;
    private readonly double[] z;
    private readonly double[] boxMin;
    private readonly double[] boxMax;
    private readonly double logNormaliser;

    /// <summary>Creates the distribution.</summary>
    /// <param name="mean">The mean.</param>
    /// <param name="covariance">A symmetric positive-definite covariance.</param>
    /// <param name="boxSigmas">Half-width of the sampling box in standard deviations per axis (default 5).</param>
    /// <exception cref="ArgumentException">Sizes differ, or the covariance is not positive definite.</exception>
    public GaussianInitialDistribution(double[] mean, Matrix covariance, double boxSigmas = 5.0)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(covariance);
        int n = mean.Length;
        if (covariance.Rows != n || covariance.Columns != n)
        {
            throw new ArgumentException($"The covariance must be {n}x{n} for a mean of length {n}, got {covariance.Rows}x{covariance.Columns}.", nameof(covariance));
        }

        if (!(boxSigmas > 0))
        {
            throw new ArgumentException($"boxSigmas must be > 0, got {boxSigmas}.", nameof(boxSigmas));
        }

        Dimension = n;
        this.mean = (double[])mean.Clone();
        cholesky = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = covariance[i, j];
                for (int k = 0; k < j; k++)
                {
                    sum -= cholesky[(i * n) + k] * cholesky[(j * n) + k];
                }

                if (i == j)
                {
                    if (!(sum > 0))
                    {
                        throw new ArgumentException($"The covariance is not positive definite (pivot {i} is {sum}); check it is symmetric with positive variances.", nameof(covariance));
                    }

                    cholesky[(i * n) + i] = Math.Sqrt(sum);
                }
                else
                {
                    cholesky[(i * n) + j] = sum / cholesky[(j * n) + j];
                }
            }
        }

        double logDet = 0;
        for (int i = 0; i < n; i++)
        {
            logDet += 2 * Math.Log(cholesky[(i * n) + i]);
        }

        logNormaliser = -0.5 * ((n * Math.Log(2 * Math.PI)) + logDet);
        z = new double[n];
        boxMin = new double[n];
        boxMax = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sigma = Math.Sqrt(covariance[i, i]);
            boxMin[i] = mean[i] - (boxSigmas * sigma);
            boxMax[i] = mean[i] + (boxSigmas * sigma);
        }

        // Union bound over the axes: P(outside) <= n * P(|N(0,1)| > k).
        MassOutsideBox = Math.Min(1.0, n * StandardNormal.TwoSidedTail(boxSigmas));
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public IReadOnlyList<double> BoxMin => boxMin;

    /// <inheritdoc />
    public IReadOnlyList<double> BoxMax => boxMax;

    /// <inheritdoc />
    public double MassOutsideBox { get; }

    /// <inheritdoc />
    public bool SupportsUnitCubeMap => true;

    /// <summary>Maps u to x = mean + L z with z_i = Φ⁻¹(u_i) (L the Cholesky factor of the covariance).</summary>
    /// <param name="u">Coordinates in (0, 1).</param>
    /// <param name="state">Receives the state.</param>
    public void FromUnitCube(ReadOnlySpan<double> u, Span<double> state)
    {
        int n = Dimension;
        for (int i = 0; i < n; i++)
        {
            z[i] = StandardNormal.InverseCdf(u[i]);
        }

        for (int i = 0; i < n; i++)
        {
            double sum = mean[i];
            for (int j = 0; j <= i; j++)
            {
                sum += cholesky[(i * n) + j] * z[j];
            }

            state[i] = sum;
        }
    }

    /// <inheritdoc />
    public void Sample(Rng rng, Span<double> state)
    {
        ArgumentNullException.ThrowIfNull(rng);
        int n = Dimension;
        for (int i = 0; i < n; i++)
        {
            z[i] = rng.NextGaussian();
        }

        for (int i = 0; i < n; i++)
        {
            double sum = mean[i];
            for (int j = 0; j <= i; j++)
            {
                sum += cholesky[(i * n) + j] * z[j];
            }

            state[i] = sum;
        }
    }

    /// <inheritdoc />
    public double LogDensity(ReadOnlySpan<double> state)
    {
        // Solve L y = x - m by forward substitution; the quadratic form is |y|^2.
        int n = Dimension;
        double quadratic = 0;
        Span<double> y = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = state[i] - mean[i];
            for (int j = 0; j < i; j++)
            {
                sum -= cholesky[(i * n) + j] * y[j];
            }

            y[i] = sum / cholesky[(i * n) + i];
            quadratic += y[i] * y[i];
        }

        return logNormaliser - (0.5 * quadratic);
    }
}
