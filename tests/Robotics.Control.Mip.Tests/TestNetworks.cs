using Robotics.Control.Mip.Networks;
using Robotics.Core.Randomness;

namespace Robotics.Control.Mip.Tests;

/// <summary>Small piecewise-linear networks for tests, and an independent evaluator (plain loops, max(0, a)).</summary>
internal static class TestNetworks
{
    /// <summary>A random network with the given hidden widths; every third neuron is an identity neuron if <paramref name="mixed"/>.</summary>
    public static ReluDynamicsNetwork Random(ulong seed, int n, int m, int[] widths, bool mixed, double outputScale = 0.3)
    {
        var rng = new Rng(seed);
        var layers = new List<PiecewiseLinearLayer>();
        int fanIn = n + m;
        foreach (int width in widths)
        {
            var w = new double[width * fanIn];
            var b = new double[width];
            var kinds = new NeuronKind[width];
            for (int i = 0; i < w.Length; i++) w[i] = rng.NextUniform(-1, 1);
            for (int j = 0; j < width; j++)
            {
                b[j] = rng.NextUniform(-0.5, 0.5);
                kinds[j] = mixed && j % 3 == 2 ? NeuronKind.Identity : NeuronKind.Relu;
            }

            layers.Add(new PiecewiseLinearLayer(w, b, kinds));
            fanIn = width;
        }

        var wo = new double[n * fanIn];
        var bo = new double[n];
        for (int i = 0; i < wo.Length; i++) wo[i] = outputScale * rng.NextUniform(-1, 1);
        for (int k = 0; k < n; k++) bo[k] = 0.05 * rng.NextUniform(-1, 1);
        return new ReluDynamicsNetwork(n, m, layers, wo, bo);
    }

    /// <summary>x' = x + W_out h + b_out, written out independently of ReluDynamicsNetwork.Step.</summary>
    public static double[] Step(ReluDynamicsNetwork net, double[] x, ReadOnlySpan<double> u)
    {
        double[] h = [.. x, .. u];
        foreach (var layer in net.HiddenLayers)
        {
            var next = new double[layer.Outputs];
            for (int j = 0; j < layer.Outputs; j++)
            {
                double a = layer.Bias[j];
                for (int i = 0; i < layer.Inputs; i++) a += layer.Weight(j, i) * h[i];
                next[j] = layer.Kinds[j] == NeuronKind.Relu ? Math.Max(0, a) : a;
            }

            h = next;
        }

        var result = new double[x.Length];
        for (int k = 0; k < x.Length; k++)
        {
            double s = net.OutputBias[k];
            for (int j = 0; j < h.Length; j++) s += net.OutputWeights[k * h.Length + j] * h[j];
            result[k] = x[k] + s;
        }

        return result;
    }

    /// <summary>The L1 MPC cost of a plan (stage weights q, terminal weights qT, input weights r), by independent rollout.</summary>
    public static double Cost(ReluDynamicsNetwork net, double[] x0, double[] goal, double[] plan, int horizon, double[] q, double[] qT, double[]? r)
    {
        int m = net.InputSize;
        var x = x0;
        double cost = 0;
        for (int t = 0; t < horizon; t++)
        {
            var u = plan.AsSpan(t * m, m);
            if (r is not null) for (int j = 0; j < m; j++) cost += r[j] * Math.Abs(u[j]);
            x = Step(net, x, u);
            var w = t + 1 == horizon ? qT : q;
            for (int k = 0; k < x.Length; k++) cost += w[k] * Math.Abs(x[k] - goal[k]);
        }

        return cost;
    }

    /// <summary>
    /// A Lipschitz bound (infinity norm) of the network's f(x, u) = F(x, u) - x in x and in u: products of the
    /// layers' max-row-abs-sums (ReLU and identity are 1-Lipschitz), split at the first layer's x and u columns.
    /// </summary>
    public static (double Lx, double Lu) Lipschitz(ReluDynamicsNetwork net)
    {
        int n = net.StateSize;
        var first = net.HiddenLayers[0];
        double lx = 0, lu = 0;
        for (int j = 0; j < first.Outputs; j++)
        {
            double sx = 0, su = 0;
            for (int i = 0; i < first.Inputs; i++) { if (i < n) sx += Math.Abs(first.Weight(j, i)); else su += Math.Abs(first.Weight(j, i)); }
            lx = Math.Max(lx, sx);
            lu = Math.Max(lu, su);
        }

        double rest = 1;
        for (int l = 1; l < net.HiddenLayers.Count; l++)
        {
            var layer = net.HiddenLayers[l];
            double norm = 0;
            for (int j = 0; j < layer.Outputs; j++)
            {
                double s = 0;
                for (int i = 0; i < layer.Inputs; i++) s += Math.Abs(layer.Weight(j, i));
                norm = Math.Max(norm, s);
            }

            rest *= norm;
        }

        int width = net.OutputBias.Length == 0 ? 0 : net.OutputWeights.Length / n;
        double outNorm = 0;
        for (int k = 0; k < n; k++)
        {
            double s = 0;
            for (int j = 0; j < width; j++) s += Math.Abs(net.OutputWeights[k * width + j]);
            outNorm = Math.Max(outNorm, s);
        }

        return (lx * rest * outNorm, lu * rest * outNorm);
    }
}
