using Robotics.Models.Artifacts;

namespace Robotics.Models.Networks;

/// <summary>
/// One LSTM cell with PyTorch's equations and weight layout, evaluated in float32 by the SIMD kernel:
/// i = s(W_ii x + b_ii + W_hi h + b_hi), f = s(...), g = tanh(...), o = s(...), c' = f * c + i * g,
/// h' = o * tanh(c').
/// </summary>
/// <remarks>
/// <c>weight_ih_l0</c> is [4H, I] and <c>weight_hh_l0</c> [4H, H] with the row blocks in gate order i, f, g, o;
/// <c>bias_ih_l0</c> and <c>bias_hh_l0</c> are [4H]. Holds scratch buffers: one instance serves one thread.
/// </remarks>
public sealed class LstmCell
{
    private readonly float[] _wihT;   // [I, 4H]
    private readonly float[] _whhT;   // [H, 4H]
    private readonly float[] _wih, _whh;  // PyTorch layout, for the dot-product tail
    private readonly float[] _bih, _bhh;
    private readonly float[] _ai, _ah, _gates, _tanhC;

    /// <summary>Creates the cell from PyTorch tensors (weights [4H, I] and [4H, H], biases [4H]).</summary>
    public LstmCell(ReadOnlySpan<float> weightIh, ReadOnlySpan<float> weightHh, ReadOnlySpan<float> biasIh, ReadOnlySpan<float> biasHh, int inputSize, int hiddenSize)
    {
        int g = 4 * hiddenSize;
        if (inputSize <= 0 || hiddenSize <= 0 || weightIh.Length != g * inputSize || weightHh.Length != g * hiddenSize || biasIh.Length != g || biasHh.Length != g)
        {
            throw new ArgumentException($"An LSTM cell with input {inputSize} and hidden {hiddenSize} needs weight_ih [{g}, {inputSize}], weight_hh [{g}, {hiddenSize}] and biases [{g}]; got {weightIh.Length}, {weightHh.Length}, {biasIh.Length} and {biasHh.Length} values.");
        }

        InputSize = inputSize;
        HiddenSize = hiddenSize;
        _wihT = DenseKernels.Transpose(weightIh, g, inputSize);
        _whhT = DenseKernels.Transpose(weightHh, g, hiddenSize);
        _wih = weightIh.ToArray();
        _whh = weightHh.ToArray();
        _bih = biasIh.ToArray();
        _bhh = biasHh.ToArray();
        _ai = new float[g];
        _ah = new float[g];
        _gates = new float[g];
        _tanhC = new float[hiddenSize];
    }

    /// <summary>Input size I.</summary>
    public int InputSize { get; }

    /// <summary>Hidden size H.</summary>
    public int HiddenSize { get; }

    /// <summary>Reads <c>{prefix}weight_ih_l0</c>, <c>{prefix}weight_hh_l0</c>, <c>{prefix}bias_ih_l0</c>, <c>{prefix}bias_hh_l0</c>, checking shapes.</summary>
    public static LstmCell FromArtifact(ModelArtifact artifact, string prefix, int inputSize, int hiddenSize) => new(
        artifact.GetTensor(prefix + "weight_ih_l0", 4 * hiddenSize, inputSize),
        artifact.GetTensor(prefix + "weight_hh_l0", 4 * hiddenSize, hiddenSize),
        artifact.GetTensor(prefix + "bias_ih_l0", 4 * hiddenSize),
        artifact.GetTensor(prefix + "bias_hh_l0", 4 * hiddenSize),
        inputSize,
        hiddenSize);

    /// <summary>(h', c') = LSTM(x, h, c). Allocation-free; outputs must not overlap the inputs.</summary>
    public void Step(ReadOnlySpan<float> x, ReadOnlySpan<float> h, ReadOnlySpan<float> c, Span<float> hNew, Span<float> cNew)
    {
        int H = HiddenSize;
        DenseKernels.Affine(x[..InputSize], _wihT, _wih, _bih, _ai);
        DenseKernels.Affine(h[..H], _whhT, _whh, _bhh, _ah);
        for (int k = 0; k < H; k++)
        {
            float i = DenseKernels.Sigmoid(_ai[k] + _ah[k]);
            float f = DenseKernels.Sigmoid(_ai[H + k] + _ah[H + k]);
            float g = MathF.Tanh(_ai[2 * H + k] + _ah[2 * H + k]);
            float o = DenseKernels.Sigmoid(_ai[3 * H + k] + _ah[3 * H + k]);
            _gates[k] = i;
            _gates[H + k] = f;
            _gates[2 * H + k] = g;
            _gates[3 * H + k] = o;
            float cn = f * c[k] + i * g;
            float tc = MathF.Tanh(cn);
            _tanhC[k] = tc;
            cNew[k] = cn;
            hNew[k] = o * tc;
        }
    }

    /// <summary>
    /// Steps the cell and writes d h' / d [x, h, c] into <paramref name="dh"/> and d c' / d [x, h, c] into
    /// <paramref name="dc"/> (each H x (I + 2H), row-major), exactly by the chain rule through the gates.
    /// </summary>
    public void Jacobian(ReadOnlySpan<float> x, ReadOnlySpan<float> h, ReadOnlySpan<float> c, Span<float> hNew, Span<float> cNew, Span<double> dh, Span<double> dc)
    {
        Step(x, h, c, hNew, cNew);
        int H = HiddenSize, I = InputSize, V = I + 2 * H, G = 4 * H;
        for (int k = 0; k < H; k++)
        {
            double ig = _gates[k], fg = _gates[H + k], gg = _gates[2 * H + k], og = _gates[3 * H + k];
            double si = ig * (1 - ig), sf = fg * (1 - fg), sg = 1 - gg * gg, so = og * (1 - og);
            double tc = _tanhC[k], st = 1 - tc * tc, ck = c[k];
            var rowH = dh.Slice(k * V, V);
            var rowC = dc.Slice(k * V, V);
            for (int v = 0; v < I + H; v++)
            {
                float[] w = v < I ? _wihT : _whhT;
                int t = (v < I ? v : v - I) * G;
                double di = si * w[t + k], df = sf * w[t + H + k], dg = sg * w[t + 2 * H + k], dO = so * w[t + 3 * H + k];
                double dcn = ck * df + gg * di + ig * dg;
                rowC[v] = dcn;
                rowH[v] = tc * dO + og * st * dcn;
            }

            for (int v = 0; v < H; v++)
            {
                double dcn = v == k ? fg : 0.0;
                rowC[I + H + v] = dcn;
                rowH[I + H + v] = og * st * dcn;
            }
        }
    }
}
