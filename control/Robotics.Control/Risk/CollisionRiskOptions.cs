namespace Robotics.Control.Risk;

/// <summary>Settings of a <see cref="CollisionRiskEstimator"/>, validated at construction.</summary>
public sealed record CollisionRiskOptions
{
    /// <summary>Samples of the initial distribution (default 1000).</summary>
    public int Samples { get; init; } = 1000;

    /// <summary>Radius of the robot's disc footprint, m (default 0.5): a sample collides when the footprint touches an obstacle.</summary>
    public double FootprintRadius { get; init; } = 0.5;

    /// <summary>Index of the planar x position in the state (default 0).</summary>
    public int PositionXIndex { get; init; }

    /// <summary>Index of the planar y position in the state (default 1).</summary>
    public int PositionYIndex { get; init; } = 1;

    /// <summary>A plan passes when its probability of colliding at any step is at most this (default 1e-2).</summary>
    public double Threshold { get; init; } = 1e-2;

    /// <summary>
    /// Randomised quasi-Monte Carlo samples from the distribution (<see cref="DensitySampling.QuasiMonteCarlo"/>; default
    /// false). When true it takes precedence over <see cref="DensityWeighted"/>; the distribution must support
    /// <see cref="IUnitCubeMap"/>. Use it above two or three dimensions, where density-weighted cells waste most samples.
    /// </summary>
    public bool QuasiMonteCarlo { get; init; }

    /// <summary>Density-weighted samples (default) or plain Monte Carlo.</summary>
    public bool DensityWeighted { get; init; } = true;

    /// <summary>Throws when a setting is out of range; the message names it and the allowed range.</summary>
    /// <param name="dimension">The state dimension the indices refer to.</param>
    public void Validate(int dimension)
    {
        if (Samples < 1)
        {
            throw new ArgumentException($"risk.samples must be >= 1, got {Samples}.");
        }

        if (!(FootprintRadius >= 0) || double.IsInfinity(FootprintRadius))
        {
            throw new ArgumentException($"risk.footprint_radius_m must be a finite number >= 0, got {FootprintRadius}.");
        }

        if (PositionXIndex < 0 || PositionXIndex >= dimension || PositionYIndex < 0 || PositionYIndex >= dimension || PositionXIndex == PositionYIndex)
        {
            throw new ArgumentException($"risk position indices ({PositionXIndex}, {PositionYIndex}) must be two different indices in [0, {dimension - 1}].");
        }

        if (!(Threshold >= 0 && Threshold <= 1))
        {
            throw new ArgumentException($"risk.threshold must be in [0, 1], got {Threshold}.");
        }
    }
}
