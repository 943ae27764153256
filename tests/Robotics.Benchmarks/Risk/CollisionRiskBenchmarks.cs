using BenchmarkDotNet.Attributes;
using Robotics.Control.Risk;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Randomness;

namespace Robotics.Benchmarks.Risk;

/// <summary>
/// One risk check of a 20-step plan with 1000 samples (target: under 2 ms, 0 B): a planar double integrator
/// [x, y, vx, vy] under PD feedback to a moving set-point, a Gaussian initial state, two circles and a polygon.
/// The baseline propagates the same samples without the collision test, through the batched structure-of-arrays path;
/// the per-sample rows are the same work through <see cref="IClosedLoopDynamics"/> one sample at a time (identical results).
/// </summary>
[MemoryDiagnoser]
public class CollisionRiskBenchmarks
{
    private readonly LinearClosedLoopDynamics dynamics = new(
        Matrix.FromRows([0, 0, 1, 0], [0, 0, 0, 1], [-1, 0, -1.5, 0], [0, -1, 0, -1.5]), [1.0, 0.2, 0, 0]);

    private readonly GaussianInitialDistribution initial = new([0, 0, 1, 0], Matrix.Diagonal(0.04, 0.04, 0.01, 0.01));
    private readonly IPlanarObstacle[] obstacles =
    [
        new CircleObstacle(1.5, 0.8, 0.3), new CircleObstacle(0.5, -1.0, 0.4, velocityY: 0.3),
        new ConvexPolygonObstacle([(2.0, -0.5), (2.5, -0.5), (2.5, 0.0), (2.0, 0.0)]),
    ];

    private readonly CollisionRiskEstimator estimator = new(4, new CollisionRiskOptions { Samples = 1000, FootprintRadius = 0.2 });
    private readonly CollisionRiskEstimator qmcEstimator = new(4, new CollisionRiskOptions { Samples = 1000, FootprintRadius = 0.2, QuasiMonteCarlo = true });
    private readonly CollisionRiskEstimator perSampleEstimator = new(4, new CollisionRiskOptions { Samples = 1000, FootprintRadius = 0.2 }) { ForcePerSample = true };
    private readonly DensitySampleSet samples = new(1000, 4);
    private readonly LiouvilleDensityPropagator propagator = new(4, 1000);
    private readonly double[] soa = new double[4000];
    private readonly Rng rng = new(1);

    /// <summary>Sampling and batched Liouville propagation only.</summary>
    [Benchmark(Baseline = true)]
    public double PropagateOnly()
    {
        DensitySampling.DensityWeighted(initial, rng, samples);
        LiouvilleDensityPropagator.ToStructureOfArrays(samples.States, 1000, 4, soa);
        for (int k = 0; k < 20; k++)
        {
            propagator.StepBatch(dynamics, k * 0.1, 0.1, soa, 1000, samples.LogDensities, samples.LogVolumes);
        }

        return samples.LogDensities[0];
    }

    /// <summary>Sampling and per-sample Liouville propagation (through the interface, one sample at a time).</summary>
    [Benchmark]
    public double PropagateOnlyPerSample()
    {
        DensitySampling.DensityWeighted(initial, rng, samples);
        for (int k = 0; k < 20; k++)
        {
            propagator.Step(dynamics, k * 0.1, 0.1, samples);
        }

        return samples.LogDensities[0];
    }

    /// <summary>The full check through the per-sample path.</summary>
    [Benchmark]
    public double RiskCheckPerSample() => perSampleEstimator.Evaluate(dynamics, initial, obstacles, 0.1, 20, rng).AnyStep;

    /// <summary>The full check: sampling, propagation and collision mass at every step.</summary>
    [Benchmark]
    public double RiskCheck20Steps1000Samples() => estimator.Evaluate(dynamics, initial, obstacles, 0.1, 20, rng).AnyStep;

    /// <summary>The same check with randomised quasi-Monte Carlo samples from the distribution (the risk gate's default).</summary>
    [Benchmark]
    public double RiskCheck20Steps1000SamplesQmc() => qmcEstimator.Evaluate(dynamics, initial, obstacles, 0.1, 20, rng).AnyStep;
}
