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

    // 2-D x' = u with Q = R = I: the Riccati equation P^2 = I gives P = I, V = |x|^2. One step "decreases" except in
    // the thin cone |x2| < 0.05 |x1| (about 3 % of directions) where it fails once |x| > 0.5, i.e. V > 0.25.
    // With ~30 cone rays and 40 levels per ray (each up to the current bound), the smallest failing V lies in
    // (0.25, 0.25 + bound/40]: after the first cone hit the bound is at most ~0.28, so below 0.3. The level is the
    // largest passing V below it; passes exist at every level on the other rays, so it is well above 0.2.
    private static readonly ModeLqr s_plane = ModeLqr.Continuous(0.0, [0, 0], [0, 0], Matrix.Diagonal(0.0, 0.0), Matrix.Diagonal(1.0, 1.0), Matrix.Diagonal(1.0, 1.0), Matrix.Diagonal(1.0, 1.0));

    [Fact]
    public void ShrinkToDecrease_ThinNonDecreaseCone_LevelBelowItsSmallestV()
    {
        static bool Decreases(double[] x) => !(Math.Abs(x[1]) < 0.05 * Math.Abs(x[0]) && x[0] * x[0] + x[1] * x[1] > 0.25);
        var options = new RoaEstimatorOptions { SampleLower = [-1, -1], SampleUpper = [1, 1], DecreaseRays = 1000, DecreaseLevelsPerRay = 40 };
        var (level, smallestFailing, count) = RoaEstimator.ShrinkToDecrease(s_plane, Decreases, 1.0, options, new Rng(3));
        Assert.True(smallestFailing > 0.25 - 1e-9 && smallestFailing < 0.3, $"smallest failing V {smallestFailing}");
        Assert.True(level < smallestFailing, $"level {level} must be below the smallest failing V {smallestFailing}");
        Assert.True(level > 0.2, $"level {level} is needlessly small");
        Assert.True(count > 1000);
    }

    [Fact]
    public void ShrinkToDecrease_DecreaseEverywhere_KeepsLevel()
    {
        var options = new RoaEstimatorOptions { SampleLower = [-1, -1], SampleUpper = [1, 1], DecreaseRays = 50 };
        var (level, smallestFailing, _) = RoaEstimator.ShrinkToDecrease(s_plane, _ => true, 0.7, options, new Rng(4));
        Assert.Equal(0.7, level);
        Assert.True(double.IsPositiveInfinity(smallestFailing));
    }
}
