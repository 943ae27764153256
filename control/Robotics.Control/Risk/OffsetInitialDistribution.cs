using Robotics.Core.Randomness;

namespace Robotics.Control.Risk;

/// <summary>
/// A distribution of deviations moved to a settable centre: x = centre + d with d from the inner distribution. Lets a
/// risk gate reuse one zero-mean distribution every tick (the centre is the current state estimate) without allocating.
/// </summary>
public sealed class OffsetInitialDistribution : IInitialDistribution, IUnitCubeMap
{
    private readonly IInitialDistribution inner;
    private readonly double[] offset;
    private readonly double[] boxMin;
    private readonly double[] boxMax;

    /// <summary>Wraps <paramref name="deviation"/> (typically zero-mean); the centre starts at zero.</summary>
    /// <param name="deviation">The distribution of the deviation from the centre.</param>
    public OffsetInitialDistribution(IInitialDistribution deviation)
    {
        ArgumentNullException.ThrowIfNull(deviation);
        inner = deviation;
        offset = new double[deviation.Dimension];
        boxMin = new double[deviation.Dimension];
        boxMax = new double[deviation.Dimension];
        SetCenter(offset);
    }

    /// <inheritdoc />
    public int Dimension => inner.Dimension;

    /// <inheritdoc />
    public IReadOnlyList<double> BoxMin => boxMin;

    /// <inheritdoc />
    public IReadOnlyList<double> BoxMax => boxMax;

    /// <inheritdoc />
    public double MassOutsideBox => inner.MassOutsideBox;

    /// <summary>Moves the distribution: x = <paramref name="center"/> + deviation.</summary>
    /// <param name="center">The centre (length <see cref="Dimension"/>).</param>
    public void SetCenter(ReadOnlySpan<double> center)
    {
        if (center.Length != Dimension)
        {
            throw new ArgumentException($"centre has length {center.Length}, the distribution dimension {Dimension}.", nameof(center));
        }

        for (int i = 0; i < Dimension; i++)
        {
            offset[i] = center[i];
            boxMin[i] = inner.BoxMin[i] + center[i];
            boxMax[i] = inner.BoxMax[i] + center[i];
        }
    }

    /// <inheritdoc />
    public bool SupportsUnitCubeMap => inner is IUnitCubeMap { SupportsUnitCubeMap: true };

    /// <summary>The inner distribution's map, moved by the centre (requires <see cref="SupportsUnitCubeMap"/>).</summary>
    /// <param name="u">Coordinates in (0, 1).</param>
    /// <param name="state">Receives the state.</param>
    public void FromUnitCube(ReadOnlySpan<double> u, Span<double> state)
    {
        if (inner is not IUnitCubeMap map)
        {
            throw new InvalidOperationException("The inner distribution has no unit-cube map; check SupportsUnitCubeMap first.");
        }

        map.FromUnitCube(u, state);
        for (int i = 0; i < Dimension; i++)
        {
            state[i] += offset[i];
        }
    }

    /// <inheritdoc />
    public void Sample(Rng rng, Span<double> state)
    {
        inner.Sample(rng, state);
        for (int i = 0; i < Dimension; i++)
        {
            state[i] += offset[i];
        }
    }

    /// <inheritdoc />
    public double LogDensity(ReadOnlySpan<double> state)
    {
        Span<double> d = stackalloc double[Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            d[i] = state[i] - offset[i];
        }

        return inner.LogDensity(d);
    }
}
