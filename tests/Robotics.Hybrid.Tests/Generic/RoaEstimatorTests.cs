using Robotics.Control.Hybrid;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Randomness;
using Xunit;

namespace Robotics.Hybrid.Tests.Generic;

public sealed class RoaEstimatorTests
{
    [Fact]
    public void LevelSetLineSearch_TakesLargestConvergedBelowSmallestDiverging()
    {
        // Smallest diverging V is 2.0; converged levels below it: 0.5, 1.0, 1.5 -> 1.5 (the 3.0 sample is beyond).
        double level = RoaEstimator.LevelSetLineSearch([0.5, 1.0, 2.0, 1.5, 3.0], [true, true, false, true, true]);
        Assert.Equal(1.5, level);
        Assert.Equal(0.0, RoaEstimator.LevelSetLineSearch([0.1, 0.2], [false, true]));
        Assert.Equal(0.2, RoaEstimator.LevelSetLineSearch([0.1, 0.2], [true, true]));
    }

    // x' = x^3 + u with the LQR of x' = u (Q = R = 1: P = 1, K = 1): closed loop x' = -x + x^3 converges iff |x| < 1,
    // so the true RoA level of V = x^2 is exactly 1.
    private static readonly ModeLqr s_cubic = ModeLqr.Continuous(0.0, [0], [0], Matrix.Diagonal(0.0), Matrix.Diagonal(1.0), Matrix.Diagonal(1.0), Matrix.Diagonal(1.0));
    private static readonly DelegateModeRollout s_cubicRollout = new((_, x) => Math.Abs(x[0]) < 1.0);

    [Fact]
    public void Estimate_CubicSystem_IsBelowTrueLevelAndClose()
    {
        var estimate = RoaEstimator.Estimate(s_cubic, s_cubicRollout, new RoaEstimatorOptions { SampleCount = 400, SampleLower = [-2], SampleUpper = [2] }, new Rng(5));
        Assert.True(estimate.Level < 1.0, $"level {estimate.Level} must be below the true level 1");
        // P(no sample with 0.95 < |x| < 1 among 400 uniform on [-2, 2]) = 0.975^400 ~ 4e-5.
        Assert.True(estimate.Level > 0.95 * 0.95, $"level {estimate.Level}");
        Assert.True(estimate.SmallestDivergingLevel >= 1.0);
    }

    [Fact]
    public void Validate_CubicSystem_NoDivergingSampleInsideAndRatioAtMostOne()
    {
        var estimate = RoaEstimator.Estimate(s_cubic, s_cubicRollout, new RoaEstimatorOptions { SampleCount = 50, SampleLower = [-2], SampleUpper = [2] }, new Rng(6));
        var check = RoaEstimator.Validate(s_cubic, s_cubicRollout, estimate.Level, new RoaEstimatorOptions { SampleCount = 4000, SampleLower = [-2], SampleUpper = [2] }, new Rng(7));
        Assert.Equal(0, check.InsideDiverging);
        Assert.True(check.DenseLevel < 1.0 && check.DenseLevel >= estimate.Level);
        Assert.InRange(check.VolumeRatio, 0.0, 1.0);
    }
}
