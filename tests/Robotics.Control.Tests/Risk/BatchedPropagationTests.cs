using Robotics.Control.Risk;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Randomness;

namespace Robotics.Control.Tests.Risk;

public sealed class BatchedPropagationTests
{
    // The benchmark's closed loop: planar double integrator under PD feedback to a set-point.
    private static LinearClosedLoopDynamics Dynamics() => new(
        Matrix.FromRows([0, 0, 1, 0], [0, 0, 0, 1], [-1, 0, -1.5, 0], [0, -1, 0, -1.5]), [1.0, 0.2, 0, 0]);

    private static GaussianInitialDistribution Initial() => new([0, 0, 1, 0], Matrix.Diagonal(0.04, 0.04, 0.01, 0.01));

    private static IPlanarObstacle[] Obstacles() =>
    [
        new CircleObstacle(1.5, 0.8, 0.3), new CircleObstacle(0.5, -1.0, 0.4, velocityY: 0.3),
        new ConvexPolygonObstacle([(2.0, -0.5), (2.5, -0.5), (2.5, 0.0), (2.0, 0.0)]),
    ];

    [Theory]
    [InlineData(1000)]
    [InlineData(1003)] // not a multiple of the SIMD width: the scalar tail
    [InlineData(3)]
    public void StepBatch_EqualsPerSampleStep_BitForBit(int count)
    {
        var dynamics = Dynamics();
        var perSample = new DensitySampleSet(count, 4);
        DensitySampling.MonteCarlo(Initial(), new Rng(7), perSample);
        var soa = new double[count * 4];
        LiouvilleDensityPropagator.ToStructureOfArrays(perSample.States, count, 4, soa);
        var logDensities = (double[])perSample.LogDensities.Clone();
        var logVolumes = (double[])perSample.LogVolumes.Clone();
        var propagator = new LiouvilleDensityPropagator(4, count);
        for (int k = 0; k < 20; k++)
        {
            propagator.Step(dynamics, k * 0.1, 0.1, perSample);
            propagator.StepBatch(dynamics, k * 0.1, 0.1, soa, count, logDensities, logVolumes);
        }

        var batched = new double[count * 4];
        LiouvilleDensityPropagator.ToRowMajor(soa, count, 4, batched);
        Assert.Equal(perSample.States, batched);
        Assert.Equal(perSample.LogDensities, logDensities);
        Assert.Equal(perSample.LogVolumes, logVolumes);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Estimator_BatchedPath_GivesTheSameRiskAsPerSample(bool densityWeighted)
    {
        var options = new CollisionRiskOptions { Samples = 1000, FootprintRadius = 0.2, DensityWeighted = densityWeighted };
        var batched = new CollisionRiskEstimator(4, options);
        var perSample = new CollisionRiskEstimator(4, options) { ForcePerSample = true };
        var a = batched.Evaluate(Dynamics(), Initial(), Obstacles(), 0.1, 20, new Rng(11));
        var b = perSample.Evaluate(Dynamics(), Initial(), Obstacles(), 0.1, 20, new Rng(11));
        Assert.Equal(b, a);
        Assert.True(a.AnyStep > 0, "the scenario must actually collide for the comparison to mean something");
        Assert.Equal(perSample.StepRisk.ToArray(), batched.StepRisk.ToArray());
        Assert.Equal(perSample.Samples.States, batched.Samples.States);
        Assert.Equal(perSample.Samples.LogDensities, batched.Samples.LogDensities);
    }

    [Fact]
    public void MarkWithin_AgreesWithSignedDistance()
    {
        var rng = new Rng(5);
        var xs = new double[500];
        var ys = new double[500];
        for (int i = 0; i < xs.Length; i++)
        {
            xs[i] = -1 + (4 * rng.NextDouble());
            ys[i] = -2 + (4 * rng.NextDouble());
        }

        foreach (var obstacle in Obstacles())
        {
            var hits = new bool[xs.Length];
            obstacle.MarkWithin(0.7, xs, ys, 0.2, hits);
            for (int i = 0; i < xs.Length; i++)
            {
                Assert.Equal(obstacle.SignedDistance(0.7, xs[i], ys[i]) <= 0.2, hits[i]);
            }
        }
    }
}
