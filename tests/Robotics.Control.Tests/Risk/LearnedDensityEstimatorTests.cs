using Robotics.Control.Risk;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Randomness;

namespace Robotics.Control.Tests.Risk;

public sealed class LearnedDensityEstimatorTests
{
    // A network whose hidden layer is silent (zero weights, zero bias: tanh(0) = 0) and whose last layer is a bias
    // only: x_t = x0 + (t / T) · s ⊙ o = x0 + c t when o = c T / s, and no log-density change. That is the exact flow
    // of x' = c (divergence 0), so the learned estimator must reproduce the analytic one on that system.
    private static LearnedDensityNetwork ConstantDrift(double cx, double cy, double horizon = 2.0)
    {
        double[] outputScale = [0.5, 0.25];
        return new LearnedDensityNetwork("drift", horizon, [0.0, 2.0], [1.5, 1.5], outputScale, 1.0,
            [new double[3], new double[3]], [[0.0], [cx * horizon / outputScale[0], cy * horizon / outputScale[1], 0.0]]);
    }

    [Fact]
    public void Evaluate_HandComputedNetwork_MatchesFormula()
    {
        // n = 1, hidden width 1: z = [(3 - 1) / 2, 2 / 4] = [1, 0.5]; h = tanh(1·1 + 2·0.5 + 0.5) = tanh(2.5);
        // o = [3h + 0.1, 4h - 0.2]; x_t = 3 + 0.5 · 0.5 · o0; Δlog ρ = 0.5 · 2 · o1 (python3 math.tanh: 3.764960723613573, 3.746457192605721).
        var network = new LearnedDensityNetwork("hand", 4.0, [1.0], [2.0], [0.5], 2.0, [[1.0, 2.0], [3.0, 4.0]], [[0.5], [0.1, -0.2]]);
        var xt = new double[1];
        double g = network.Evaluate([3.0], 2.0, xt);
        Assert.Equal(3.764960723613573, xt[0], 14);
        Assert.Equal(3.746457192605721, g, 14);
    }

    [Fact]
    public void EvaluateBatch_EqualsPerSampleEvaluate()
    {
        // Random 3 -> 16 -> 16 -> 3 network; the batched path uses a different tanh formula, so equality to rounding.
        var rng = new Rng(12);
        double[] Random(int length) => Enumerable.Range(0, length).Select(_ => rng.NextGaussian(0, 0.8)).ToArray();
        var network = new LearnedDensityNetwork("random", 2.0, [0.1, 1.9], [1.5, 1.2], [0.7, 0.4], 1.3,
            [Random(48), Random(256), Random(48)], [Random(16), Random(16), Random(3)]);
        const int count = 150; // two full blocks and a partial one
        var x0 = Random(count * 2);
        var states = new double[count * 2];
        var changes = new double[count];
        network.EvaluateBatch(x0, count, 1.3, states, changes);
        var xt = new double[2];
        for (int i = 0; i < count; i++)
        {
            double g = network.Evaluate(x0.AsSpan(2 * i, 2), 1.3, xt);
            Assert.Equal(g, changes[i], 12);
            Assert.Equal(xt[0], states[2 * i], 12);
            Assert.Equal(xt[1], states[(2 * i) + 1], 12);
        }
    }

    [Fact]
    public void Propagate_KeepsMassAndMovesVolumeOppositeToDensity()
    {
        // Hidden silent, log-density output bias 0.3 with scale 2: Δlog ρ = (t / T) · 2 · 0.3 = 0.3 at t = T / 2.
        var network = new LearnedDensityNetwork("g", 2.0, [0.0, 0.0], [1.0, 1.0], [1.0, 1.0], 2.0,
            [new double[3], new double[3]], [[0.0], [0.0, 0.0, 0.3]]);
        var estimator = new LearnedDensityEstimator(network);
        var initial = new DensitySampleSet(50, 2);
        DensitySampling.DensityWeighted(new GaussianInitialDistribution([0, 0], Matrix.Diagonal(1, 1)), new Rng(1), initial);
        var later = new DensitySampleSet(50, 2);
        estimator.Propagate(initial, 1.0, later);
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(initial.LogDensities[i] + 0.3, later.LogDensities[i], 12);
            Assert.Equal(initial.LogVolumes[i] - 0.3, later.LogVolumes[i], 12);
            Assert.Equal(initial.Masses[i], later.Masses[i]);
            Assert.Equal(initial.States[2 * i], later.States[2 * i]);
        }

        var states = new double[3 * 50 * 2];
        var logs = new double[3 * 50];
        estimator.PropagateHorizon(initial.States, initial.LogDensities, 50, 1.0, 2, states, logs);
        Assert.Equal(initial.LogDensities[7], logs[7], 12);
        Assert.Equal(initial.LogDensities[7] + 0.3, logs[50 + 7], 12);
        Assert.Equal(initial.LogDensities[7] + 0.6, logs[100 + 7], 12);
    }

    [Fact]
    public void LearnedRisk_WithExactFlowNetwork_EqualsAnalyticRisk()
    {
        // x' = c = (0.8, -0.9) carries the N([0, 2], 0.09 I) cloud into the disc of the risk tests; RK4 is exact for a
        // constant field, so both estimators see the same states up to rounding.
        var network = ConstantDrift(0.8, -0.9);
        var options = new CollisionRiskOptions { Samples = 4096, FootprintRadius = 0.1 };
        var initial = new GaussianInitialDistribution([0.0, 2.0], Matrix.Diagonal(0.09, 0.09));
        IPlanarObstacle[] disc = [new CircleObstacle(1.6, 0.27, 0.2)];
        var learned = new LearnedCollisionRiskEstimator(network, options);
        var learnedRisk = learned.Evaluate(initial, disc, 0.1, 20, new Rng(9));
        var analytic = new CollisionRiskEstimator(2, options);
        var analyticRisk = analytic.Evaluate(new LinearClosedLoopDynamics(new Matrix(2, 2), [0.8, -0.9]), initial, disc, 0.1, 20, new Rng(9));
        Assert.True(analyticRisk.AnyStep > 0.01, "the scenario must collide for the comparison to mean something");
        Assert.Equal(analyticRisk.AnyStep, learnedRisk.AnyStep, 9);
        for (int k = 0; k <= 20; k++)
        {
            Assert.Equal(analytic.StepRisk[k], learned.StepRisk[k], 9);
        }
    }

    [Fact]
    public void LearnedRisk_AllocatesNothingInSteadyState()
    {
        var learned = new LearnedCollisionRiskEstimator(ConstantDrift(0.8, -0.9), new CollisionRiskOptions { Samples = 1000, FootprintRadius = 0.1 });
        var initial = new GaussianInitialDistribution([0.0, 2.0], Matrix.Diagonal(0.09, 0.09));
        IPlanarObstacle[] disc = [new CircleObstacle(1.6, 0.27, 0.2)];
        var rng = new Rng(4);
        learned.Evaluate(initial, disc, 0.1, 20, rng);
        long before = GC.GetAllocatedBytesForCurrentThread();
        learned.Evaluate(initial, disc, 0.1, 20, rng);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Load_WrongFormat_NamesTheField()
    {
        string path = Path.Combine(Path.GetTempPath(), $"density-bad-{Environment.ProcessId}.json");
        try
        {
            File.WriteAllText(path, "{\"format\": \"other/1\"}");
            var e = Assert.Throws<ArgumentException>(() => LearnedDensityNetwork.Load(path));
            Assert.Contains("'format'", e.Message);
            var wrongShape = Assert.Throws<ArgumentException>(() => new LearnedDensityNetwork("x", 1, [0.0], [1.0], [1.0], 1, [[1.0, 2.0, 3.0]], [[0.0]]));
            Assert.Contains("Layer 0", wrongShape.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
