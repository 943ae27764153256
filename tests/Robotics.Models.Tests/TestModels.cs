using Robotics.Core.Numerics;
using Robotics.Core.Randomness;
using Robotics.Models.Artifacts;

namespace Robotics.Models.Tests;

/// <summary>Builds small artifacts in memory with seeded random (or formula) weights.</summary>
internal static class TestModels
{
    public static ModelMetadata Metadata(string name, string family, int n, int m, ArchitectureInfo architecture, NormalizationInfo normalization) => new()
    {
        Name = name,
        Family = family,
        DtS = 0.01,
        State = Enumerable.Range(0, n).Select(i => new SignalInfo($"x{i}_m", "m")).ToArray(),
        Inputs = Enumerable.Range(0, m).Select(j => new SignalInfo($"u{j}_n", "N")).ToArray(),
        Normalization = normalization,
        Architecture = architecture,
        Provenance = new ProvenanceInfo(42, "none", "synthetic test weights", "(none)", "tests/Robotics.Models.Tests", "TestModels"),
        Validation = new ValidationInfo(new double[n], new double[n], 50),
    };

    public static NormalizationInfo RandomNormalization(Rng rng, int n, int m) => new(
        Enumerable.Range(0, n + m).Select(_ => rng.NextUniform(-0.3, 0.3)).ToArray(),
        Enumerable.Range(0, n + m).Select(_ => rng.NextUniform(0.5, 2.0)).ToArray(),
        Enumerable.Range(0, n).Select(_ => rng.NextUniform(-0.05, 0.05)).ToArray(),
        Enumerable.Range(0, n).Select(_ => rng.NextUniform(0.05, 0.5)).ToArray());

    public static NormalizationInfo Identity(int n, int m) => new(new double[n + m], Ones(n + m), new double[n], Ones(n));

    public static double[] Ones(int count) => Enumerable.Repeat(1.0, count).ToArray();

    public static NamedTensor Random(Rng rng, string name, double scale, params int[] shape)
    {
        int count = shape.Aggregate(1, (a, b) => a * b);
        var data = new float[count];
        for (int i = 0; i < count; i++) data[i] = (float)(scale * rng.NextUniform(-1, 1));
        return new NamedTensor(name, shape, data);
    }

    /// <summary>Adds nn.Sequential(Linear, act, ..., Linear) tensors with Kaiming-like uniform init.</summary>
    public static void AddMlp(List<NamedTensor> tensors, Rng rng, string prefix, int inputs, int[] hidden, int outputs)
    {
        int fanIn = inputs;
        for (int l = 0; l <= hidden.Length; l++)
        {
            int fanOut = l == hidden.Length ? outputs : hidden[l];
            double bound = 1.0 / Math.Sqrt(fanIn);
            tensors.Add(Random(rng, $"{prefix}{2 * l}.weight", 1.5 * bound, fanOut, fanIn));
            tensors.Add(Random(rng, $"{prefix}{2 * l}.bias", bound, fanOut));
            fanIn = fanOut;
        }
    }

    public static ModelArtifact Mlp(ulong seed, int n, int m, int[] hidden, string activation, int members = 1, string name = "test-mlp")
    {
        var rng = new Rng(seed);
        var tensors = new List<NamedTensor>();
        if (members == 1)
        {
            AddMlp(tensors, rng, "", n + m, hidden, n);
        }
        else
        {
            for (int k = 0; k < members; k++) AddMlp(tensors, rng, $"members.{k}.", n + m, hidden, n);
        }

        var meta = Metadata(name, members == 1 ? ModelFamily.Mlp : ModelFamily.Ensemble, n, m,
            new ArchitectureInfo(hidden, activation, EnsembleSize: members), RandomNormalization(rng, n, m));
        return ModelArtifactWriter.Build(meta, tensors);
    }

    public static ModelArtifact Recurrent(ulong seed, bool lstm, int n, int m, int hiddenSize, string name = "test-rnn")
    {
        var rng = new Rng(seed);
        int g = (lstm ? 4 : 3) * hiddenSize;
        double bound = 1.0 / Math.Sqrt(hiddenSize);
        var tensors = new List<NamedTensor>
        {
            Random(rng, "rnn.weight_ih_l0", 2 * bound, g, n + m),
            Random(rng, "rnn.weight_hh_l0", 2 * bound, g, hiddenSize),
            Random(rng, "rnn.bias_ih_l0", bound, g),
            Random(rng, "rnn.bias_hh_l0", bound, g),
            Random(rng, "head.weight", bound, n, hiddenSize),
            Random(rng, "head.bias", bound, n),
        };
        var meta = Metadata(name, lstm ? ModelFamily.Lstm : ModelFamily.Gru, n, m,
            new ArchitectureInfo([], "tanh", RecurrentHiddenSize: hiddenSize), RandomNormalization(rng, n, m));
        return ModelArtifactWriter.Build(meta, tensors);
    }

    /// <summary>The model of tests/golden/models/recurrent_golden.py (formula weights, fixed normalisation).</summary>
    public static ModelArtifact RecurrentGolden(bool lstm)
    {
        const int n = 2, m = 1, H = 3;
        int g = (lstm ? 4 : 3) * H;
        int[][] shapes = [[g, n + m], [g, H], [g], [g], [n, H], [n]];
        string[] names = ["rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0", "head.weight", "head.bias"];
        var tensors = new List<NamedTensor>();
        for (int t = 0; t < names.Length; t++)
        {
            int count = shapes[t].Aggregate(1, (a, b) => a * b);
            var data = new float[count];
            for (int k = 0; k < count; k++) data[k] = (float)(0.5 * Math.Sin(0.7 * k + 1.3 * t + 0.1));
            tensors.Add(new NamedTensor(names[t], shapes[t], data));
        }

        var norm = new NormalizationInfo([0.1, -0.2, 0.3], [2, 0.5, 4], [0.01, -0.02], [0.1, 0.3]);
        var meta = Metadata(lstm ? "golden-lstm" : "golden-gru", lstm ? ModelFamily.Lstm : ModelFamily.Gru, n, m,
            new ArchitectureInfo([], "tanh", RecurrentHiddenSize: H), norm);
        return ModelArtifactWriter.Build(meta, tensors);
    }

    public static ModelArtifact Residual(ulong seed, int[] hidden)
    {
        var rng = new Rng(seed);
        var tensors = new List<NamedTensor>();
        AddMlp(tensors, rng, "", 3, hidden, 2);
        var nominal = new NominalPlantInfo(TestOscillator.TypeName, new Dictionary<string, double> { ["stiffness_n_m"] = 4.0, ["damping_n_s_m"] = 0.5 });
        var norm = RandomNormalization(rng, 2, 1);
        norm = norm with { OutputStd = [0.01, 0.02] };
        var meta = Metadata("test-residual", ModelFamily.Residual, 2, 1, new ArchitectureInfo(hidden, "tanh", Nominal: nominal), norm);
        return ModelArtifactWriter.Build(meta, tensors);
    }

    public static IOdeSystem NominalFactory(NominalPlantInfo info) => info.Plant == TestOscillator.TypeName
        ? new TestOscillator(info.Parameters["stiffness_n_m"], info.Parameters["damping_n_s_m"])
        : throw new ArgumentException($"unknown plant {info.Plant}");

    /// <summary>Random points with states and inputs in [-range, range].</summary>
    public static double[] Points(Rng rng, int count, double range)
    {
        var p = new double[count];
        for (int i = 0; i < count; i++) p[i] = rng.NextUniform(-range, range);
        return p;
    }
}

/// <summary>x'' = u - k x - c x' with unit mass: a nominal plant for residual models.</summary>
internal sealed class TestOscillator(double stiffness, double damping) : IOdeSystem
{
    public const string TypeName = "test_oscillator";

    public double Stiffness => stiffness;

    public double Damping => damping;

    public int StateSize => 2;

    public int InputSize => 1;

    public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        derivative[0] = state[1];
        derivative[1] = input[0] - stiffness * state[0] - damping * state[1];
    }
}
