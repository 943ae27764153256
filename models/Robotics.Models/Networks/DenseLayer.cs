namespace Robotics.Models.Networks;

/// <summary>
/// A fully connected layer y = act(W x + b) with PyTorch's weight layout on the way in ([out, in]) and a
/// transposed copy for the evaluator, made once at construction. Immutable: safe to share between threads.
/// </summary>
public sealed class DenseLayer
{
    private readonly float[] _weightsT;
    private readonly float[] _weights;
    private readonly float[] _bias;

    /// <summary>Creates the layer from a PyTorch <c>nn.Linear</c> weight [out, in] and bias [out].</summary>
    public DenseLayer(ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, int inputs, Activation activation)
    {
        if (inputs <= 0 || bias.Length == 0 || weight.Length != inputs * bias.Length)
        {
            throw new ArgumentException($"A dense layer with {inputs} inputs and {bias.Length} outputs needs {inputs * bias.Length} weights; got {weight.Length}.");
        }

        Inputs = inputs;
        Outputs = bias.Length;
        Activation = activation;
        _weightsT = DenseKernels.Transpose(weight, Outputs, inputs);
        _weights = weight.ToArray();
        _bias = bias.ToArray();
    }

    /// <summary>Number of inputs.</summary>
    public int Inputs { get; }

    /// <summary>Number of outputs.</summary>
    public int Outputs { get; }

    /// <summary>The activation applied to W x + b.</summary>
    public Activation Activation { get; }

    /// <summary>W^T as [inputs, outputs], row-major.</summary>
    public ReadOnlySpan<float> WeightsTransposed => _weightsT;

    /// <summary>The bias.</summary>
    public ReadOnlySpan<float> Bias => _bias;

    /// <summary>y = act(W x + b). Allocation-free.</summary>
    public void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        DenseKernels.Affine(x[..Inputs], _weightsT, _weights, _bias, y, Activation);
    }

    /// <summary>Two samples at once, bit-identical to two <see cref="Forward"/> calls (see DensePairKernels). Allocation-free.</summary>
    internal void ForwardPair(ReadOnlySpan<float> x0, ReadOnlySpan<float> x1, Span<float> y0, Span<float> y1)
    {
        DensePairKernels.AffinePair(x0[..Inputs], x1[..Inputs], _weightsT, _weights, _bias, y0, y1, Activation);
    }

    /// <summary>True when this CPU runs the Vector512 kernel (otherwise Vector256, otherwise scalar).</summary>
    public static bool UsesVector512 => DenseKernels.UsesVector512;

    /// <summary>The weight W[output, input] (PyTorch indexing).</summary>
    public float Weight(int output, int input) => _weightsT[input * Outputs + output];
}
