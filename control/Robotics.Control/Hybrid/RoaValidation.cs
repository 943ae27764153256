namespace Robotics.Control.Hybrid;

/// <summary>A RoA estimate checked against a dense sample set (see <see cref="RoaEstimator.Validate"/>).</summary>
/// <param name="Parameter">The mode parameter p.</param>
/// <param name="Level">The estimated level under test.</param>
/// <param name="DenseLevel">The line-search level on the dense set (the dense empirical RoA).</param>
/// <param name="DenseSamples">Dense samples rolled out.</param>
/// <param name="Inside">Dense samples with V &lt;= Level.</param>
/// <param name="InsideDiverging">Dense samples with V &lt;= Level that did not converge (should be 0).</param>
/// <param name="Converging">Dense samples that converged.</param>
/// <param name="InsideDenseLevel">Dense samples with V &lt;= DenseLevel.</param>
/// <param name="StateSize">State dimension n (for the volume ratio).</param>
public sealed record RoaValidation(double Parameter, double Level, double DenseLevel, int DenseSamples, int Inside, int InsideDiverging,
    int Converging, int InsideDenseLevel, int StateSize)
{
    /// <summary>Conservativeness in level: Level / DenseLevel (1 = as large as the dense estimate; NaN if that is 0).</summary>
    public double LevelRatio => DenseLevel > 0 ? Level / DenseLevel : double.NaN;

    /// <summary>Conservativeness in volume: the ellipsoid volume ratio (Level / DenseLevel)^(n/2).</summary>
    public double VolumeRatio => DenseLevel > 0 ? Math.Pow(Level / DenseLevel, 0.5 * StateSize) : double.NaN;

    /// <summary>Fraction of all converging dense samples that the estimate contains.</summary>
    public double ConvergingCovered => Converging == 0 ? double.NaN : (double)(Inside - InsideDiverging) / Converging;
}
