using Robotics.Models.Artifacts;

namespace Robotics.Models.Networks;

/// <summary>
/// A multilayer perceptron evaluated in managed float32 code: hidden layers with one activation, a linear
/// output layer. Holds its own scratch buffers, so <see cref="Forward"/> and <see cref="Jacobian"/> allocate
/// nothing; one instance is therefore not safe to use from two threads at once (use <see cref="Clone"/>).
/// </summary>
/// <remarks>
/// The layer weights follow PyTorch's <c>nn.Sequential(Linear, act, Linear, act, ..., Linear)</c>, whose
/// state_dict keys are <c>0.weight, 0.bias, 2.weight, ...</c> (activations sit at the odd indices).
/// </remarks>
public sealed class MlpNetwork
{
    private readonly DenseLayer[] _layers;
    private readonly float[][] _activations;
    private readonly float[][] _activationsPair;
    private readonly float[] _gradient;
    private readonly float[] _gradientNext;

    /// <summary>Creates the network from its layers (each layer's inputs must equal the previous layer's outputs).</summary>
    public MlpNetwork(IReadOnlyList<DenseLayer> layers)
    {
        if (layers.Count == 0) throw new ArgumentException("An MLP needs at least one layer.", nameof(layers));
        for (int l = 1; l < layers.Count; l++)
        {
            if (layers[l].Inputs != layers[l - 1].Outputs)
            {
                throw new ArgumentException($"Layer {l} has {layers[l].Inputs} inputs but layer {l - 1} has {layers[l - 1].Outputs} outputs.", nameof(layers));
            }
        }

        _layers = [.. layers];
        _activations = _layers.Select(l => new float[l.Outputs]).ToArray();
        _activationsPair = _layers.Select(l => new float[l.Outputs]).ToArray();
        int widest = _layers.Max(l => Math.Max(l.Inputs, l.Outputs));
        _gradient = new float[widest];
        _gradientNext = new float[widest];
    }

    /// <summary>Number of network inputs.</summary>
    public int Inputs => _layers[0].Inputs;

    /// <summary>Number of network outputs.</summary>
    public int Outputs => _layers[^1].Outputs;

    /// <summary>The layers, input first.</summary>
    public IReadOnlyList<DenseLayer> Layers => _layers;

    /// <summary>
    /// Reads the MLP <c>{prefix}0.weight, {prefix}0.bias, {prefix}2.weight, ...</c> from an artifact, checking
    /// every shape against the sizes given.
    /// </summary>
    public static MlpNetwork FromArtifact(ModelArtifact artifact, string prefix, int inputs, IReadOnlyList<int> hiddenSizes, int outputs, Activation hidden)
    {
        var layers = new List<DenseLayer>(hiddenSizes.Count + 1);
        int fanIn = inputs;
        for (int l = 0; l <= hiddenSizes.Count; l++)
        {
            bool last = l == hiddenSizes.Count;
            int fanOut = last ? outputs : hiddenSizes[l];
            string key = $"{prefix}{2 * l}";
            var w = artifact.GetTensor(key + ".weight", fanOut, fanIn);
            var b = artifact.GetTensor(key + ".bias", fanOut);
            layers.Add(new DenseLayer(w, b, fanIn, last ? Activation.Identity : hidden));
            fanIn = fanOut;
        }

        return new MlpNetwork(layers);
    }

    /// <summary>A copy with its own scratch buffers (weights are shared; they are never written).</summary>
    public MlpNetwork Clone() => new(_layers);

    /// <summary>Evaluates the network. Allocation-free.</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        ReadOnlySpan<float> x = input[..Inputs];
        for (int l = 0; l < _layers.Length; l++)
        {
            _layers[l].Forward(x, _activations[l]);
            x = _activations[l];
        }

        x.CopyTo(output);
    }

    /// <summary>
    /// Two samples at once (the batched path): bit-identical to two <see cref="Forward"/> calls, about twice the FMA
    /// throughput on wide layers. Allocation-free; the inputs and outputs must not overlap the network's scratch.
    /// </summary>
    internal void ForwardPair(ReadOnlySpan<float> input0, ReadOnlySpan<float> input1, Span<float> output0, Span<float> output1)
    {
        ReadOnlySpan<float> x = input0[..Inputs];
        ReadOnlySpan<float> y = input1[..Inputs];
        for (int l = 0; l < _layers.Length; l++)
        {
            _layers[l].ForwardPair(x, y, _activations[l], _activationsPair[l]);
            x = _activations[l];
            y = _activationsPair[l];
        }

        x.CopyTo(output0);
        y.CopyTo(output1);
    }

    /// <summary>
    /// Evaluates <paramref name="batch"/> samples stored row-major (inputs B x <see cref="Inputs"/>, outputs
    /// B x <see cref="Outputs"/>). Allocation-free; each row gives bit-for-bit what <see cref="Forward"/> gives.
    /// </summary>
    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs, int batch)
    {
        int nin = Inputs, nout = Outputs;
        if (batch < 0 || inputs.Length < batch * nin || outputs.Length < batch * nout)
        {
            throw new ArgumentException($"A batch of {batch} needs {batch * nin} inputs and {batch * nout} outputs; got {inputs.Length} and {outputs.Length}.");
        }

        for (int s = 0; s < batch; s++) Forward(inputs.Slice(s * nin, nin), outputs.Slice(s * nout, nout));
    }

    /// <summary>
    /// The Jacobian d output / d input at <paramref name="input"/>, row-major [outputs, inputs], by
    /// back-propagating each output through the layers. Also evaluates the network into <paramref name="output"/>.
    /// </summary>
    public void Jacobian(ReadOnlySpan<float> input, Span<float> output, Span<double> jacobian)
    {
        Forward(input, output);
        for (int k = 0; k < Outputs; k++)
        {
            Span<float> g = _gradient.AsSpan(0, Outputs);
            g.Clear();
            g[k] = 1f;
            for (int l = _layers.Length - 1; l >= 0; l--)
            {
                var layer = _layers[l];
                g = _gradient.AsSpan(0, layer.Outputs);
                var a = _activations[l];
                for (int j = 0; j < layer.Outputs; j++) g[j] *= DenseKernels.Derivative(layer.Activation, a[j]);

                var wt = layer.WeightsTransposed;
                Span<float> prev = _gradientNext.AsSpan(0, layer.Inputs);
                for (int i = 0; i < layer.Inputs; i++)
                {
                    float sum = 0f;
                    var row = wt.Slice(i * layer.Outputs, layer.Outputs);
                    for (int j = 0; j < row.Length; j++) sum = MathF.FusedMultiplyAdd(row[j], g[j], sum);
                    prev[i] = sum;
                }

                prev.CopyTo(_gradient);
            }

            for (int i = 0; i < Inputs; i++) jacobian[k * Inputs + i] = _gradient[i];
        }
    }
}
