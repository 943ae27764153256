using Robotics.Control.Mip.Bounds;
using Robotics.Control.Mip.Networks;
using Robotics.Control.Mip.Planning;
using Robotics.Core.Randomness;

namespace Robotics.Control.Mip.Tests;

/// <summary>LP bound tightening (OBBT) soundness, and the trust region around a warm-start plan.</summary>
public sealed class BoundTighteningTests
{
    [Theory]
    [InlineData(77UL, false)]
    [InlineData(78UL, true)]
    public void Tighten_RandomNetwork_BoundsContainSampledRolloutsAndNarrowPropagation(ulong seed, bool perStepBox)
    {
        const int n = 3, m = 2, h = 5;
        var folded = FoldedReluNetwork.Fold(TestNetworks.Random(seed, n, m, [8, 8], mixed: true));
        int k = folded.ReluCount;
        double[] x0 = [0.1, -0.2, 0.3];
        var ul = new double[h * m];
        var uh = new double[h * m];
        var rng = new Rng(seed + 1);
        for (int i = 0; i < ul.Length; i++)
        {
            // Either the same box every step or a trust-region-like box around a random plan.
            double c = perStepBox ? rng.NextUniform(-0.5, 0.5) : 0;
            ul[i] = c - (perStepBox ? 0.3 : 1);
            uh[i] = c + (perStepBox ? 0.3 : 1);
        }

        var inf = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var preLo = new double[h * k];
        var preHi = new double[h * k];
        var stLo = new double[(h + 1) * n];
        var stHi = new double[(h + 1) * n];
        folded.PropagateHorizon(x0, ul, uh, h, inf.Select(v => -v).ToArray(), inf, preLo, preHi, stLo, stHi);
        var propagatedLo = (double[])preLo.Clone();
        var propagatedHi = (double[])preHi.Clone();

        int lps = LpBoundTightener.Tighten(folded, x0, ul, uh, h, h, preLo, preHi, stLo, stHi);

        Assert.True(lps > 0);
        double widthBefore = 0, widthAfter = 0;
        for (int i = 0; i < preLo.Length; i++)
        {
            Assert.True(preLo[i] >= propagatedLo[i] && preHi[i] <= propagatedHi[i], $"OBBT must not loosen bound {i}");
            widthBefore += propagatedHi[i] - propagatedLo[i];
            widthAfter += preHi[i] - preLo[i];
        }

        Assert.True(widthAfter < widthBefore, $"OBBT should narrow some bound over {h} steps (width {widthAfter} vs {widthBefore})");

        // Independent check: every sampled trajectory's pre-activations lie inside the tightened bounds.
        var sample = new Rng(seed + 2);
        var pre = new double[k];
        var u = new double[m];
        for (int s = 0; s < 4000; s++)
        {
            var x = (double[])x0.Clone();
            for (int t = 0; t < h; t++)
            {
                for (int j = 0; j < m; j++)
                {
                    double lo = ul[t * m + j], hi = uh[t * m + j];
                    // Half bang-bang (corners are where bounds are tight), half uniform.
                    u[j] = s % 2 == 0 ? (sample.NextDouble() < 0.5 ? lo : hi) : sample.NextUniform(lo, hi);
                }

                folded.Step(x, u, x, pre);
                for (int r = 0; r < k; r++) Assert.InRange(pre[r], preLo[t * k + r] - 1e-9, preHi[t * k + r] + 1e-9);
            }
        }
    }

    private static MipMpcOptions Options(MipBackend backend, double delta) => new()
    {
        Horizon = 3,
        InputLow = [-1.0],
        InputHigh = [1.0],
        StateWeights = [1.0, 1.0],
        TerminalWeights = [3.0, 3.0],
        InputWeights = [0.01],
        Backend = backend,
        RelativeGap = 1e-7,
        TrustRegion = [delta],
        TimeLimit = TimeSpan.FromSeconds(30),
    };

    [Theory]
    [InlineData(MipBackend.Highs, MipBoundTightening.Propagation)]
    [InlineData(MipBackend.Highs, MipBoundTightening.Lp)]
    [InlineData(MipBackend.Cbc, MipBoundTightening.Lp)]
    [InlineData(MipBackend.Scip, MipBoundTightening.Propagation)]
    public void Plan_TrustRegion_StaysInRegionAndIsAtLeastAsGoodAsEveryGridPlanInIt(MipBackend backend, MipBoundTightening tightening)
    {
        const double delta = 0.3;
        var net = TestNetworks.Random(31UL, 2, 1, [6, 5], mixed: true);
        double[] x0 = [0.1, -0.1];
        double[] goal = [0.6, 0.3];
        double[] warm = [0.2, -0.4, 0.5];
        var o = Options(backend, delta) with { BoundTightening = tightening };

        var result = new MipMpcPlanner(net, o).Plan(x0, goal, warm);

        Assert.Equal(MipPlanStatus.Optimal, result.Status);
        for (int t = 0; t < 3; t++) Assert.InRange(result.Controls[t], warm[t] - delta - 1e-9, warm[t] + delta + 1e-9);
        double independent = TestNetworks.Cost(net, x0, goal, result.Controls, 3, o.StateWeights, o.TerminalWeights!, o.InputWeights);
        Assert.Equal(independent, result.Objective, 6);
        Assert.True(result.Objective <= TestNetworks.Cost(net, x0, goal, warm, 3, o.StateWeights, o.TerminalWeights!, o.InputWeights) + 1e-9);
        // Brute force over a 21-point grid per step inside the region (9261 plans): none beats the MIP.
        double best = double.PositiveInfinity;
        var plan = new double[3];
        for (int a = 0; a <= 20; a++)
        {
            for (int b = 0; b <= 20; b++)
            {
                for (int c = 0; c <= 20; c++)
                {
                    plan[0] = warm[0] - delta + a * delta / 10;
                    plan[1] = warm[1] - delta + b * delta / 10;
                    plan[2] = warm[2] - delta + c * delta / 10;
                    best = Math.Min(best, TestNetworks.Cost(net, x0, goal, plan, 3, o.StateWeights, o.TerminalWeights!, o.InputWeights));
                }
            }
        }

        Assert.True(result.Objective <= best + 1e-6, $"MIP {result.Objective} vs grid {best}");
    }

    [Fact]
    public void Plan_HighsWarmStartAtOptimum_ReturnsWarmStartAsOptimal()
    {
        // The global optimum as warm start: nothing in the region beats it, so HiGHS under the warm start's cost as
        // cutoff finds no better plan, and the planner must return the warm start as optimal (not as a fallback).
        var net = TestNetworks.Random(31UL, 2, 1, [6, 5], mixed: true);
        double[] x0 = [0.1, -0.1];
        double[] goal = [0.6, 0.3];
        var o = Options(MipBackend.Highs, 0.3);
        var global = new MipMpcPlanner(net, o with { TrustRegion = null }).Plan(x0, goal);
        Assert.Equal(MipPlanStatus.Optimal, global.Status);

        var result = new MipMpcPlanner(net, o).Plan(x0, goal, global.Controls);

        Assert.Equal(MipPlanStatus.Optimal, result.Status);
        Assert.False(result.UsedFallback);
        Assert.Equal(global.Objective, result.Objective, 6);
    }
}
