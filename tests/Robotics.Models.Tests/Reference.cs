using Robotics.Models.Artifacts;

namespace Robotics.Models.Tests;

/// <summary>
/// A plain double-precision evaluator written from the equations (PyTorch docs for GRU/LSTM), independent of the
/// SIMD code under test. It also exposes intermediate values the int8 error bounds need.
/// </summary>
internal static class Reference
{
    public static double[] Matrix(ModelArtifact a, string name) => a.Weights
        .AsSpan((int)a.Metadata.Tensors.First(t => t.Name == name).OffsetFloats, (int)a.Metadata.Tensors.First(t => t.Name == name).Length)
        .ToArray().Select(v => (double)v).ToArray();

    public static double[] Affine(double[] w, double[] b, double[] x)
    {
        int nout = b.Length, nin = x.Length;
        var y = new double[nout];
        for (int j = 0; j < nout; j++)
        {
            double s = b[j];
            for (int i = 0; i < nin; i++) s += w[j * nin + i] * x[i];
            y[j] = s;
        }

        return y;
    }

    public static double Act(string activation, double z) => activation switch
    {
        "relu" => Math.Max(z, 0),
        "tanh" => Math.Tanh(z),
        _ => z,
    };

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    public static double[] NormalizedInput(ModelMetadata meta, ReadOnlySpan<double> y, ReadOnlySpan<double> u)
    {
        int n = meta.State.Count, m = meta.Inputs.Count;
        var x = new double[n + m];
        for (int i = 0; i < n; i++) x[i] = (y[i] - meta.Normalization.InputMean[i]) / meta.Normalization.InputStd[i];
        for (int j = 0; j < m; j++) x[n + j] = (u[j] - meta.Normalization.InputMean[n + j]) / meta.Normalization.InputStd[n + j];
        return x;
    }

    /// <summary>Network output and the input of every layer (layerInputs[l] feeds layer l).</summary>
    public static double[] Mlp(ModelArtifact a, string prefix, double[] x, List<double[]>? layerInputs = null)
    {
        var arch = a.Metadata.Architecture;
        for (int l = 0; l <= arch.HiddenSizes.Length; l++)
        {
            layerInputs?.Add(x);
            var z = Affine(Matrix(a, $"{prefix}{2 * l}.weight"), Matrix(a, $"{prefix}{2 * l}.bias"), x);
            x = l == arch.HiddenSizes.Length ? z : z.Select(v => Act(arch.Activation, v)).ToArray();
        }

        return x;
    }

    /// <summary>Next state of an mlp, ensemble or (with a nominal next state) residual model.</summary>
    public static double[] FeedForwardStep(ModelArtifact a, double[] state, double[] input, double[]? nominalNext = null)
    {
        var meta = a.Metadata;
        int n = meta.State.Count;
        var x = NormalizedInput(meta, state, input);
        int members = meta.Family == ModelFamily.Ensemble ? meta.Architecture.EnsembleSize : 1;
        var mean = new double[n];
        for (int k = 0; k < members; k++)
        {
            var o = Mlp(a, members == 1 ? "" : $"members.{k}.", x);
            for (int i = 0; i < n; i++) mean[i] += o[i] / members;
        }

        var next = new double[n];
        for (int i = 0; i < n; i++) next[i] = (nominalNext ?? state)[i] + mean[i] * meta.Normalization.OutputStd[i] + meta.Normalization.OutputMean[i];
        return next;
    }

    /// <summary>Intermediate values of one recurrent step.</summary>
    public sealed record RecurrentTrace(double[] X, double[] H, double[] C, double[] Ai, double[] Ah, double[] Gates, double[] HNew, double[] CNew, double[] Next);

    public static RecurrentTrace RecurrentStep(ModelArtifact a, double[] state, double[] input)
    {
        var meta = a.Metadata;
        bool lstm = meta.Family == ModelFamily.Lstm;
        int n = meta.State.Count, H = meta.Architecture.RecurrentHiddenSize;
        var x = NormalizedInput(meta, state, input);
        var h = state.AsSpan(n, H).ToArray();
        var c = lstm ? state.AsSpan(n + H, H).ToArray() : new double[H];
        var ai = Affine(Matrix(a, "rnn.weight_ih_l0"), Matrix(a, "rnn.bias_ih_l0"), x);
        var ah = Affine(Matrix(a, "rnn.weight_hh_l0"), Matrix(a, "rnn.bias_hh_l0"), h);
        var gates = new double[ai.Length];
        var hNew = new double[H];
        var cNew = new double[H];
        for (int k = 0; k < H; k++)
        {
            if (lstm)
            {
                double ig = Sigmoid(ai[k] + ah[k]), fg = Sigmoid(ai[H + k] + ah[H + k]);
                double gg = Math.Tanh(ai[2 * H + k] + ah[2 * H + k]), og = Sigmoid(ai[3 * H + k] + ah[3 * H + k]);
                (gates[k], gates[H + k], gates[2 * H + k], gates[3 * H + k]) = (ig, fg, gg, og);
                cNew[k] = fg * c[k] + ig * gg;
                hNew[k] = og * Math.Tanh(cNew[k]);
            }
            else
            {
                double r = Sigmoid(ai[k] + ah[k]), z = Sigmoid(ai[H + k] + ah[H + k]);
                double nn = Math.Tanh(ai[2 * H + k] + r * ah[2 * H + k]);
                (gates[k], gates[H + k], gates[2 * H + k]) = (r, z, nn);
                hNew[k] = (1 - z) * nn + z * h[k];
            }
        }

        var o = Affine(Matrix(a, "head.weight"), Matrix(a, "head.bias"), hNew);
        var next = new List<double>();
        for (int i = 0; i < n; i++) next.Add(state[i] + o[i] * meta.Normalization.OutputStd[i] + meta.Normalization.OutputMean[i]);
        next.AddRange(hNew);
        if (lstm) next.AddRange(cNew);
        return new RecurrentTrace(x, h, c, ai, ah, gates, hNew, cNew, [.. next]);
    }
}
