using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Robotics.Control.Risk;

/// <summary>
/// The learned density network g(x0, t) -> (x_t, log ρ_t(x_t) - log ρ0(x0)) of the reachable-density work
/// (Meng and Fan, CoRL 2021; docs/risk-learned-density.md), evaluated in managed double precision. Allocation-free
/// after construction; one instance is not safe to use from two threads at once (use <see cref="Clone"/>).
/// </summary>
/// <remarks>
/// <para>Input z = [(x0 - inputMean) / inputScale, t / horizon] (length n + 1); hidden layers tanh(W z + b); a linear
/// last layer gives o (length n + 1). The outputs enforce the initial condition exactly:
/// <c>x_t = x0 + (t / horizon) · outputScale ⊙ o[0..n)</c> and
/// <c>Δ log ρ = (t / horizon) · logDensityScale · o[n]</c>, so g(x0, 0) = (x0, 0).</para>
/// <para>Stored as JSON <c>liouville-density-mlp/1</c> with round-trip doubles (weights row-major out x in, the
/// PyTorch <c>nn.Linear</c> layout).</para>
/// </remarks>
public sealed class LearnedDensityNetwork
{
    /// <summary>The JSON format name.</summary>
    public const string Format = "liouville-density-mlp/1";

    private readonly double[][] weights;
    private readonly double[][] biases;
    private readonly int[] sizes;
    private readonly double[] inputMean;
    private readonly double[] inputScale;
    private readonly double[] outputScale;
    private readonly double[] a;
    private readonly double[] b;
    private readonly double[] blockA;
    private readonly double[] blockB;

    /// <summary>Samples per block of <see cref="EvaluateBatch"/> (a multiple of the SIMD width).</summary>
    public const int BlockSize = 64;

    /// <summary>Creates the network from its normalisation and layers.</summary>
    /// <param name="system">Name of the closed loop it was trained for.</param>
    /// <param name="horizon">Time normaliser, seconds (the training horizon).</param>
    /// <param name="inputMean">x0 offset (length n).</param>
    /// <param name="inputScale">x0 divisor (length n, positive).</param>
    /// <param name="outputScale">Scale of the state displacement outputs (length n).</param>
    /// <param name="logDensityScale">Scale of the log-density output.</param>
    /// <param name="layerWeights">Per layer, row-major out x in.</param>
    /// <param name="layerBiases">Per layer, out.</param>
    /// <exception cref="ArgumentException">The sizes do not chain (the message names the layer).</exception>
    public LearnedDensityNetwork(string system, double horizon, double[] inputMean, double[] inputScale, double[] outputScale,
        double logDensityScale, double[][] layerWeights, double[][] layerBiases)
    {
        ArgumentNullException.ThrowIfNull(inputMean);
        ArgumentNullException.ThrowIfNull(inputScale);
        ArgumentNullException.ThrowIfNull(outputScale);
        ArgumentNullException.ThrowIfNull(layerWeights);
        ArgumentNullException.ThrowIfNull(layerBiases);
        int n = inputMean.Length;
        if (n == 0 || inputScale.Length != n || outputScale.Length != n)
        {
            throw new ArgumentException($"input_mean, input_scale and output_scale must have the same length >= 1, got {inputMean.Length}, {inputScale.Length}, {outputScale.Length}.", nameof(inputMean));
        }

        if (!(horizon > 0))
        {
            throw new ArgumentException($"horizon must be > 0 s, got {horizon}.", nameof(horizon));
        }

        if (layerWeights.Length == 0 || layerWeights.Length != layerBiases.Length)
        {
            throw new ArgumentException($"Need >= 1 layer and one bias per layer, got {layerWeights.Length} weights and {layerBiases.Length} biases.", nameof(layerWeights));
        }

        sizes = new int[layerWeights.Length + 1];
        sizes[0] = n + 1;
        int widest = n + 1;
        for (int l = 0; l < layerWeights.Length; l++)
        {
            int outputs = layerBiases[l].Length;
            if (outputs == 0 || layerWeights[l].Length != outputs * sizes[l])
            {
                throw new ArgumentException($"Layer {l}: {layerWeights[l].Length} weights for {sizes[l]} inputs and {outputs} outputs (need {outputs * sizes[l]}).", nameof(layerWeights));
            }

            sizes[l + 1] = outputs;
            widest = Math.Max(widest, outputs);
        }

        if (sizes[^1] != n + 1)
        {
            throw new ArgumentException($"The last layer must have {n + 1} outputs (state + log-density), got {sizes[^1]}.", nameof(layerWeights));
        }

        System = system;
        Horizon = horizon;
        StateSize = n;
        LogDensityScale = logDensityScale;
        this.inputMean = (double[])inputMean.Clone();
        this.inputScale = (double[])inputScale.Clone();
        this.outputScale = (double[])outputScale.Clone();
        weights = layerWeights.Select(w => (double[])w.Clone()).ToArray();
        biases = layerBiases.Select(v => (double[])v.Clone()).ToArray();
        a = new double[widest];
        b = new double[widest];
        blockA = new double[widest * BlockSize];
        blockB = new double[widest * BlockSize];
    }

    /// <summary>Name of the closed loop the network was trained for.</summary>
    public string System { get; }

    /// <summary>Time normaliser, seconds.</summary>
    public double Horizon { get; }

    /// <summary>State dimension n.</summary>
    public int StateSize { get; }

    /// <summary>Scale of the log-density output.</summary>
    public double LogDensityScale { get; }

    /// <summary>Layer widths, input first (n + 1, hidden..., n + 1).</summary>
    public IReadOnlyList<int> LayerSizes => sizes;

    /// <summary>A copy with its own scratch buffers.</summary>
    /// <returns>The copy.</returns>
    public LearnedDensityNetwork Clone() => new(System, Horizon, inputMean, inputScale, outputScale, LogDensityScale, weights, biases);

    /// <summary>
    /// Evaluates g(x0, t): writes x_t into <paramref name="state"/> and returns the log-density change
    /// log ρ_t(x_t) - log ρ0(x0). Allocation-free.
    /// </summary>
    /// <param name="initialState">x0 (length n).</param>
    /// <param name="time">t, seconds.</param>
    /// <param name="state">Receives x_t (length n; may not alias <paramref name="initialState"/>).</param>
    /// <returns>The log-density change.</returns>
    public double Evaluate(ReadOnlySpan<double> initialState, double time, Span<double> state)
    {
        int n = StateSize;
        double tau = time / Horizon;
        for (int i = 0; i < n; i++)
        {
            a[i] = (initialState[i] - inputMean[i]) / inputScale[i];
        }

        a[n] = tau;
        double[] input = a, output = b;
        int last = weights.Length - 1;
        for (int l = 0; l <= last; l++)
        {
            double[] w = weights[l];
            double[] bias = biases[l];
            int fanIn = sizes[l], fanOut = sizes[l + 1];
            for (int j = 0; j < fanOut; j++)
            {
                double sum = bias[j];
                int row = j * fanIn;
                for (int k = 0; k < fanIn; k++)
                {
                    sum += w[row + k] * input[k];
                }

                output[j] = l == last ? sum : Math.Tanh(sum);
            }

            (input, output) = (output, input);
        }

        for (int i = 0; i < n; i++)
        {
            state[i] = initialState[i] + (tau * outputScale[i] * input[i]);
        }

        return tau * LogDensityScale * input[n];
    }

    /// <summary>
    /// g(x0, t) for <paramref name="count"/> initial states at one time, blocks of <see cref="BlockSize"/> samples at
    /// once with SIMD across samples (structure of arrays inside). Equal to <see cref="Evaluate"/> up to rounding
    /// (tanh is computed as 1 - 2 / (exp(2|z|) + 1) with the vector exp; differences of order 1e-15). Allocation-free.
    /// </summary>
    /// <param name="initialStates">x0, row-major (count x n).</param>
    /// <param name="count">Number of samples.</param>
    /// <param name="time">t, seconds.</param>
    /// <param name="states">Receives x_t, row-major (count x n).</param>
    /// <param name="logDensityChanges">Receives Δ log ρ (count).</param>
    /// <exception cref="ArgumentException">A buffer is too short.</exception>
    public void EvaluateBatch(ReadOnlySpan<double> initialStates, int count, double time, Span<double> states, Span<double> logDensityChanges)
    {
        int n = StateSize;
        if (count < 0 || initialStates.Length < count * n || states.Length < count * n || logDensityChanges.Length < count)
        {
            throw new ArgumentException($"Learned density: a batch of {count} needs {count * n} states and {count} log-density changes; got {initialStates.Length}, {states.Length}, {logDensityChanges.Length}.", nameof(states));
        }

        double tau = time / Horizon;
        int last = weights.Length - 1;
        for (int start = 0; start < count; start += BlockSize)
        {
            int size = Math.Min(BlockSize, count - start);
            Span<double> input = blockA;
            Span<double> output = blockB;
            for (int i = 0; i < n; i++)
            {
                double m = inputMean[i], s = inputScale[i];
                Span<double> row = input.Slice(i * BlockSize, BlockSize);
                for (int p = 0; p < size; p++)
                {
                    row[p] = (initialStates[((start + p) * n) + i] - m) / s;
                }

                row[size..].Clear();
            }

            input.Slice(n * BlockSize, BlockSize).Fill(tau);
            for (int l = 0; l <= last; l++)
            {
                LayerBlock(weights[l], biases[l], sizes[l], sizes[l + 1], input, output, l != last);
                Span<double> swap = input;
                input = output;
                output = swap;
            }

            for (int p = 0; p < size; p++)
            {
                int sample = start + p;
                for (int i = 0; i < n; i++)
                {
                    states[(sample * n) + i] = initialStates[(sample * n) + i] + (tau * outputScale[i] * input[(i * BlockSize) + p]);
                }

                logDensityChanges[sample] = tau * LogDensityScale * input[(n * BlockSize) + p];
            }
        }
    }

    private static void LayerBlock(double[] w, double[] bias, int fanIn, int fanOut, ReadOnlySpan<double> input, Span<double> output, bool hidden)
    {
        ReadOnlySpan<Vector<double>> x = MemoryMarshal.Cast<double, Vector<double>>(input[..(fanIn * BlockSize)]);
        Span<Vector<double>> y = MemoryMarshal.Cast<double, Vector<double>>(output[..(fanOut * BlockSize)]);
        int lanes = BlockSize / Vector<double>.Count;
        var one = Vector<double>.One;
        var two = new Vector<double>(2.0);
        for (int j = 0; j < fanOut; j++)
        {
            Span<Vector<double>> acc = y.Slice(j * lanes, lanes);
            acc.Fill(new Vector<double>(bias[j]));
            int row = j * fanIn;
            for (int k = 0; k < fanIn; k++)
            {
                var wk = new Vector<double>(w[row + k]);
                ReadOnlySpan<Vector<double>> xk = x.Slice(k * lanes, lanes);
                for (int v = 0; v < lanes; v++)
                {
                    acc[v] = Vector.FusedMultiplyAdd(wk, xk[v], acc[v]);
                }
            }

            if (hidden)
            {
                for (int v = 0; v < lanes; v++)
                {
                    // tanh z = sign(z) (1 - 2 / (exp(2|z|) + 1)); exp overflow gives ±1 exactly.
                    var z = acc[v];
                    var e = Vector.Exp(two * Vector.Abs(z));
                    var t = one - (two / (e + one));
                    acc[v] = Vector.ConditionalSelect(Vector.LessThan(z, Vector<double>.Zero), -t, t);
                }
            }
        }
    }

    /// <summary>Loads a network from <c>liouville-density-mlp/1</c> JSON.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The network.</returns>
    /// <exception cref="ArgumentException">The file is not in the format (the message names the file and field).</exception>
    public static LearnedDensityNetwork Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        string format = root.TryGetProperty("format", out var f) ? f.GetString() ?? "" : "";
        if (format != Format)
        {
            throw new ArgumentException($"{path}: field 'format' is '{format}', expected '{Format}'; train one with `robotics train-density`.", nameof(path));
        }

        double[] Array(JsonElement e, string name) => e.TryGetProperty(name, out var v)
            ? v.EnumerateArray().Select(x => x.GetDouble()).ToArray()
            : throw new ArgumentException($"{path}: missing field '{name}'.", nameof(path));
        double Number(string name) => root.TryGetProperty(name, out var v)
            ? v.GetDouble()
            : throw new ArgumentException($"{path}: missing field '{name}'.", nameof(path));
        if (!root.TryGetProperty("layers", out var layersElement))
        {
            throw new ArgumentException($"{path}: missing field 'layers'.", nameof(path));
        }

        var layers = layersElement.EnumerateArray().ToArray();
        return new LearnedDensityNetwork(
            root.TryGetProperty("system", out var s) ? s.GetString() ?? "" : "",
            Number("horizon_s"), Array(root, "input_mean"), Array(root, "input_scale"), Array(root, "output_scale"),
            Number("log_density_scale"), layers.Select(l => Array(l, "weights")).ToArray(), layers.Select(l => Array(l, "bias")).ToArray());
    }

    /// <summary>Writes the network as <c>liouville-density-mlp/1</c> JSON (round-trip doubles).</summary>
    /// <param name="path">The file (its folder must exist).</param>
    /// <param name="provenance">Free text recorded in the file (the command that made it).</param>
    public void Save(string path, string provenance)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteString("system", System);
        w.WriteString("provenance", provenance);
        w.WriteString("semantics", "z = [(x0 - input_mean) / input_scale, t / horizon_s]; tanh hidden layers, linear last layer o; x_t = x0 + (t / horizon_s) * output_scale * o[0..n); dlogrho = (t / horizon_s) * log_density_scale * o[n]");
        w.WriteNumber("horizon_s", Horizon);
        w.WriteNumber("log_density_scale", LogDensityScale);
        WriteArray(w, "input_mean", inputMean);
        WriteArray(w, "input_scale", inputScale);
        WriteArray(w, "output_scale", outputScale);
        w.WriteStartArray("layers");
        for (int l = 0; l < weights.Length; l++)
        {
            w.WriteStartObject();
            w.WriteNumber("inputs", sizes[l]);
            w.WriteNumber("outputs", sizes[l + 1]);
            WriteArray(w, "weights", weights[l]);
            WriteArray(w, "bias", biases[l]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The stored parameters (for exporters and parity tests): normalisation and layers.</summary>
    /// <returns>Copies of input mean, input scale, output scale, layer weights and biases.</returns>
    public (double[] InputMean, double[] InputScale, double[] OutputScale, double[][] Weights, double[][] Biases) Parameters() =>
        ((double[])inputMean.Clone(), (double[])inputScale.Clone(), (double[])outputScale.Clone(),
            weights.Select(v => (double[])v.Clone()).ToArray(), biases.Select(v => (double[])v.Clone()).ToArray());

    private static void WriteArray(Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
        {
            w.WriteRawValue(v.ToString("R", CultureInfo.InvariantCulture));
        }

        w.WriteEndArray();
    }
}
