using Robotics.Models.Artifacts;

namespace Robotics.Control.Mip.Networks;

/// <summary>
/// Discrete-time dynamics x_{k+1} = x_k + W_out h_L(x_k, u_k) + b_out, where h_L is a stack of
/// <see cref="PiecewiseLinearLayer"/>s acting on [x; u] in physical units (any normalisation folded into the
/// first and last affine maps). This is the form the MIP encoder reads; <c>Step</c> is its
/// double-precision evaluator.
/// </summary>
/// <remarks>
/// <para>Artifacts (<see cref="FromArtifact"/>): family <c>mlp</c> with <c>relu</c> (or <c>identity</c>) hidden layers.
/// A sparsified network stores an identity neuron z = a as the exact ReLU pair relu(a) - relu(-a): two neurons
/// whose incoming rows and biases are exact negatives and whose outgoing columns are exact negatives. The
/// managed evaluator computes that pair bit-for-bit as a (negation is exact in IEEE arithmetic, and one of the
/// two terms is exactly zero), and this reader merges every such pair back into one
/// <see cref="NeuronKind.Identity"/> neuron. Neurons with an all-zero outgoing column (removed) are dropped.</para>
/// <para>Allocation: <c>Step</c> and <see cref="PropagateBounds"/> allocate nothing; one instance serves one thread.</para>
/// </remarks>
public sealed class ReluDynamicsNetwork
{
    private readonly PiecewiseLinearLayer[] _hidden;
    private readonly double[] _outputWeights;
    private readonly double[] _outputBias;
    private readonly double[][] _scratch;
    private readonly double[][] _scratchHi;
    private readonly double[] _input;
    private readonly double[] _inputHi;

    /// <summary>Creates the network.</summary>
    /// <param name="stateSize">n.</param>
    /// <param name="inputSize">m.</param>
    /// <param name="hidden">Hidden layers; the first takes n + m inputs.</param>
    /// <param name="outputWeights">W_out [n, last hidden width], row-major.</param>
    /// <param name="outputBias">b_out [n].</param>
    /// <param name="timeStep">dt of one step, seconds (documentation only).</param>
    /// <exception cref="ArgumentException">Sizes do not chain.</exception>
    public ReluDynamicsNetwork(int stateSize, int inputSize, IReadOnlyList<PiecewiseLinearLayer> hidden, double[] outputWeights, double[] outputBias, double timeStep = 0)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        if (stateSize <= 0 || inputSize <= 0) throw new ArgumentException($"State and input sizes must be positive; got {stateSize} and {inputSize}.", nameof(stateSize));
        if (hidden.Count == 0) throw new ArgumentException("The network needs at least one hidden layer.", nameof(hidden));
        int fanIn = stateSize + inputSize;
        for (int l = 0; l < hidden.Count; l++)
        {
            if (hidden[l].Inputs != fanIn) throw new ArgumentException($"Hidden layer {l} takes {hidden[l].Inputs} inputs but {fanIn} arrive.", nameof(hidden));
            fanIn = hidden[l].Outputs;
        }

        if (outputBias.Length != stateSize || outputWeights.Length != stateSize * fanIn)
        {
            throw new ArgumentException($"The output layer needs {stateSize} x {fanIn} weights and {stateSize} biases; got {outputWeights.Length} and {outputBias.Length}.", nameof(outputWeights));
        }

        StateSize = stateSize;
        InputSize = inputSize;
        TimeStep = timeStep;
        _hidden = [.. hidden];
        _outputWeights = (double[])outputWeights.Clone();
        _outputBias = (double[])outputBias.Clone();
        _scratch = _hidden.Select(l => new double[l.Outputs]).ToArray();
        _scratchHi = _hidden.Select(l => new double[l.Outputs]).ToArray();
        _input = new double[stateSize + inputSize];
        _inputHi = new double[stateSize + inputSize];
    }

    /// <summary>n.</summary>
    public int StateSize { get; }

    /// <summary>m.</summary>
    public int InputSize { get; }

    /// <summary>dt of one step, seconds (0 if unknown).</summary>
    public double TimeStep { get; }

    /// <summary>The hidden layers, input side first.</summary>
    public IReadOnlyList<PiecewiseLinearLayer> HiddenLayers => _hidden;

    /// <summary>W_out [n, last hidden width], row-major.</summary>
    public ReadOnlySpan<double> OutputWeights => _outputWeights;

    /// <summary>b_out [n].</summary>
    public ReadOnlySpan<double> OutputBias => _outputBias;

    /// <summary>Number of ReLU neurons over all hidden layers (the binaries per step before bound tightening).</summary>
    public int ReluCount => _hidden.Sum(l => l.ReluCount);

    /// <summary>Number of identity neurons over all hidden layers.</summary>
    public int IdentityCount => _hidden.Sum(l => l.Outputs - l.ReluCount);

    /// <summary>x' = F(x, u). Allocation-free; <paramref name="nextState"/> may alias <paramref name="state"/>.</summary>
    public void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState) => Step(state, input, nextState, null);

    /// <summary>x' = F(x, u), also storing every hidden layer's pre-activations into <paramref name="preActivations"/> (if not null).</summary>
    public void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState, double[][]? preActivations)
    {
        int n = StateSize;
        state[..n].CopyTo(_input);
        input[..InputSize].CopyTo(_input.AsSpan(n));
        ReadOnlySpan<double> h = _input;
        for (int l = 0; l < _hidden.Length; l++)
        {
            _hidden[l].PreActivation(h, _scratch[l]);
            if (preActivations is not null) _scratch[l].CopyTo(preActivations[l], 0);
            _hidden[l].Activate(_scratch[l]);
            h = _scratch[l];
        }

        int width = h.Length;
        for (int k = 0; k < n; k++)
        {
            double sum = _outputBias[k];
            for (int j = 0; j < width; j++) sum += _outputWeights[k * width + j] * h[j];
            nextState[k] = _input[k] + sum;
        }
    }

    /// <summary>
    /// Interval bound propagation through one step: given x in [<paramref name="stateLow"/>, <paramref name="stateHigh"/>]
    /// and u in [<paramref name="inputLow"/>, <paramref name="inputHigh"/>], writes bounds of every hidden pre-activation
    /// (<paramref name="preLow"/>[l][j], <paramref name="preHigh"/>[l][j]) and of the next state. Allocation-free.
    /// </summary>
    public void PropagateBounds(ReadOnlySpan<double> stateLow, ReadOnlySpan<double> stateHigh, ReadOnlySpan<double> inputLow, ReadOnlySpan<double> inputHigh,
        double[][] preLow, double[][] preHigh, Span<double> nextLow, Span<double> nextHigh)
    {
        int n = StateSize;
        stateLow[..n].CopyTo(_input);
        inputLow[..InputSize].CopyTo(_input.AsSpan(n));
        stateHigh[..n].CopyTo(_inputHi);
        inputHigh[..InputSize].CopyTo(_inputHi.AsSpan(n));
        ReadOnlySpan<double> lo = _input, hi = _inputHi;
        for (int l = 0; l < _hidden.Length; l++)
        {
            var layer = _hidden[l];
            var w = layer.Weights;
            var b = layer.Bias;
            var kinds = layer.Kinds;
            var outLo = _scratch[l];
            var outHi = _scratchHi[l];
            for (int j = 0; j < layer.Outputs; j++)
            {
                double a = b[j], c = b[j];
                var row = w.Slice(j * layer.Inputs, layer.Inputs);
                for (int i = 0; i < row.Length; i++)
                {
                    double wi = row[i];
                    if (wi >= 0) { a += wi * lo[i]; c += wi * hi[i]; }
                    else { a += wi * hi[i]; c += wi * lo[i]; }
                }

                preLow[l][j] = a;
                preHigh[l][j] = c;
                outLo[j] = kinds[j] == NeuronKind.Relu ? Math.Max(0, a) : a;
                outHi[j] = kinds[j] == NeuronKind.Relu ? Math.Max(0, c) : c;
            }

            lo = outLo;
            hi = outHi;
        }

        int width = lo.Length;
        for (int k = 0; k < n; k++)
        {
            double a = _outputBias[k], c = _outputBias[k];
            for (int j = 0; j < width; j++)
            {
                double wk = _outputWeights[k * width + j];
                if (wk >= 0) { a += wk * lo[j]; c += wk * hi[j]; }
                else { a += wk * hi[j]; c += wk * lo[j]; }
            }

            nextLow[k] = stateLow[k] + a;
            nextHigh[k] = stateHigh[k] + c;
        }
    }

    /// <summary>
    /// Reads an <c>mlp</c> artifact (relu or identity hidden activation), folds its normalisation into the first and
    /// last affine maps, merges exact ReLU pairs into identity neurons and drops neurons nothing reads.
    /// </summary>
    /// <exception cref="ModelArtifactException">The artifact is not a single feed-forward MLP with relu or identity layers.</exception>
    public static ReluDynamicsNetwork FromArtifact(ModelArtifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var meta = artifact.Metadata;
        if (meta.Family != ModelFamily.Mlp)
        {
            throw new ModelArtifactException(artifact.SourcePath, "family", $"expected 'mlp', found '{meta.Family}'", "MIP-MPC encodes a single feed-forward ReLU MLP; train an mlp model.");
        }

        if (meta.Architecture.Activation is not ("relu" or "identity"))
        {
            throw new ModelArtifactException(artifact.SourcePath, "architecture.activation", $"expected 'relu' or 'identity', found '{meta.Architecture.Activation}'",
                "Only piecewise-linear networks have an exact MIP encoding; train with activation relu.");
        }

        int n = meta.State.Count, m = meta.Inputs.Count;
        var sizes = meta.Architecture.HiddenSizes;
        var weights = new List<double[]>();
        var biases = new List<double[]>();
        int fanIn = n + m;
        for (int l = 0; l <= sizes.Length; l++)
        {
            int fanOut = l == sizes.Length ? n : sizes[l];
            weights.Add(ToDouble(artifact.GetTensor($"{2 * l}.weight", fanOut, fanIn)));
            biases.Add(ToDouble(artifact.GetTensor($"{2 * l}.bias", fanOut)));
            fanIn = fanOut;
        }

        var kinds = new List<NeuronKind[]>();
        var baseKind = meta.Architecture.Activation == "relu" ? NeuronKind.Relu : NeuronKind.Identity;
        for (int l = 0; l < sizes.Length; l++)
        {
            var k = new NeuronKind[biases[l].Length];
            Array.Fill(k, baseKind);
            kinds.Add(k);
        }

        // Merge pairs and drop unread neurons, layer by layer (each edit changes this layer's rows and the next layer's columns).
        for (int l = 0; l < sizes.Length; l++) Simplify(weights, biases, kinds, l);

        // Fold the normalisation: v = (z - mean) / std on the way in, delta = o * std + mean on the way out.
        var norm = meta.Normalization;
        var w0 = weights[0];
        var b0 = biases[0];
        int inputs = n + m;
        for (int j = 0; j < b0.Length; j++)
        {
            double shift = 0;
            for (int i = 0; i < inputs; i++)
            {
                double wji = w0[j * inputs + i] / norm.InputStd[i];
                w0[j * inputs + i] = wji;
                shift += wji * norm.InputMean[i];
            }

            b0[j] -= shift;
        }

        var wo = weights[^1];
        var bo = biases[^1];
        int last = wo.Length / n;
        for (int k = 0; k < n; k++)
        {
            for (int j = 0; j < last; j++) wo[k * last + j] *= norm.OutputStd[k];
            bo[k] = bo[k] * norm.OutputStd[k] + norm.OutputMean[k];
        }

        var layers = new PiecewiseLinearLayer[sizes.Length];
        for (int l = 0; l < sizes.Length; l++) layers[l] = new PiecewiseLinearLayer(weights[l], biases[l], kinds[l]);
        return new ReluDynamicsNetwork(n, m, layers, wo, bo, meta.DtS);
    }

    private static void Simplify(List<double[]> weights, List<double[]> biases, List<NeuronKind[]> kinds, int l)
    {
        var w = weights[l];
        var b = biases[l];
        var next = weights[l + 1];
        int width = b.Length, inputs = w.Length / width, rows = next.Length / width;
        var keep = new bool[width];
        var kind = (NeuronKind[])kinds[l].Clone();
        var merged = new bool[width];
        for (int j = 0; j < width; j++)
        {
            bool read = false;
            for (int r = 0; r < rows && !read; r++) read = next[r * width + j] != 0;
            keep[j] = read;
        }

        for (int j = 0; j < width; j++)
        {
            if (!keep[j] || merged[j] || kind[j] != NeuronKind.Relu) continue;
            for (int k = j + 1; k < width; k++)
            {
                if (!keep[k] || merged[k] || kind[k] != NeuronKind.Relu || !IsMirror(w, b, next, inputs, rows, width, j, k)) continue;
                kind[j] = NeuronKind.Identity;  // relu(a) v - relu(-a) v = a v
                merged[k] = true;
                keep[k] = false;
                break;
            }
        }

        int kept = keep.Count(x => x);
        if (kept == 0)
        {
            // Nothing reads this layer: one constant-zero identity neuron keeps the shapes valid.
            weights[l] = new double[inputs];
            biases[l] = [0.0];
            kinds[l] = [NeuronKind.Identity];
            weights[l + 1] = new double[rows];
            return;
        }

        var nw = new double[kept * inputs];
        var nb = new double[kept];
        var nk = new NeuronKind[kept];
        var nn = new double[rows * kept];
        int c = 0;
        for (int j = 0; j < width; j++)
        {
            if (!keep[j]) continue;
            Array.Copy(w, j * inputs, nw, c * inputs, inputs);
            nb[c] = b[j];
            nk[c] = kind[j];
            for (int r = 0; r < rows; r++) nn[r * kept + c] = next[r * width + j];
            c++;
        }

        weights[l] = nw;
        biases[l] = nb;
        kinds[l] = nk;
        weights[l + 1] = nn;
    }

    private static bool IsMirror(double[] w, double[] b, double[] next, int inputs, int rows, int width, int j, int k)
    {
        if (b[k] != -b[j]) return false;
        for (int i = 0; i < inputs; i++) if (w[k * inputs + i] != -w[j * inputs + i]) return false;
        for (int r = 0; r < rows; r++) if (next[r * width + k] != -next[r * width + j]) return false;
        return true;
    }

    private static double[] ToDouble(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = values[i];
        return result;
    }
}
