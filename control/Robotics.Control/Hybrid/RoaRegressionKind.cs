namespace Robotics.Control.Hybrid;

/// <summary>How <see cref="RoaLevelRegressor"/> predicts c(p) between sampled mode parameters.</summary>
public enum RoaRegressionKind
{
    /// <summary>The smaller of the two neighbouring sampled levels (conservative, piecewise constant).</summary>
    LowerEnvelope,

    /// <summary>Linear interpolation between the neighbouring sampled levels.</summary>
    PiecewiseLinear,

    /// <summary>A least-squares line c = a + b p over all samples, capped at the smaller neighbouring sample and at 0 from below.</summary>
    LeastSquaresLine,
}
