using Robotics.Control.Risk;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Randomness;

namespace Robotics.Control.Tests.Risk;

/// <summary>
/// Randomised quasi-Monte Carlo sampling from the distribution (the risk gate's default): the transport map and the
/// accuracy of a tail probability in the gate's 6 dimensions, against scipy (tests/golden/risk/half_plane_probability.py).
/// </summary>
public sealed class QuasiMonteCarloTests
{
    // The gate's deviation: estimate error [0.03, 0.03, 0.02, 0.03], acceleration bias 0.15, steering bias 0.03.
    private static GaussianInitialDistribution Deviation() => new(new double[6], Matrix.Diagonal(
        0.03 * 0.03, 0.03 * 0.03, 0.02 * 0.02, 0.03 * 0.03, 0.15 * 0.15, 0.03 * 0.03));

    // A box covering the half-plane x >= 0.23 (footprint 0.2): collision at step 0 iff x >= 0.03, P = sf(1).
    private static IPlanarObstacle[] HalfPlane() => [new ConvexPolygonObstacle([(0.23, -100), (100, -100), (100, 100), (0.23, 100)])];

    private const double SfOne = 1.5865525393e-01; // scipy norm.sf(1)

    [Theory]
    [InlineData(0.975, 1.959963984540054)] // scipy norm.ppf(0.975)
    [InlineData(0.001, -3.090232306167813)] // scipy norm.ppf(0.001)
    [InlineData(0.5, 0.0)]
    public void FromUnitCube_Gaussian_IsMeanPlusSigmaTimesQuantile(double u, double quantile)
    {
        var g = new GaussianInitialDistribution([1.0, -2.0], Matrix.Diagonal(4.0, 0.25));
        var x = new double[2];
        g.FromUnitCube([u, u], x);
        Assert.Equal(1.0 + (2.0 * quantile), x[0], 8);
        Assert.Equal(-2.0 + (0.5 * quantile), x[1], 8);
    }

    [Fact]
    public void QuasiMonteCarlo_MassesSumToOne_AndLogVolumeIsConsistent()
    {
        var set = new DensitySampleSet(500, 6);
        DensitySampling.QuasiMonteCarlo(Deviation(), new Rng(3), set);
        double sum = 0;
        for (int i = 0; i < set.Count; i++)
        {
            sum += set.Masses[i];
            Assert.Equal(Math.Log(set.Masses[i]), set.LogDensities[i] + set.LogVolumes[i], 10);
        }

        Assert.Equal(1.0, sum, 12);
    }

    [Fact]
    public void QuasiMonteCarlo_SixDimensionalTail_Within3PercentWith1000Samples()
    {
        var dynamics = new LinearClosedLoopDynamics(new Matrix(6, 6));
        var estimator = new CollisionRiskEstimator(6, new CollisionRiskOptions { Samples = 1000, FootprintRadius = 0.2, QuasiMonteCarlo = true });
        for (int seed = 0; seed < 5; seed++)
        {
            estimator.Evaluate(dynamics, Deviation(), HalfPlane(), 0.1, 1, new Rng((ulong)seed));
            Assert.InRange(estimator.StepRisk[0], SfOne * 0.97, SfOne * 1.03);
            Assert.InRange(estimator.StepRisk[1], SfOne * 0.97, SfOne * 1.03); // nothing moves: A = 0
        }
    }

    [Fact]
    public void QuasiMonteCarlo_OffsetDistribution_MovesTheSamples()
    {
        var offset = new OffsetInitialDistribution(Deviation());
        offset.SetCenter([0.03, 0, 0, 0, 0, 0]); // the estimate 0.03 m closer: the edge is now at the mean, P = 0.5
        var dynamics = new LinearClosedLoopDynamics(new Matrix(6, 6));
        var estimator = new CollisionRiskEstimator(6, new CollisionRiskOptions { Samples = 1000, FootprintRadius = 0.2, QuasiMonteCarlo = true });
        estimator.Evaluate(dynamics, offset, HalfPlane(), 0.1, 1, new Rng(9));
        Assert.InRange(estimator.StepRisk[0], 0.5 * 0.97, 0.5 * 1.03);
    }

    [Fact]
    public void QuasiMonteCarlo_Check_AllocatesNothingInSteadyState()
    {
        var dynamics = new LinearClosedLoopDynamics(new Matrix(6, 6));
        var estimator = new CollisionRiskEstimator(6, new CollisionRiskOptions { Samples = 1000, FootprintRadius = 0.2, QuasiMonteCarlo = true });
        var initial = Deviation();
        var obstacles = HalfPlane();
        var rng = new Rng(5);
        estimator.Evaluate(dynamics, initial, obstacles, 0.1, 20, rng); // warm-up (JIT, buffers)
        long before = GC.GetAllocatedBytesForCurrentThread();
        estimator.Evaluate(dynamics, initial, obstacles, 0.1, 20, rng);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
