namespace Robotics.Control.Hybrid;

/// <summary>Options of <see cref="RoaEstimator"/>.</summary>
public sealed record RoaEstimatorOptions
{
    /// <summary>Number of seeded samples (uniform in the box x* + [lower, upper]). Default 400.</summary>
    public int SampleCount { get; init; } = 400;

    /// <summary>Lower corner of the sampling box as a deviation from x* (n entries).</summary>
    public required double[] SampleLower { get; init; }

    /// <summary>Upper corner of the sampling box as a deviation from x* (n entries).</summary>
    public required double[] SampleUpper { get; init; }

    /// <summary>
    /// Second-stage samples drawn inside the ellipsoid {V &lt;= D}, D = the smallest diverging level of the box stage
    /// (directions x - x* = t z, z Gaussian scaled by the box half-widths, t chosen so that V is uniform in [0, D]);
    /// they make the line search dense in V where it matters. 0 = box samples only. Default 0.
    /// </summary>
    public int EllipsoidSampleCount { get; init; }

    /// <summary>If &gt; 0, ALL samples are drawn in the ellipsoid with V uniform in [0, this level] (used for dense checks). Default 0.</summary>
    public double EllipsoidMaxLevel { get; init; }

    /// <summary>
    /// Rays of the one-step decrease scan (<see cref="RoaEstimator.ShrinkToDecrease"/>), used when the rollout also
    /// implements <see cref="ILyapunovStepCheck"/>; 0 = no scan. Default 0.
    /// </summary>
    public int DecreaseRays { get; init; }

    /// <summary>Levels checked per ray of the decrease scan (uniform in V up to the current bound). Default 40.</summary>
    public int DecreaseLevelsPerRay { get; init; } = 40;

    /// <summary>The reported level is this factor times the line-search level (in (0, 1]; below 1 is more conservative). Default 1.</summary>
    public double SafetyFactor { get; init; } = 1.0;
}
