using Robotics.Control.Risk;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Randomness;

namespace Robotics.Control.Tests.Risk;

public sealed class CollisionRiskEstimatorTests
{
    // x' = A x with A = [[-0.5, 1], [0, -1]] (upper triangular, so exp(A t) is known in closed form), x0 ~ N([0, 2], 0.09 I).
    private static readonly Matrix A = Matrix.FromRows([-0.5, 1.0], [0.0, -1.0]);
    private static readonly double[] Mean0 = [0.0, 2.0];

    // From tests/golden/risk/disc_probability.py (scipy dblquad over the disc): P at T = 2 s.
    private const double DiscProbabilityAt2s = 1.6623284725e-02;

    private static GaussianInitialDistribution Initial() => new(Mean0, Matrix.Diagonal(0.09, 0.09));

    private static IPlanarObstacle[] Disc() => [new CircleObstacle(1.6, 0.27, 0.2)];

    private static CollisionRiskOptions Options(int samples, bool densityWeighted) =>
        new() { Samples = samples, FootprintRadius = 0.1, DensityWeighted = densityWeighted };

    [Fact]
    public void Propagated_log_density_equals_the_closed_form_gaussian()
    {
        // exp(A t) for A = [[a, b], [0, d]] is [[e^{at}, b (e^{at} - e^{dt}) / (a - d)], [0, e^{dt}]].
        const double t = 2.0;
        double e1 = Math.Exp(-0.5 * t);
        double e2 = Math.Exp(-t);
        var phi = Matrix.FromRows([e1, (e1 - e2) / 0.5], [0, e2]);
        var exact = new GaussianInitialDistribution((phi * Matrix.Column(Mean0)).Data.ToArray(), phi * Matrix.Diagonal(0.09, 0.09) * phi.Transpose());
        var set = new DensitySampleSet(200, 2);
        DensitySampling.MonteCarlo(Initial(), new Rng(1), set);
        var x0 = (double[])set.States.Clone();
        var propagator = new LiouvilleDensityPropagator(2);
        var dynamics = new LinearClosedLoopDynamics(A);
        for (int k = 0; k < 200; k++)
        {
            propagator.Step(dynamics, k * 0.01, 0.01, set);
        }

        for (int i = 0; i < set.Count; i++)
        {
            var x = set.State(i);
            // RK4 at 10 ms: global error of order 1e-10.
            Assert.True(Math.Abs((e1 * x0[2 * i]) + ((e1 - e2) / 0.5 * x0[(2 * i) + 1]) - x[0]) < 1e-8);
            Assert.True(Math.Abs((e2 * x0[(2 * i) + 1]) - x[1]) < 1e-8);
            Assert.True(Math.Abs(exact.LogDensity(x) - set.LogDensities[i]) < 1e-6, $"sample {i}: {exact.LogDensity(x)} vs {set.LogDensities[i]}");
        }
    }

    [Fact]
    public void Density_weighted_estimate_matches_quadrature_and_million_sample_monte_carlo()
    {
        var dynamics = new LinearClosedLoopDynamics(A);
        var density = new CollisionRiskEstimator(2, Options(4096, densityWeighted: true));
        var risk = density.Evaluate(dynamics, Initial(), Disc(), 0.1, 20, new Rng(2026).Fork("density"));

        // Stated error: within 5 % of the quadrature value with 4096 samples (box +-5 sigma; truncation < 1e-5).
        Assert.InRange(density.StepRisk[20], DiscProbabilityAt2s * 0.95, DiscProbabilityAt2s * 1.05);
        Assert.True(risk.TruncationError < 1e-5);

        var monteCarlo = new CollisionRiskEstimator(2, Options(1_000_000, densityWeighted: false));
        var truth = monteCarlo.Evaluate(dynamics, Initial(), Disc(), 0.1, 20, new Rng(2026).Fork("mc"));
        double standardError = Math.Sqrt(DiscProbabilityAt2s * (1 - DiscProbabilityAt2s) / 1e6);
        Assert.InRange(monteCarlo.StepRisk[20], DiscProbabilityAt2s - (4 * standardError), DiscProbabilityAt2s + (4 * standardError));

        // Any-step probability has no closed form: compare with the million-sample Monte Carlo (4 SE + 5 %).
        double anyError = Math.Sqrt(truth.AnyStep * (1 - truth.AnyStep) / 1e6);
        Assert.InRange(risk.AnyStep, (truth.AnyStep * 0.95) - (4 * anyError), (truth.AnyStep * 1.05) + (4 * anyError));
        Assert.True(risk.AnyStep >= density.StepRisk[20] - 1e-12, "colliding at some step is at least as likely as at the last one");
    }

    [Fact]
    public void Plan_passes_or_fails_against_the_threshold()
    {
        var dynamics = new LinearClosedLoopDynamics(A);
        var strict = new CollisionRiskEstimator(2, Options(1000, true) with { Threshold = 1e-3 });
        Assert.False(strict.Evaluate(dynamics, Initial(), Disc(), 0.1, 20, new Rng(3)).Passed);
        var lax = new CollisionRiskEstimator(2, Options(1000, true) with { Threshold = 0.2 });
        Assert.True(lax.Evaluate(dynamics, Initial(), Disc(), 0.1, 20, new Rng(3)).Passed);
        var away = new CollisionRiskEstimator(2, Options(1000, true));
        Assert.Equal(0.0, away.Evaluate(dynamics, Initial(), [new CircleObstacle(-5, -5, 0.5)], 0.1, 20, new Rng(3)).AnyStep);
    }

    [Fact]
    public void Risk_check_allocates_nothing_in_steady_state()
    {
        var dynamics = new LinearClosedLoopDynamics(A);
        var estimator = new CollisionRiskEstimator(2, Options(1000, true));
        var initial = Initial();
        var obstacles = Disc();
        var rng = new Rng(4);
        estimator.Evaluate(dynamics, initial, obstacles, 0.1, 20, rng);
        long before = GC.GetAllocatedBytesForCurrentThread();
        estimator.Evaluate(dynamics, initial, obstacles, 0.1, 20, rng);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Polygon_signed_distance_is_negative_inside_and_exact_outside()
    {
        // Unit square given clockwise (it is reordered), moving right at 1 m/s.
        var square = new ConvexPolygonObstacle([(0, 0), (0, 1), (1, 1), (1, 0)], velocityX: 1);
        Assert.Equal(-0.25, square.SignedDistance(0, 0.25, 0.5), 12);
        Assert.Equal(0.5, square.SignedDistance(0, 1.5, 0.5), 12);
        Assert.Equal(Math.Sqrt(2) / 2, square.SignedDistance(0, 1.5, 1.5), 12);
        Assert.Equal(-0.25, square.SignedDistance(1, 1.25, 0.5), 12);
        var e = Assert.Throws<ArgumentException>(() => new ConvexPolygonObstacle([(0, 0), (2, 0), (1, 0.2), (1, 2)]));
        Assert.Contains("not convex", e.Message);
    }
}
