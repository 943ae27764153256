using Robotics.Core.Randomness;
using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Robotics.Models.Training.Data;
using Robotics.Models.Training.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Tests;

/// <summary>
/// The managed evaluator (no TorchSharp) against TorchSharp on the same trained weights, for every family. The
/// torch side is built here from the artifact's tensors with plain torch modules and the artifact's documented
/// semantics (docs/model-artifacts.md), independently of the trainer's own modules.
/// </summary>
public sealed class TorchParityTests
{
    private const double Tolerance = 1e-5;

    [Theory]
    [InlineData("mlp")]
    [InlineData("ensemble")]
    [InlineData("residual")]
    [InlineData("gru")]
    [InlineData("lstm")]
    public void ManagedStep_MatchesTorchForward_Within1e5(string family)
    {
        var artifact = TrainTiny(family);
        var managed = ModelLoader.Create(artifact, ModelTrainer.NominalFactory);
        var rng = new Rng(99);
        var state = new double[managed.StateSize];
        var input = new double[managed.InputSize];
        var next = new double[managed.StateSize];
        for (int sample = 0; sample < 32; sample++)
        {
            for (int i = 0; i < state.Length; i++) state[i] = rng.NextGaussian(0, 0.5);
            for (int j = 0; j < input.Length; j++) input[j] = rng.NextUniform(-2, 2);
            managed.Step(state, input, next);
            double[] expected = TorchStep(artifact, managed, state, input);
            for (int i = 0; i < next.Length; i++)
            {
                Assert.True(Math.Abs(next[i] - expected[i]) <= Tolerance,
                    $"{family} sample {sample} state {i}: managed {next[i]:R}, torch {expected[i]:R}; managed [{string.Join(", ", next.Select(v => v.ToString("F5")))}] torch [{string.Join(", ", expected.Select(v => v.ToString("F5")))}]");
            }
        }
    }

    [Theory]
    [InlineData("mlp")]
    [InlineData("ensemble")]
    [InlineData("gru")]
    [InlineData("lstm")]
    public void ManagedJacobians_MatchTorchAutograd(string family)
    {
        var artifact = TrainTiny(family);
        var managed = ModelLoader.Create(artifact);
        int n = managed.StateSize, m = managed.InputSize;
        var rng = new Rng(7);
        var state = Enumerable.Range(0, n).Select(_ => rng.NextGaussian(0, 0.5)).ToArray();
        var input = Enumerable.Range(0, m).Select(_ => rng.NextUniform(-1, 1)).ToArray();
        var next = new double[n];
        var dfdx = new double[n * n];
        var dfdu = new double[n * m];
        managed.Jacobians(state, input, next, dfdx, dfdu);

        for (int k = 0; k < n; k++)
        {
            using var scope = NewDisposeScope();
            var x = tensor(state.Select(v => (float)v).ToArray(), [1, n]).requires_grad_();
            var u = tensor(input.Select(v => (float)v).ToArray(), [1, m]).requires_grad_();
            var y = TorchStepTensor(artifact, x, u);
            var values = y.data<float>().ToArray();
            Assert.True(Math.Abs(values[k] - next[k]) <= Tolerance, $"{family} jacobian-path value {k}: managed {next[k]:R}, torch {values[k]:R}");
            y[0, k].backward();
            var gx = x.grad!.data<float>().ToArray();
            var gu = u.grad!.data<float>().ToArray();
            for (int i = 0; i < n; i++) Assert.True(Math.Abs(dfdx[k * n + i] - gx[i]) <= 1e-4 * Math.Max(1, Math.Abs(gx[i])), $"{family} dF{k}/dx{i}: managed {dfdx[k * n + i]:R}, autograd {gx[i]:R}");
            for (int j = 0; j < m; j++) Assert.True(Math.Abs(dfdu[k * m + j] - gu[j]) <= 1e-4 * Math.Max(1, Math.Abs(gu[j])), $"{family} dF{k}/du{j}: managed {dfdu[k * m + j]:R}, autograd {gu[j]:R}");
        }
    }

    private static ModelArtifact TrainTiny(string family)
    {
        var (config, text) = TestConfigs.Tiny(family);
        return ModelTrainer.Train(config, text, SimulationDataCollector.Collect(config)).Artifact;
    }

    private static double[] TorchStep(ModelArtifact artifact, IDynamicsModel managed, double[] state, double[] input)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = tensor(state.Select(v => (float)v).ToArray(), [1, state.Length]);
        var u = tensor(input.Select(v => (float)v).ToArray(), [1, input.Length]).requires_grad_();
        var y = TorchStepTensor(artifact, x, u);
        var result = y.data<float>().Select(v => (double)v).ToArray();
        if (artifact.Metadata.Family == ModelFamily.Residual)
        {
            // The nominal physics is the same analytic model on both sides; parity is about the network.
            var nominal = ((ResidualDynamicsModel)managed).Nominal;
            var physics = new double[state.Length];
            nominal.Step(state, input, physics);
            for (int i = 0; i < result.Length; i++) result[i] += physics[i] - state[i];
        }

        return result;
    }

    // next state per the artifact semantics, with x = [y, h(, c)] for recurrent families.
    private static Tensor TorchStepTensor(ModelArtifact artifact, Tensor x, Tensor u)
    {
        var meta = artifact.Metadata;
        int n = meta.State.Count, m = meta.Inputs.Count;
        var norm = meta.Normalization;
        var y = x.narrow(1, 0, n);
        var input = cat([(y - Row(norm.InputMean[..n])) / Row(norm.InputStd[..n]), (u - Row(norm.InputMean[n..])) / Row(norm.InputStd[n..])], 1);
        switch (meta.Family)
        {
            case ModelFamily.Gru:
            case ModelFamily.Lstm:
            {
                int h = meta.Architecture.RecurrentHiddenSize;
                bool lstm = meta.Family == ModelFamily.Lstm;
                var weights = new Dictionary<string, Tensor>();
                foreach (string key in new[] { "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0" }) weights[key] = Tensor(artifact, "rnn." + key);
                var h0 = x.narrow(1, n, h).unsqueeze(0).contiguous();
                var hPrev = x.narrow(1, n, h);
                var a = input.matmul(weights["weight_ih_l0"].t()) + weights["bias_ih_l0"];
                var b = hPrev.matmul(weights["weight_hh_l0"].t()) + weights["bias_hh_l0"];
                Tensor hNew, cNew = null!;
                if (lstm)
                {
                    // PyTorch's LSTM equations (torch.nn.LSTM documentation), gate order i, f, g, o.
                    var g = a + b;
                    cNew = g.narrow(1, h, h).sigmoid() * x.narrow(1, n + h, h) + g.narrow(1, 0, h).sigmoid() * g.narrow(1, 2 * h, h).tanh();
                    hNew = g.narrow(1, 3 * h, h).sigmoid() * cNew.tanh();
                }
                else
                {
                    // nn.GRU itself (it agrees with its documented equations r, z, n on these weights).
                    var cell = nn.GRU(n + m, h, numLayers: 1, batchFirst: true);
                    Assign(cell, weights);
                    var (_, hn) = cell.forward(input.unsqueeze(1), h0);
                    hNew = hn.squeeze(0);
                }

                var head = nn.Linear(h, n);
                Assign(head, new Dictionary<string, Tensor> { ["weight"] = Tensor(artifact, "head.weight"), ["bias"] = Tensor(artifact, "head.bias") });
                var yNext = y + head.forward(hNew) * Row(norm.OutputStd) + Row(norm.OutputMean);
                return lstm ? cat([yNext, hNew, cNew], 1) : cat([yNext, hNew], 1);
            }

            default:
            {
                int members = meta.Family == ModelFamily.Ensemble ? meta.Architecture.EnsembleSize : 1;
                Tensor sum = zeros_like(y);
                for (int k = 0; k < members; k++)
                {
                    string prefix = meta.Family == ModelFamily.Ensemble ? $"members.{k}." : "";
                    sum = sum + Mlp(artifact, prefix).forward(input);
                }

                return y + sum / members * Row(norm.OutputStd) + Row(norm.OutputMean);
            }
        }
    }

    private static Sequential Mlp(ModelArtifact artifact, string prefix)
    {
        var arch = artifact.Metadata.Architecture;
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        var weights = new Dictionary<string, Tensor>();
        int layers = arch.HiddenSizes.Length + 1;
        for (int l = 0; l < layers; l++)
        {
            var shape = artifact.Metadata.Tensors.Single(t => t.Name == $"{prefix}{2 * l}.weight").Shape;
            modules.Add(($"{2 * l}", nn.Linear(shape[1], shape[0])));
            weights[$"{2 * l}.weight"] = Tensor(artifact, $"{prefix}{2 * l}.weight");
            weights[$"{2 * l}.bias"] = Tensor(artifact, $"{prefix}{2 * l}.bias");
            if (l < layers - 1) modules.Add(($"{2 * l + 1}", arch.Activation == "tanh" ? nn.Tanh() : nn.ReLU()));
        }

        var net = nn.Sequential(modules);
        Assign(net, weights);
        return net;
    }

    private static Tensor Tensor(ModelArtifact artifact, string name)
    {
        var info = artifact.Metadata.Tensors.Single(t => t.Name == name);
        return tensor(artifact.Weights.AsSpan((int)info.OffsetFloats, (int)info.Length).ToArray(), info.Shape.Select(d => (long)d).ToArray());
    }

    // Copies into the module's own parameter tensors. (load_state_dict swaps the tensors, and TorchSharp's LSTM
    // keeps using the weights it captured at construction: a forward pass would silently use the initial weights.)
    private static void Assign(nn.Module module, Dictionary<string, Tensor> weights)
    {
        using var noGrad = no_grad();
        var own = module.state_dict();
        Assert.Equal(own.Keys.Order(), weights.Keys.Order());
        foreach (var (name, value) in weights) own[name].copy_(value);
    }

    private static Tensor Row(double[] values) => tensor(values.Select(v => (float)v).ToArray(), [1, values.Length]);
}
