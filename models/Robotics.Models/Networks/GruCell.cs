using Robotics.Models.Artifacts;

namespace Robotics.Models.Networks;

/// <summary>
/// One GRU cell with PyTorch's equations and weight layout, evaluated in float32 by the SIMD kernel:
/// r = s(W_ir x + b_ir + W_hr h + b_hr), z = s(W_iz x + b_iz + W_hz h + b_hz),
/// n = tanh(W_in x + b_in + r * (W_hn h + b_hn)), h' = (1 - z) * n + z * h.
/// </summary>
/// <remarks>
/// <c>weight_ih_l0</c> is [3H, I] and <c>weight_hh_l0</c> [3H, H] with the row blocks in gate order r, z, n;
/// <c>bias_ih_l0</c> and <c>bias_hh_l0</c> are [3H]. Holds scratch buffers: one instance serves one thread.
/// </remarks>
public sealed class GruCell
{
    private readonly float[] _wihT;   // [I, 3H]
    private readonly float[] _whhT;   // [H, 3H]
    private readonly float[] _wih, _whh;  // PyTorch layout, for the dot-product tail
    private readonly float[] _bih, _bhh;
    private readonly float[] _ai, _ah, _gates;

    /// <summary>Creates the cell from PyTorch tensors (weights [3H, I] and [3H, H], biases [3H]).</summary>
    public GruCell(ReadOnlySpan<float> weightIh, ReadOnlySpan<float> weightHh, ReadOnlySpan<float> biasIh, ReadOnlySpan<float> biasHh, int inputSize, int hiddenSize)
    {
        int g = 3 * hiddenSize;
        if (inputSize <= 0 || hiddenSize <= 0 || weightIh.Length != g * inputSize || weightHh.Length != g * hiddenSize || biasIh.Length != g || biasHh.Length != g)
        {
            throw new ArgumentException($"A GRU cell with input {inputSize} and hidden {hiddenSize} needs weight_ih [{g}, {inputSize}], weight_hh [{g}, {hiddenSize}] and biases [{g}]; got {weightIh.Length}, {weightHh.Length}, {biasIh.Length} and {biasHh.Length} values.");
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
    }

    /// <summary>Input size I.</summary>
    public int InputSize { get; }

    /// <summary>Hidden size H.</summary>
    public int HiddenSize { get; }

    /// <summary>Reads <c>{prefix}weight_ih_l0</c>, <c>{prefix}weight_hh_l0</c>, <c>{prefix}bias_ih_l0</c>, <c>{prefix}bias_hh_l0</c>, checking shapes.</summary>
    public static GruCell FromArtifact(ModelArtifact artifact, string prefix, int inputSize, int hiddenSize) => new(
        artifact.GetTensor(prefix + "weight_ih_l0", 3 * hiddenSize, inputSize),
        artifact.GetTensor(prefix + "weight_hh_l0", 3 * hiddenSize, hiddenSize),
        artifact.GetTensor(prefix + "bias_ih_l0", 3 * hiddenSize),
        artifact.GetTensor(prefix + "bias_hh_l0", 3 * hiddenSize),
        inputSize,
        hiddenSize);

    /// <summary>h' = GRU(x, h). Allocation-free; <paramref name="hNew"/> must not overlap <paramref name="h"/>.</summary>
    public void Step(ReadOnlySpan<float> x, ReadOnlySpan<float> h, Span<float> hNew)
    {
        int H = HiddenSize;
        DenseKernels.Affine(x[..InputSize], _wihT, _wih, _bih, _ai);
        DenseKernels.Affine(h[..H], _whhT, _whh, _bhh, _ah);
        for (int k = 0; k < H; k++)
        {
            float r = DenseKernels.Sigmoid(_ai[k] + _ah[k]);
            float z = DenseKernels.Sigmoid(_ai[H + k] + _ah[H + k]);
            float n = MathF.Tanh(_ai[2 * H + k] + r * _ah[2 * H + k]);
            _gates[k] = r;
            _gates[H + k] = z;
            _gates[2 * H + k] = n;
            hNew[k] = (1f - z) * n + z * h[k];
        }
    }

    /// <summary>
    /// Steps the cell and writes d h' / d [x, h] (H x (I + H), row-major) into <paramref name="jacobian"/>,
    /// exactly by the chain rule through the gates (in double precision from the float32 gate values).
    /// </summary>
    public void Jacobian(ReadOnlySpan<float> x, ReadOnlySpan<float> h, Span<float> hNew, Span<double> jacobian)
    {
        Step(x, h, hNew);
        int H = HiddenSize, I = InputSize, V = I + H, G = 3 * H;
        for (int k = 0; k < H; k++)
        {
            double r = _gates[k], z = _gates[H + k], n = _gates[2 * H + k];
            double hn = _ah[2 * H + k];
            double sr = r * (1 - r), sz = z * (1 - z), sn = 1 - n * n, hk = h[k];
            var row = jacobian.Slice(k * V, V);
            for (int v = 0; v < I; v++)
            {
                int t = v * G;
                double dr = sr * _wihT[t + k];
                double dz = sz * _wihT[t + H + k];
                double dn = sn * (_wihT[t + 2 * H + k] + hn * dr);
                row[v] = (1 - z) * dn + (hk - n) * dz;
            }

            for (int v = 0; v < H; v++)
            {
                int t = v * G;
                double dr = sr * _whhT[t + k];
                double dz = sz * _whhT[t + H + k];
                double dn = sn * (hn * dr + r * _whhT[t + 2 * H + k]);
                row[I + v] = (1 - z) * dn + (hk - n) * dz + (v == k ? z : 0.0);
            }
        }
    }
}
