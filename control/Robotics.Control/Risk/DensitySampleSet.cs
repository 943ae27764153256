namespace Robotics.Control.Risk;

/// <summary>
/// Samples of a state distribution carried along the closed-loop flow: each with its state, its log-density
/// log ρ_t(x_t) from the Liouville equation, and the probability mass it stands for. Buffers are allocated once.
/// </summary>
public sealed class DensitySampleSet
{
    /// <summary>Allocates a set of <paramref name="count"/> samples of dimension <paramref name="dimension"/>.</summary>
    /// <param name="count">Number of samples (&gt;= 1).</param>
    /// <param name="dimension">State dimension (&gt;= 1).</param>
    public DensitySampleSet(int count, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        Count = count;
        Dimension = dimension;
        States = new double[count * dimension];
        LogDensities = new double[count];
        Masses = new double[count];
        LogVolumes = new double[count];
    }

    /// <summary>Number of samples.</summary>
    public int Count { get; }

    /// <summary>State dimension.</summary>
    public int Dimension { get; }

    /// <summary>States, row-major (sample i at <c>[i * Dimension, (i + 1) * Dimension)</c>).</summary>
    public double[] States { get; }

    /// <summary>log ρ_t at each sample's current state.</summary>
    public double[] LogDensities { get; }

    /// <summary>
    /// log of the volume of the cell of state space each sample stands for; it grows by ∫∇·f dt, the mirror image of
    /// the log-density, so <c>ρ_t · V_t</c> (the mass) is conserved.
    /// </summary>
    public double[] LogVolumes { get; }

    /// <summary>Probability mass each sample carries (sums to about 1).</summary>
    public double[] Masses { get; }

    /// <summary>The state of sample <paramref name="index"/>.</summary>
    /// <param name="index">Sample index.</param>
    /// <returns>A view of its state.</returns>
    public Span<double> State(int index) => States.AsSpan(index * Dimension, Dimension);
}
