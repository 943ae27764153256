using Robotics.Control.Risk;
using Robotics.Core.Randomness;
using Robotics.Models.Training.Density;
using TorchSharp;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Tests.Density;

/// <summary>
/// The learned density network on the linear closed loop x' = A x, A = [[-0.5, 1], [0, -1]], whose log-density
/// change along every trajectory is exactly -t tr A = +1.5 t (Liouville with a constant divergence).
/// </summary>
public sealed class LearnedDensityTrainingTests
{
    private static readonly Lazy<LiouvilleDensityTrainer.Result> Trained = new(() =>
        LiouvilleDensityTrainer.Train(DensityProblem.Linear(), new DensityTrainingOptions { Seed = 3, Epochs = 300 }, TextWriter.Null));

    [Fact]
    public void Linear_LogDensityChange_WithinBoundFromLiouvilleLoss()
    {
        // Derivation of the tolerance. The output form makes g(x0, 0) = 0 exactly, and for a constant divergence the
        // training residual is r_k = (g_{k+1} - g_k) / h - 1.5, so g(x0, t_K) - 1.5 t_K = h Σ_{k<K} r_k and, by
        // Cauchy-Schwarz, |g(x0, T) - 1.5 T| <= T · sqrt(mean_k r_k²). Averaged over initial states uniform on the box
        // (training and held-out draw from the same box), the RMS error at T is at most T · sqrt(Liouville loss).
        // A factor 1.5 allows for held-out states versus training states.
        var result = Trained.Value;
        var problem = DensityProblem.Linear();
        double bound = 1.5 * problem.Horizon * Math.Sqrt(result.LiouvilleLoss);
        Assert.True(result.LiouvilleLoss < 1e-2, $"training did not reach its target: Liouville loss {result.LiouvilleLoss:E3} >= 1e-2 1/s^2");

        var rng = new Rng(77);
        var x0 = new double[2];
        var xt = new double[2];
        double sumSquares = 0;
        const int samples = 2000;
        for (int s = 0; s < samples; s++)
        {
            x0[0] = -1.5 + (3 * rng.NextDouble());
            x0[1] = 0.5 + (3 * rng.NextDouble());
            double g = result.Network.Evaluate(x0, problem.Horizon, xt);
            double error = g - (1.5 * problem.Horizon);
            sumSquares += error * error;
        }

        double rms = Math.Sqrt(sumSquares / samples);
        Assert.True(rms <= bound, $"RMS error of the log-density change at T: {rms:E3} > bound {bound:E3} (Liouville loss {result.LiouvilleLoss:E3})");

        // At t = 0 the network returns the initial state and no change, by construction.
        Assert.Equal(0.0, result.Network.Evaluate(x0, 0, xt));
        Assert.Equal(x0[0], xt[0]);
        Assert.Equal(x0[1], xt[1]);
    }

    [Fact]
    public void Linear_StatesMatchClosedFormFlow_WithinStateLossBound()
    {
        // exp(A t) for A = [[a, b], [0, d]] is [[e^{at}, b (e^{at} - e^{dt}) / (a - d)], [0, e^{dt}]]. The state loss is
        // the mean squared error normalised by the output scale s_x (RMS displacement at T), so the RMS error over
        // training states and times is sqrt(loss) · s_x per axis; held-out states get a factor 1.5.
        var result = Trained.Value;
        var (_, _, scale, _, _) = result.Network.Parameters();
        var rng = new Rng(78);
        var x0 = new double[2];
        var xt = new double[2];
        double[] squares = new double[2];
        int count = 0;
        for (int s = 0; s < 500; s++)
        {
            x0[0] = -1.5 + (3 * rng.NextDouble());
            x0[1] = 0.5 + (3 * rng.NextDouble());
            for (int k = 0; k <= 40; k++)
            {
                double t = k * 0.05;
                double e1 = Math.Exp(-0.5 * t), e2 = Math.Exp(-t);
                result.Network.Evaluate(x0, t, xt);
                double d0 = xt[0] - ((e1 * x0[0]) + ((e1 - e2) / 0.5 * x0[1]));
                double d1 = xt[1] - (e2 * x0[1]);
                squares[0] += d0 * d0;
                squares[1] += d1 * d1;
                count++;
            }
        }

        // loss = mean over axes of the squared normalised errors, so each axis' mean is at most 2 · loss.
        for (int i = 0; i < 2; i++)
        {
            double rms = Math.Sqrt(squares[i] / count);
            double bound = 1.5 * Math.Sqrt(2 * result.StateLoss) * scale[i];
            Assert.True(rms <= bound, $"axis {i}: RMS state error {rms:E3} > bound {bound:E3} (state loss {result.StateLoss:E3}, scale {scale[i]:E3})");
        }
    }

    [Fact]
    public void ManagedEvaluator_EqualsTorchForward_Within1e6()
    {
        // Torch side: nn.Linear / nn.Tanh modules loaded with the exported weights, and the documented output semantics
        // (LearnedDensityNetwork remarks) in torch ops; float64 on both sides.
        var network = Trained.Value.Network;
        var (mean, scale, outputScale, weights, biases) = network.Parameters();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int l = 0; l < weights.Length; l++)
        {
            int outputs = biases[l].Length, inputs = weights[l].Length / outputs;
            var linear = nn.Linear(inputs, outputs, dtype: ScalarType.Float64);
            linear.weight!.copy_(tensor(weights[l], ScalarType.Float64).reshape(outputs, inputs));
            linear.bias!.copy_(tensor(biases[l], ScalarType.Float64));
            modules.Add(($"{2 * l}", linear));
            if (l + 1 < weights.Length)
            {
                modules.Add(($"{(2 * l) + 1}", nn.Tanh()));
            }
        }

        using var net = nn.Sequential(modules);
        var rng = new Rng(79);
        var x0 = new double[2];
        var xt = new double[2];
        for (int s = 0; s < 200; s++)
        {
            x0[0] = rng.NextGaussian(0, 0.6);
            x0[1] = rng.NextGaussian(2, 0.6);
            double t = 2.0 * rng.NextDouble();
            double g = network.Evaluate(x0, t, xt);
            var x = tensor(x0, ScalarType.Float64).reshape(1, 2);
            double tau = t / network.Horizon;
            var z = cat([(x - tensor(mean, ScalarType.Float64)) / tensor(scale, ScalarType.Float64), full(1, 1, tau, ScalarType.Float64)], 1);
            var o = net.forward(z);
            var xTorch = (x + (tau * tensor(outputScale, ScalarType.Float64) * o.narrow(1, 0, 2))).data<double>().ToArray();
            double gTorch = tau * network.LogDensityScale * o[0, 2].item<double>();
            Assert.True(Math.Abs(g - gTorch) <= 1e-6, $"sample {s}: managed {g:R}, torch {gTorch:R}");
            Assert.True(Math.Abs(xt[0] - xTorch[0]) <= 1e-6 && Math.Abs(xt[1] - xTorch[1]) <= 1e-6,
                $"sample {s}: managed ({xt[0]:R}, {xt[1]:R}), torch ({xTorch[0]:R}, {xTorch[1]:R})");
        }

        Assert.True(Trained.Value.MaxExportDifference <= 1e-6, $"trainer's own export check: {Trained.Value.MaxExportDifference:E2}");
    }

    [Fact]
    public void SavedNetwork_LoadsBitIdentical()
    {
        var network = Trained.Value.Network;
        string path = Path.Combine(Path.GetTempPath(), $"density-roundtrip-{Environment.ProcessId}.json");
        try
        {
            network.Save(path, "test");
            var loaded = LearnedDensityNetwork.Load(path);
            var a = new double[2];
            var b = new double[2];
            double[] x0 = [0.3, 1.7];
            Assert.Equal(network.Evaluate(x0, 1.3, a), loaded.Evaluate(x0, 1.3, b));
            Assert.Equal(a, b);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
