namespace Robotics.Control.Hybrid;

/// <summary>The region-of-attraction estimate {x : V(x) &lt;= Level} of one mode parameter.</summary>
/// <param name="Parameter">The mode parameter p.</param>
/// <param name="Level">The level c(p): every sample with V &lt;= c converged (0 if the sample closest to x* diverged).</param>
/// <param name="SampleCount">Samples rolled out.</param>
/// <param name="ConvergedCount">Samples that converged.</param>
/// <param name="SmallestDivergingLevel">The smallest V of a diverging sample (+infinity if none diverged).</param>
public sealed record RoaEstimate(double Parameter, double Level, int SampleCount, int ConvergedCount, double SmallestDivergingLevel);
