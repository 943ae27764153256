namespace Robotics.Control.Mip.Networks;

/// <summary>
/// One hidden layer z = act_j(W x + b)_j of a piecewise-linear network, where each neuron j has its own
/// activation (<see cref="NeuronKind.Relu"/> or <see cref="NeuronKind.Identity"/>). Immutable.
/// </summary>
public sealed class PiecewiseLinearLayer
{
    private readonly double[] _weights;
    private readonly double[] _bias;
    private readonly NeuronKind[] _kinds;

    /// <summary>Creates the layer from W [outputs, inputs] row-major, b [outputs] and one kind per output.</summary>
    /// <exception cref="ArgumentException">The sizes disagree or a value is not finite.</exception>
    public PiecewiseLinearLayer(double[] weights, double[] bias, NeuronKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(kinds);
        if (bias.Length == 0 || kinds.Length != bias.Length || weights.Length % bias.Length != 0 || weights.Length == 0)
        {
            throw new ArgumentException($"A layer with {bias.Length} outputs needs {bias.Length} kinds and outputs x inputs weights; got {kinds.Length} kinds and {weights.Length} weights.", nameof(weights));
        }

        foreach (double w in weights) if (!double.IsFinite(w)) throw new ArgumentException("Layer weights must be finite; found " + w + ".", nameof(weights));
        foreach (double v in bias) if (!double.IsFinite(v)) throw new ArgumentException("Layer biases must be finite; found " + v + ".", nameof(bias));
        _weights = (double[])weights.Clone();
        _bias = (double[])bias.Clone();
        _kinds = (NeuronKind[])kinds.Clone();
        Outputs = bias.Length;
        Inputs = weights.Length / bias.Length;
    }

    /// <summary>Number of inputs.</summary>
    public int Inputs { get; }

    /// <summary>Number of neurons.</summary>
    public int Outputs { get; }

    /// <summary>W [outputs, inputs], row-major.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>b [outputs].</summary>
    public ReadOnlySpan<double> Bias => _bias;

    /// <summary>The activation of each neuron.</summary>
    public ReadOnlySpan<NeuronKind> Kinds => _kinds;

    /// <summary>W[output, input].</summary>
    public double Weight(int output, int input) => _weights[output * Inputs + input];

    /// <summary>Number of <see cref="NeuronKind.Relu"/> neurons.</summary>
    public int ReluCount
    {
        get
        {
            int count = 0;
            foreach (var k in _kinds) if (k == NeuronKind.Relu) count++;
            return count;
        }
    }

    /// <summary>Pre-activations a = W x + b. Allocation-free.</summary>
    public void PreActivation(ReadOnlySpan<double> x, Span<double> a)
    {
        for (int j = 0; j < Outputs; j++)
        {
            double sum = _bias[j];
            var row = _weights.AsSpan(j * Inputs, Inputs);
            for (int i = 0; i < row.Length; i++) sum += row[i] * x[i];
            a[j] = sum;
        }
    }

    /// <summary>Applies each neuron's activation to <paramref name="a"/> in place.</summary>
    public void Activate(Span<double> a)
    {
        for (int j = 0; j < Outputs; j++) if (_kinds[j] == NeuronKind.Relu && a[j] < 0) a[j] = 0;
    }
}
