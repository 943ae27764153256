namespace Robotics.Control.Risk;

/// <summary>
/// A distribution that can be reached from the unit cube by a transport map (inverse CDFs, the Rosenblatt transform):
/// points spread evenly over [0, 1)^n become samples that follow the distribution, which is what
/// <see cref="DensitySampling.QuasiMonteCarlo"/> needs.
/// </summary>
public interface IUnitCubeMap
{
    /// <summary>True when <see cref="FromUnitCube"/> is available (a wrapper may not support it for every inner distribution).</summary>
    bool SupportsUnitCubeMap { get; }

    /// <summary>Maps a point of the open unit cube to a state.</summary>
    /// <param name="u">Coordinates in (0, 1), one per dimension.</param>
    /// <param name="state">Receives the state.</param>
    void FromUnitCube(ReadOnlySpan<double> u, Span<double> state);
}
