using Robotics.Core.Randomness;

namespace Robotics.Control.Risk;

/// <summary>
/// A distribution of initial states: sampling, its log-density, and a box holding (nearly) all of its mass, which the
/// density-weighted estimator covers evenly.
/// </summary>
public interface IInitialDistribution
{
    /// <summary>Dimension of the state.</summary>
    int Dimension { get; }

    /// <summary>Draws one state.</summary>
    /// <param name="rng">The random stream.</param>
    /// <param name="state">Receives the sample.</param>
    void Sample(Rng rng, Span<double> state);

    /// <summary>log ρ0(x); -inf outside the support.</summary>
    /// <param name="state">x.</param>
    /// <returns>The log-density.</returns>
    double LogDensity(ReadOnlySpan<double> state);

    /// <summary>Lower corner of the box the density-weighted estimator samples.</summary>
    IReadOnlyList<double> BoxMin { get; }

    /// <summary>Upper corner of that box.</summary>
    IReadOnlyList<double> BoxMax { get; }

    /// <summary>Probability mass outside the box (0 for a uniform box; the truncation error of the estimator).</summary>
    double MassOutsideBox { get; }
}
