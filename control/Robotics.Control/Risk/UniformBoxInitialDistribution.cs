using Robotics.Core.Randomness;

namespace Robotics.Control.Risk;

/// <summary>A uniform initial state over an axis-aligned box.</summary>
public sealed class UniformBoxInitialDistribution : IInitialDistribution, IUnitCubeMap
{
    private readonly double[] min;
    private readonly double[] max;
    private readonly double logDensity;

    /// <summary>Creates the distribution.</summary>
    /// <param name="min">Lower corner.</param>
    /// <param name="max">Upper corner (each component above the lower one).</param>
    /// <exception cref="ArgumentException">Sizes differ or a side is not positive.</exception>
    public UniformBoxInitialDistribution(double[] min, double[] max)
    {
        ArgumentNullException.ThrowIfNull(min);
        ArgumentNullException.ThrowIfNull(max);
        if (min.Length != max.Length || min.Length == 0)
        {
            throw new ArgumentException($"The corners must have the same, non-zero length ({min.Length} vs {max.Length}).", nameof(max));
        }

        double logVolume = 0;
        for (int i = 0; i < min.Length; i++)
        {
            if (!(max[i] > min[i]))
            {
                throw new ArgumentException($"Side {i} of the box is empty: [{min[i]}, {max[i]}]; the upper corner must exceed the lower one.", nameof(max));
            }

            logVolume += Math.Log(max[i] - min[i]);
        }

        this.min = (double[])min.Clone();
        this.max = (double[])max.Clone();
        logDensity = -logVolume;
    }

    /// <inheritdoc />
    public int Dimension => min.Length;

    /// <inheritdoc />
    public IReadOnlyList<double> BoxMin => min;

    /// <inheritdoc />
    public IReadOnlyList<double> BoxMax => max;

    /// <inheritdoc />
    public double MassOutsideBox => 0;

    /// <inheritdoc />
    public bool SupportsUnitCubeMap => true;

    /// <summary>Maps u to x = min + u (max - min).</summary>
    /// <param name="u">Coordinates in (0, 1).</param>
    /// <param name="state">Receives the state.</param>
    public void FromUnitCube(ReadOnlySpan<double> u, Span<double> state)
    {
        for (int i = 0; i < min.Length; i++)
        {
            state[i] = min[i] + (u[i] * (max[i] - min[i]));
        }
    }

    /// <inheritdoc />
    public void Sample(Rng rng, Span<double> state)
    {
        ArgumentNullException.ThrowIfNull(rng);
        for (int i = 0; i < min.Length; i++)
        {
            state[i] = rng.NextUniform(min[i], max[i]);
        }
    }

    /// <inheritdoc />
    public double LogDensity(ReadOnlySpan<double> state)
    {
        for (int i = 0; i < min.Length; i++)
        {
            if (state[i] < min[i] || state[i] > max[i])
            {
                return double.NegativeInfinity;
            }
        }

        return logDensity;
    }
}
