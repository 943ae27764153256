using Robotics.Control.Mip.Networks;
using Robotics.Control.Mip.Planning;
using Robotics.Core.Randomness;

namespace Robotics.Control.Mip.Tests;

public sealed class FallbackAndBoundsTests
{
    // x' = x + (u) + (-u) + 0.1 = x + 0.1, written with two identity neurons whose interval bounds do not cancel.
    private static ReluDynamicsNetwork Drift() => new(1, 1,
        [new PiecewiseLinearLayer([0, 1, 0, -1], [0, 0], [NeuronKind.Identity, NeuronKind.Identity])],
        [1, 1], [0.1]);

    private static MipMpcOptions Options(double low, double high) => new()
    {
        Horizon = 2,
        InputLow = [-1],
        InputHigh = [1],
        StateLow = [low],
        StateHigh = [high],
        StateWeights = [1],
    };

    [Fact]
    public void Plan_StateBoxUnreachableByIntervalBounds_ReturnsFallbackWithStatus()
    {
        // IBP: x1 in 0 + [-2, 2] + 0.1 = [-1.9, 2.1], which misses [5, 6].
        var planner = new MipMpcPlanner(Drift(), Options(5, 6));
        double[] fallback = [0.25, -0.5];

        var result = planner.Plan([0.0], [5.5], fallback);

        Assert.Equal(MipPlanStatus.FallbackInfeasible, result.Status);
        Assert.True(result.UsedFallback);
        Assert.Equal(fallback, result.Controls);
        Assert.Contains("infeasible", result.Message, StringComparison.Ordinal);
        Assert.Contains("fallback", result.Message, StringComparison.Ordinal);
        // The fallback's cost by rollout: x1 = 0.1, x2 = 0.2 -> |0.1 - 5.5| + |0.2 - 5.5| = 10.7.
        Assert.Equal(10.7, result.Objective, 9);
    }

    // x' = x + relu(u) - relu(u - 0.5): with |u| <= 1 the true step is in [0, 0.5]. Bounds (hand-derived): intervals give
    // [0, 1] - [0, 0.5] = [-0.5, 1]; zonotopes (DeepZ, relu(u) = 0.5 u + 0.25 + 0.25 e1, relu(u - 0.5) = 0.25 u + 0.0625
    // + 0.1875 e2) give 0.1875 +- 0.6875 = [-0.5, 0.875]; their intersection [-0.5, 0.875] admits x1 in [0.6, 0.8].
    private static ReluDynamicsNetwork Clamp() => new(1, 1,
        [new PiecewiseLinearLayer([0, 1, 0, 1], [0, -0.5], [NeuronKind.Relu, NeuronKind.Relu])],
        [1, -1], [0]);

    [Fact]
    public void Plan_AffineDriftOutsideStateBox_IsInfeasibleBeforeSolving()
    {
        // Folded, the two identity neurons cancel exactly: x1 = 0.1 is known before solving, and [0.5, 1] misses it.
        var result = new MipMpcPlanner(Drift(), Options(0.5, 1.0)).Plan([0.0], [0.7], [1.0, 1.0]);

        Assert.Equal(MipPlanStatus.FallbackInfeasible, result.Status);
        Assert.Contains("before solving", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MipBackend.Highs, false)]
    [InlineData(MipBackend.Highs, true)]   // the hint is not passed to HiGHS (it aborted the process)
    [InlineData(MipBackend.Cbc, true)]
    [InlineData(MipBackend.Scip, true)]
    [InlineData(MipBackend.HighsNative, false)]
    [InlineData(MipBackend.HighsNative, true)]   // the start is outside the bounds: HiGHS must not take it as incumbent
    public void Plan_InfeasibleOnlyForTheSolver_ReturnsFallback(MipBackend backend, bool warmStart)
    {
        // The bounds admit x1 in [0.6, 0.8] (see Clamp) but the true x1 is at most 0.5: only the solver can see the
        // program is infeasible.
        var planner = new MipMpcPlanner(Clamp(), Options(0.6, 0.8) with { Backend = backend, WarmStart = warmStart });
        double[] fallback = [1, 1];

        var result = planner.Plan([0.0], [0.7], fallback);

        Assert.Equal(MipPlanStatus.FallbackInfeasible, result.Status);
        Assert.Equal(fallback, result.Controls);
    }

    [Fact]
    public void Plan_InfeasibleWithoutFallback_ReturnsZeroPlanAndNoPlanStatus()
    {
        var result = new MipMpcPlanner(Drift(), Options(5, 6)).Plan([0.0], [5.5]);

        Assert.Equal(MipPlanStatus.NoPlan, result.Status);
        Assert.Equal(new double[2], result.Controls);
    }

    [Fact]
    public void Plan_FeasibleDrift_PredictsHandComputedStates()
    {
        // x' = x + 0.1 regardless of u; with r = 0 any u is optimal; J = |0.1 - 0.7| + |0.2 - 0.7| = 1.1.
        var result = new MipMpcPlanner(Drift(), Options(-1, 1)).Plan([0.0], [0.7]);

        Assert.Equal(MipPlanStatus.Optimal, result.Status);
        Assert.Equal(1.1, result.Objective, 6);
        Assert.Equal(0.1, result.PredictedStates[1], 9);
        Assert.Equal(0.2, result.PredictedStates[2], 9);
        Assert.Equal(0, result.BinaryCount);
    }

    [Fact]
    public void PropagateBounds_SingleNeuron_MatchesHandDerivedInterval()
    {
        // a = 2u - 0.5 with u in [-1, 1]: a in [-2.5, 1.5]; relu output in [0, 1.5]; x' = x + 1 * relu(a), x = 0.
        var net = new ReluDynamicsNetwork(1, 1, [new PiecewiseLinearLayer([0, 2], [-0.5], [NeuronKind.Relu])], [1], [0]);
        var preLo = new[] { new double[1] };
        var preHi = new[] { new double[1] };
        var lo = new double[1];
        var hi = new double[1];

        net.PropagateBounds([0.0], [0.0], [-1.0], [1.0], preLo, preHi, lo, hi);

        Assert.Equal(-2.5, preLo[0][0], 12);
        Assert.Equal(1.5, preHi[0][0], 12);
        Assert.Equal(0, lo[0], 12);
        Assert.Equal(1.5, hi[0], 12);
    }

    [Fact]
    public void PropagateBounds_RandomNetwork_ContainsSampledPreActivations()
    {
        var net = TestNetworks.Random(31UL, 3, 2, [8, 8], mixed: true);
        double[] xl = [-0.5, -0.2, 0.1], xh = [0.5, 0.3, 0.4], ul = [-1, -1], uh = [1, 1];
        var preLo = net.HiddenLayers.Select(l => new double[l.Outputs]).ToArray();
        var preHi = net.HiddenLayers.Select(l => new double[l.Outputs]).ToArray();
        var pre = net.HiddenLayers.Select(l => new double[l.Outputs]).ToArray();
        var lo = new double[3];
        var hi = new double[3];
        net.PropagateBounds(xl, xh, ul, uh, preLo, preHi, lo, hi);
        var rng = new Rng(5);
        var next = new double[3];
        for (int s = 0; s < 2000; s++)
        {
            double[] x = [.. Enumerable.Range(0, 3).Select(i => rng.NextUniform(xl[i], xh[i]))];
            double[] u = [rng.NextUniform(-1, 1), rng.NextUniform(-1, 1)];
            net.Step(x, u, next, pre);
            for (int l = 0; l < pre.Length; l++)
            {
                for (int j = 0; j < pre[l].Length; j++) Assert.InRange(pre[l][j], preLo[l][j] - 1e-12, preHi[l][j] + 1e-12);
            }

            for (int k = 0; k < 3; k++) Assert.InRange(next[k], lo[k] - 1e-12, hi[k] + 1e-12);
        }
    }

    [Fact]
    public void Plan_AllReluStablyActive_NeedsNoBinaries()
    {
        // a = 0.1 u + 5 >= 4.9 > 0 for |u| <= 1: the ReLU is the identity on the box.
        var net = new ReluDynamicsNetwork(1, 1, [new PiecewiseLinearLayer([0, 0.1], [5], [NeuronKind.Relu])], [1], [-5]);
        var result = new MipMpcPlanner(net, Options(-10, 10)).Plan([0.0], [1.0]);

        Assert.Equal(0, result.BinaryCount);
        Assert.Equal(2, result.StableReluCount);
        // x_t = 0.1 sum u: best is u = 1, 1 -> x1 = 0.1, x2 = 0.2; J = 0.9 + 0.8 = 1.7.
        Assert.Equal(1.7, result.Objective, 6);
    }

    [Theory]
    [InlineData(0, "horizon")]
    [InlineData(101, "horizon")]
    public void Options_BadHorizon_RejectedWithParameterName(int horizon, string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new MipMpcPlanner(Drift(), Options(-1, 1) with { Horizon = horizon }));
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_NegativeWeight_RejectedWithParameterName()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MipMpcPlanner(Drift(), Options(-1, 1) with { StateWeights = [-1] }));
        Assert.Contains("state_weights", ex.Message, StringComparison.Ordinal);
    }
}
