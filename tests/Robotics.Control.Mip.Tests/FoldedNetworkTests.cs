using Robotics.Control.Mip.Networks;
using Robotics.Core.Randomness;

namespace Robotics.Control.Mip.Tests;

/// <summary>Folding identity neurons into skip connections, and the horizon bounds (zonotopes intersected with intervals).</summary>
public sealed class FoldedNetworkTests
{
    [Fact]
    public void Fold_IdentityLayer_GivesHandDerivedAffineMap()
    {
        // x' = x + 0.5 (2x + 3u + 1) + 0.1 = 2x + 1.5u + 0.6.
        var net = new ReluDynamicsNetwork(1, 1, [new PiecewiseLinearLayer([2, 3], [1], [NeuronKind.Identity])], [0.5], [0.1]);

        var folded = FoldedReluNetwork.Fold(net);

        Assert.Equal(0, folded.ReluCount);
        Assert.Equal(2.0, folded.OutputWeights[0], 12);
        Assert.Equal(1.5, folded.OutputWeights[1], 12);
        Assert.Equal(0.6, folded.OutputBias[0], 12);
    }

    [Fact]
    public void Fold_IdentityBetweenRelus_BecomesSkipConnection()
    {
        // Layer 1: r = relu(u), i = x + u (identity); layer 2: s = relu(r - i). Folded: a_s = r - x - u (a skip from v).
        var net = new ReluDynamicsNetwork(1, 1,
        [
            new PiecewiseLinearLayer([0, 1, 1, 1], [0, 0], [NeuronKind.Relu, NeuronKind.Identity]),
            new PiecewiseLinearLayer([1, -1], [0], [NeuronKind.Relu]),
        ], [1], [0]);

        var folded = FoldedReluNetwork.Fold(net);

        Assert.Equal(2, folded.ReluCount);
        Assert.Equal([0, 1], folded.ReluLayers);
        // Row of the second ReLU over [x, u, z1, z2]: [-1, -1, 1, 0].
        Assert.Equal([-1.0, -1.0, 1.0, 0.0], folded.PreActivationWeights.Slice(4, 4).ToArray());
    }

    [Theory]
    [InlineData(41UL, true)]
    [InlineData(42UL, false)]
    public void Step_RandomNetwork_EqualsLayeredNetwork(ulong seed, bool mixed)
    {
        var net = TestNetworks.Random(seed, 3, 2, [8, 7], mixed);
        var folded = FoldedReluNetwork.Fold(net);
        var rng = new Rng(seed + 100);
        var a = new double[3];
        var b = new double[3];
        for (int s = 0; s < 200; s++)
        {
            double[] x = [rng.NextUniform(-1, 1), rng.NextUniform(-1, 1), rng.NextUniform(-1, 1)];
            double[] u = [rng.NextUniform(-1, 1), rng.NextUniform(-1, 1)];
            net.Step(x, u, a);
            folded.Step(x, u, b);
            for (int k = 0; k < 3; k++) Assert.Equal(a[k], b[k], 12);
        }
    }

    [Fact]
    public void PropagateHorizon_RandomNetwork_ContainsSampledRollouts()
    {
        const int n = 3, m = 2, h = 6;
        var folded = FoldedReluNetwork.Fold(TestNetworks.Random(77UL, n, m, [8, 8], mixed: true));
        int k = folded.ReluCount;
        double[] x0 = [0.1, -0.2, 0.3], ul = [-1, -1], uh = [1, 1];
        double[] clipLo = [double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity];
        double[] clipHi = [double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity];
        var preLo = new double[h * k];
        var preHi = new double[h * k];
        var stLo = new double[(h + 1) * n];
        var stHi = new double[(h + 1) * n];
        folded.PropagateHorizon(x0, ul, uh, h, clipLo, clipHi, preLo, preHi, stLo, stHi);
        var rng = new Rng(9);
        var pre = new double[k];
        for (int s = 0; s < 3000; s++)
        {
            var x = (double[])x0.Clone();
            for (int t = 0; t < h; t++)
            {
                // Half the samples bang-bang (corners are where bounds are tight), half uniform.
                double[] u = s % 2 == 0 ? [rng.NextDouble() < 0.5 ? -1 : 1, rng.NextDouble() < 0.5 ? -1 : 1] : [rng.NextUniform(-1, 1), rng.NextUniform(-1, 1)];
                folded.Step(x, u, x, pre);
                for (int r = 0; r < k; r++) Assert.InRange(pre[r], preLo[t * k + r] - 1e-9, preHi[t * k + r] + 1e-9);
                for (int q = 0; q < n; q++) Assert.InRange(x[q], stLo[(t + 1) * n + q] - 1e-9, stHi[(t + 1) * n + q] + 1e-9);
            }
        }
    }

    [Fact]
    public void PropagateHorizon_AffineNetwork_IsExactWhereIntervalsGrow()
    {
        // x' = x + u - 0.9 x = 0.1 x + u... written as x' = x + (u) + (-0.9 x) with two identity neurons. Intervals over two
        // separate neurons would add |u| and |0.9 x| widths; folded, x_t in [-sum 0.1^j, +sum 0.1^j] exactly.
        var net = new ReluDynamicsNetwork(1, 1, [new PiecewiseLinearLayer([0, 1, -0.9, 0], [0, 0], [NeuronKind.Identity, NeuronKind.Identity])], [1, 1], [0]);
        var folded = FoldedReluNetwork.Fold(net);
        var stLo = new double[4];
        var stHi = new double[4];

        folded.PropagateHorizon([0.0], [-1.0], [1.0], 3, [double.NegativeInfinity], [double.PositiveInfinity], [], [], stLo, stHi);

        Assert.Equal(1.0, stHi[1], 12);
        Assert.Equal(1.1, stHi[2], 12);
        Assert.Equal(1.11, stHi[3], 12);
        Assert.Equal(-1.11, stLo[3], 12);
    }
}
