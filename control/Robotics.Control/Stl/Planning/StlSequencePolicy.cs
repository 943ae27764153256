using System.Globalization;
using System.Text.Json;

namespace Robotics.Control.Stl.Planning;

/// <summary>
/// Managed inference of an STL-NPC policy: a multilayer perceptron mapping the (normalised) state to a whole control
/// sequence, <c>u = mid + half · tanh(z)</c> reshaped to Horizon x m. Loaded from the small JSON format
/// <c>stl-npc-mlp/1</c> that <c>./robotics train-stl</c> writes (docs/stl.md). Allocation-free per call.
/// </summary>
public sealed class StlSequencePolicy
{
    /// <summary>The format tag written in the JSON file.</summary>
    public const string Format = "stl-npc-mlp/1";

    private readonly double[][] weights;
    private readonly double[][] biases;
    private readonly int[] sizes;
    private readonly bool[] relu;
    private readonly double[] mean;
    private readonly double[] scale;
    private readonly double[] mid;
    private readonly double[] half;
    private readonly double[] a;
    private readonly double[] b;

    /// <summary>Creates a policy from its parts.</summary>
    /// <param name="task">Task name.</param>
    /// <param name="horizon">Controls per sequence.</param>
    /// <param name="inputSize">Inputs per control.</param>
    /// <param name="stateMean">State normalisation offset.</param>
    /// <param name="stateScale">State normalisation divisor.</param>
    /// <param name="controlMin">Lower control bounds.</param>
    /// <param name="controlMax">Upper control bounds.</param>
    /// <param name="layerWeights">Per layer, row-major out x in.</param>
    /// <param name="layerBiases">Per layer, out.</param>
    /// <exception cref="ArgumentException">The shapes do not chain.</exception>
    public StlSequencePolicy(string task, int horizon, int inputSize, double[] stateMean, double[] stateScale,
        double[] controlMin, double[] controlMax, double[][] layerWeights, double[][] layerBiases)
    {
        ArgumentNullException.ThrowIfNull(layerWeights);
        ArgumentNullException.ThrowIfNull(layerBiases);
        ArgumentNullException.ThrowIfNull(stateMean);
        ArgumentNullException.ThrowIfNull(stateScale);
        ArgumentNullException.ThrowIfNull(controlMin);
        ArgumentNullException.ThrowIfNull(controlMax);
        Task = task;
        Horizon = horizon;
        InputSize = inputSize;
        StateSize = stateMean.Length;
        if (layerWeights.Length == 0 || layerWeights.Length != layerBiases.Length || stateScale.Length != StateSize
            || controlMin.Length != inputSize || controlMax.Length != inputSize)
        {
            throw new ArgumentException("STL-NPC policy: layer, normalisation or bound sizes do not match.", nameof(layerWeights));
        }

        sizes = new int[layerWeights.Length + 1];
        sizes[0] = StateSize;
        for (int l = 0; l < layerWeights.Length; l++)
        {
            int outs = layerBiases[l].Length;
            if (layerWeights[l].Length != outs * sizes[l])
            {
                throw new ArgumentException($"STL-NPC policy: layer {l} has {layerWeights[l].Length} weights, expected {outs} x {sizes[l]}.", nameof(layerWeights));
            }

            sizes[l + 1] = outs;
        }

        if (sizes[^1] != horizon * inputSize)
        {
            throw new ArgumentException($"STL-NPC policy: the last layer has {sizes[^1]} outputs, expected horizon x inputs = {horizon * inputSize}.", nameof(layerWeights));
        }

        weights = layerWeights;
        biases = layerBiases;
        relu = new bool[layerWeights.Length];
        for (int l = 0; l < relu.Length - 1; l++)
        {
            relu[l] = true;
        }

        mean = stateMean;
        scale = stateScale;
        mid = new double[inputSize];
        half = new double[inputSize];
        for (int j = 0; j < inputSize; j++)
        {
            mid[j] = 0.5 * (controlMax[j] + controlMin[j]);
            half[j] = 0.5 * (controlMax[j] - controlMin[j]);
        }

        int widest = 0;
        foreach (int s in sizes)
        {
            widest = Math.Max(widest, s);
        }

        a = new double[widest];
        b = new double[widest];
    }

    /// <summary>Task name the policy was trained for.</summary>
    public string Task { get; }

    /// <summary>Controls per sequence.</summary>
    public int Horizon { get; }

    /// <summary>Inputs per control.</summary>
    public int InputSize { get; }

    /// <summary>State size.</summary>
    public int StateSize { get; }

    /// <summary>Writes the control sequence (Horizon x m) for <paramref name="state"/>. Allocation-free.</summary>
    public void Evaluate(ReadOnlySpan<double> state, Span<double> controls)
    {
        for (int i = 0; i < StateSize; i++)
        {
            a[i] = (state[i] - mean[i]) / scale[i];
        }

        double[] input = a, output = b;
        for (int l = 0; l < weights.Length; l++)
        {
            int ins = sizes[l], outs = sizes[l + 1];
            double[] w = weights[l];
            for (int o = 0; o < outs; o++)
            {
                double z = biases[l][o];
                int row = o * ins;
                for (int i = 0; i < ins; i++)
                {
                    z += w[row + i] * input[i];
                }

                output[o] = relu[l] ? Math.Max(0.0, z) : z;
            }

            (input, output) = (output, input);
        }

        for (int k = 0; k < Horizon * InputSize; k++)
        {
            int j = k % InputSize;
            controls[k] = mid[j] + half[j] * Math.Tanh(input[k]);
        }
    }

    /// <summary>Loads a policy from the JSON format <c>stl-npc-mlp/1</c>.</summary>
    /// <exception cref="ArgumentException">The file is not in the format (message names the field).</exception>
    public static StlSequencePolicy Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        string format = root.TryGetProperty("format", out var f) ? f.GetString() ?? "" : "";
        if (format != Format)
        {
            throw new ArgumentException($"{path}: field 'format' is '{format}', expected '{Format}'.", nameof(path));
        }

        double[] Array(JsonElement e, string name) => e.TryGetProperty(name, out var v)
            ? v.EnumerateArray().Select(x => x.GetDouble()).ToArray()
            : throw new ArgumentException($"{path}: missing field '{name}'.", nameof(path));
        var layers = root.GetProperty("layers").EnumerateArray().ToArray();
        return new StlSequencePolicy(
            root.GetProperty("task").GetString() ?? "",
            root.GetProperty("horizon").GetInt32(),
            root.GetProperty("input_size").GetInt32(),
            Array(root, "state_mean"), Array(root, "state_scale"), Array(root, "control_min"), Array(root, "control_max"),
            layers.Select(l => Array(l, "weights")).ToArray(), layers.Select(l => Array(l, "bias")).ToArray());
    }

    /// <summary>Writes the policy as <c>stl-npc-mlp/1</c> JSON (round-trip precision).</summary>
    public static void Save(string path, string task, int horizon, int inputSize, double[] stateMean, double[] stateScale,
        double[] controlMin, double[] controlMax, double[][] layerWeights, double[][] layerBiases)
    {
        ArgumentNullException.ThrowIfNull(layerWeights);
        ArgumentNullException.ThrowIfNull(layerBiases);
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteString("task", task);
        w.WriteNumber("horizon", horizon);
        w.WriteNumber("input_size", inputSize);
        WriteArray(w, "state_mean", stateMean);
        WriteArray(w, "state_scale", stateScale);
        WriteArray(w, "control_min", controlMin);
        WriteArray(w, "control_max", controlMax);
        w.WriteString("activation", "relu hidden layers, linear last layer, u = mid + half * tanh(z)");
        w.WriteStartArray("layers");
        for (int l = 0; l < layerWeights.Length; l++)
        {
            w.WriteStartObject();
            WriteArray(w, "weights", layerWeights[l]);
            WriteArray(w, "bias", layerBiases[l]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
        {
            w.WriteRawValue(((float)v).ToString("R", CultureInfo.InvariantCulture));
        }

        w.WriteEndArray();
    }
}
