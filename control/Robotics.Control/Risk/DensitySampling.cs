using Robotics.Core.Randomness;

namespace Robotics.Control.Risk;

/// <summary>How the initial samples of a <see cref="DensitySampleSet"/> are chosen.</summary>
public static class DensitySampling
{
    private static readonly int[] Primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37];

    /// <summary>
    /// Plain Monte Carlo: samples drawn from the distribution, each carrying mass 1/N. The baseline and, with many
    /// samples, the ground truth.
    /// </summary>
    /// <param name="distribution">The initial distribution.</param>
    /// <param name="rng">The random stream.</param>
    /// <param name="set">Receives the samples.</param>
    public static void MonteCarlo(IInitialDistribution distribution, Rng rng, DensitySampleSet set)
    {
        Check(distribution, set);
        double mass = 1.0 / set.Count;
        for (int i = 0; i < set.Count; i++)
        {
            Span<double> x = set.State(i);
            distribution.Sample(rng, x);
            set.LogDensities[i] = distribution.LogDensity(x);
            set.LogVolumes[i] = Math.Log(mass) - set.LogDensities[i];
            set.Masses[i] = mass;
        }
    }

    /// <summary>
    /// Density-weighted: samples spread evenly over the distribution's box by a randomised Halton sequence (a random
    /// shift of the points modulo 1, from <paramref name="rng"/>), each carrying the mass of its cell,
    /// <c>ρ0(x0) · V0</c> with <c>V0 = vol(box) / N</c>. The tails get as many samples as the core, so a small
    /// collision probability is resolved with far fewer samples; the estimate is unbiased for any shift.
    /// </summary>
    /// <param name="distribution">The initial distribution.</param>
    /// <param name="rng">The random stream (only the shift is drawn from it).</param>
    /// <param name="set">Receives the samples.</param>
    public static void DensityWeighted(IInitialDistribution distribution, Rng rng, DensitySampleSet set)
    {
        Check(distribution, set);
        int n = set.Dimension;
        if (n > Primes.Length)
        {
            throw new ArgumentException($"Density-weighted sampling supports up to {Primes.Length} dimensions, got {n}.", nameof(distribution));
        }

        Span<double> shift = stackalloc double[n];
        double logCellVolume = -Math.Log(set.Count);
        for (int d = 0; d < n; d++)
        {
            shift[d] = rng.NextDouble();
            logCellVolume += Math.Log(distribution.BoxMax[d] - distribution.BoxMin[d]);
        }

        for (int i = 0; i < set.Count; i++)
        {
            Span<double> x = set.State(i);
            for (int d = 0; d < n; d++)
            {
                double u = RadicalInverse(i + 1, Primes[d]) + shift[d];
                u -= Math.Floor(u);
                x[d] = distribution.BoxMin[d] + (u * (distribution.BoxMax[d] - distribution.BoxMin[d]));
            }

            double logDensity = distribution.LogDensity(x);
            set.LogDensities[i] = logDensity;
            set.LogVolumes[i] = logCellVolume;
            set.Masses[i] = Math.Exp(logDensity + logCellVolume);
        }
    }

    /// <summary>
    /// Randomised quasi-Monte Carlo from the distribution itself: a randomly shifted Halton point set in the unit cube is
    /// carried to the state space by the distribution's transport map (<see cref="IUnitCubeMap"/>, e.g. inverse normal
    /// CDFs and the Cholesky factor), each sample with mass 1/N and its log-density. Unbiased for every shift; unlike
    /// <see cref="DensityWeighted"/> the samples are not wasted in the tails of a many-dimensional box (in d dimensions
    /// the ±5σ box holds the Gaussian's mass in a fraction of roughly 0.35^d of its cells), and unlike
    /// <see cref="MonteCarlo"/> they cover the distribution evenly.
    /// </summary>
    /// <param name="distribution">The initial distribution (must support the unit-cube map).</param>
    /// <param name="rng">Randomness for the shift.</param>
    /// <param name="set">Receives the samples.</param>
    /// <exception cref="ArgumentException">The distribution has no unit-cube map, or too many dimensions.</exception>
    public static void QuasiMonteCarlo(IInitialDistribution distribution, Rng rng, DensitySampleSet set)
    {
        Check(distribution, set);
        if (distribution is not IUnitCubeMap { SupportsUnitCubeMap: true } map)
        {
            throw new ArgumentException("Quasi-Monte Carlo sampling needs a distribution with a unit-cube map (Gaussian, uniform box, or an offset of one).", nameof(distribution));
        }

        int n = set.Dimension;
        if (n > Primes.Length)
        {
            throw new ArgumentException($"Quasi-Monte Carlo sampling supports up to {Primes.Length} dimensions, got {n}.", nameof(distribution));
        }

        Span<double> shift = stackalloc double[n];
        Span<double> u = stackalloc double[n];
        for (int d = 0; d < n; d++)
        {
            shift[d] = rng.NextDouble();
        }

        double logMass = -Math.Log(set.Count);
        double mass = 1.0 / set.Count;
        for (int i = 0; i < set.Count; i++)
        {
            for (int d = 0; d < n; d++)
            {
                double v = RadicalInverse(i + 1, Primes[d]) + shift[d];
                v -= Math.Floor(v);
                u[d] = Math.Clamp(v, 1e-12, 1 - 1e-12);
            }

            Span<double> x = set.State(i);
            map.FromUnitCube(u, x);
            double logDensity = distribution.LogDensity(x);
            set.LogDensities[i] = logDensity;
            set.LogVolumes[i] = logMass - logDensity;
            set.Masses[i] = mass;
        }
    }

    private static double RadicalInverse(int index, int b)
    {
        double result = 0;
        double f = 1.0 / b;
        while (index > 0)
        {
            result += f * (index % b);
            index /= b;
            f /= b;
        }

        return result;
    }

    private static void Check(IInitialDistribution distribution, DensitySampleSet set)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(set);
        if (distribution.Dimension != set.Dimension)
        {
            throw new ArgumentException($"The distribution has dimension {distribution.Dimension}, the sample set {set.Dimension}.", nameof(set));
        }
    }
}
