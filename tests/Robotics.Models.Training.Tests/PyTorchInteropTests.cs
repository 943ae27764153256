using Robotics.Core.Randomness;
using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Robotics.Models.Training.Interop;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Tests;

/// <summary>
/// PyTorch state_dict import/export (TorchSharp.PyBridge). The tensor names and shapes each family needs are written
/// out here from the artifact contract (docs/model-artifacts.md), not taken from the code under test. With python3-torch
/// installed, weights also cross to real PyTorch and back: its forward pass (python/state_dict_interop.py) must equal
/// the managed evaluator's within 1e-5. Those two theories (trait Category=Python) start python3 twice, about 10 s in
/// all, mostly importing torch.
/// </summary>
public sealed class PyTorchInteropTests : IDisposable
{
    private const int N = 2, M = 1, Recurrent = 5;
    private const double Tolerance = 1e-5;
    private readonly string _directory = Directory.CreateTempSubdirectory("robotics-pth-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("mlp")]
    [InlineData("ensemble")]
    [InlineData("gru")]
    [InlineData("lstm")]
    [InlineData("residual")]
    public void ExportThenImport_RoundTripsEveryTensorBitForBit(string family)
    {
        var artifact = RandomArtifact(family, seed: 1);
        string path = Path.Combine(_directory, family + ".pth");
        PyTorchStateDict.Export(artifact, path);
        var imported = PyTorchStateDict.Import(path, artifact.Metadata);

        Assert.Equal(artifact.Metadata.Tensors.Select(t => (t.Name, string.Join("x", t.Shape))), imported.Metadata.Tensors.Select(t => (t.Name, string.Join("x", t.Shape))));
        Assert.Equal(artifact.Weights, imported.Weights);
        Assert.Equal(artifact.Metadata.WeightsSha256, imported.Metadata.WeightsSha256);
        Assert.Contains(Path.GetFileName(path), imported.Metadata.Provenance.Trainer, StringComparison.Ordinal);
        Assert.Null(imported.Metadata.Validation);
    }

    [Fact]
    public void SavePy_LoadsIntoAPlainSequentialWithLoadPy()
    {
        // The file Export writes (save_py) loads strictly (load_py) into nn.Sequential(Linear, Tanh, Linear, Tanh, Linear):
        // the structure a PyTorch user would write.
        var artifact = RandomArtifact("mlp", seed: 2);
        string path = Path.Combine(_directory, "mlp.pth");
        PyTorchStateDict.Export(artifact, path);
        using var net = nn.Sequential(("0", nn.Linear(3, 8)), ("1", nn.Tanh()), ("2", nn.Linear(8, 8)), ("3", nn.Tanh()), ("4", nn.Linear(8, 2)));
        var loaded = new Dictionary<string, bool>();
        net.load_py(path, strict: true, loadedParameters: loaded);

        Assert.Equal(6, loaded.Count(kv => kv.Value));
        foreach (var (name, tensor) in net.state_dict())
        {
            var info = artifact.Metadata.Tensors.Single(t => t.Name == name);
            Assert.Equal(artifact.Weights.AsSpan((int)info.OffsetFloats, (int)info.Length).ToArray(), tensor.data<float>().ToArray());
        }
    }

    [Fact]
    public void Import_OtherHiddenWidth_FailsNamingTheKeyExpectedAndFoundShapes()
    {
        string path = Path.Combine(_directory, "mlp.pth");
        PyTorchStateDict.Export(RandomArtifact("mlp", seed: 3), path);
        var wider = Metadata("mlp") with { Architecture = new ArchitectureInfo([16, 8], "tanh") };

        var e = Assert.Throws<ModelArtifactException>(() => PyTorchStateDict.Import(path, wider));
        Assert.Equal(path, e.Path);
        Assert.Equal("state_dict['0.weight'].shape", e.Field);
        Assert.Contains("expected [16, 3]", e.Message, StringComparison.Ordinal);
        Assert.Contains("found [8, 3]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FewerLayersThanTheFile_ListsMissingAndUnexpectedKeys()
    {
        string path = Path.Combine(_directory, "mlp.pth");
        PyTorchStateDict.Export(RandomArtifact("mlp", seed: 4), path);
        var deeper = Metadata("mlp") with { Architecture = new ArchitectureInfo([8, 8, 8], "tanh") };
        var shallower = Metadata("mlp") with { Architecture = new ArchitectureInfo([8], "tanh") };

        var missing = Assert.Throws<ModelArtifactException>(() => PyTorchStateDict.Import(path, deeper));
        Assert.Equal("state_dict keys", missing.Field);
        Assert.Contains("missing [6.weight, 6.bias]", missing.Message, StringComparison.Ordinal);
        var unexpected = Assert.Throws<ModelArtifactException>(() => PyTorchStateDict.Import(path, shallower));
        Assert.Contains("unexpected [4.bias, 4.weight]", unexpected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FileThatIsNotAStateDict_FailsNamingTheFile()
    {
        string path = Path.Combine(_directory, "notes.pth");
        File.WriteAllText(path, "not a zip archive");
        var e = Assert.Throws<ModelArtifactException>(() => PyTorchStateDict.Import(path, Metadata("mlp")));
        Assert.Equal(path, e.Path);
        Assert.Contains("torch.save(model.state_dict(), path)", e.Message, StringComparison.Ordinal);
    }

    [PythonTorchTheory]
    [Trait("Category", "Python")]
    [InlineData("mlp")]
    [InlineData("ensemble")]
    [InlineData("gru")]
    [InlineData("lstm")]
    public void PythonWrittenStateDict_ImportedModelMatchesPyTorchForward(string family)
    {
        var (directory, cases) = s_pythonWritten.Value;
        var imported = PyTorchStateDict.Import(Path.Combine(directory, family + ".pth"), Metadata(family));
        AssertMatches(family, ModelLoader.Create(imported), cases[family]);
    }

    [PythonTorchTheory]
    [Trait("Category", "Python")]
    [InlineData("mlp")]
    [InlineData("ensemble")]
    [InlineData("gru")]
    [InlineData("lstm")]
    public void ExportedStateDict_LoadsInPyTorchAndMatchesManagedForward(string family)
    {
        var (_, cases) = s_csharpWritten.Value;
        AssertMatches(family, ModelLoader.Create(RandomArtifact(family, seed: 5)), cases[family]);
    }

    // One python process per direction (importing torch takes seconds): all families at once, shared by the theory rows.
    private static readonly Lazy<(string Directory, Dictionary<string, PythonTorch.Cases> Cases)> s_pythonWritten = new(() =>
    {
        string directory = SharedDirectory("robotics-pth-python-");
        return (directory, PythonTorch.RunScript("write", directory));
    });

    private static readonly Lazy<(string Directory, Dictionary<string, PythonTorch.Cases> Cases)> s_csharpWritten = new(() =>
    {
        string directory = SharedDirectory("robotics-pth-csharp-");
        var arguments = new List<string> { "eval" };
        foreach (string family in new[] { "mlp", "ensemble", "gru", "lstm" })
        {
            string path = Path.Combine(directory, family + ".pth");
            PyTorchStateDict.Export(RandomArtifact(family, seed: 5), path);
            arguments.Add($"{family}={path}");
        }

        return (directory, PythonTorch.RunScript([.. arguments]));
    });

    // A temporary folder shared by the rows of a theory, removed when the test process exits.
    private static string SharedDirectory(string prefix)
    {
        string directory = Directory.CreateTempSubdirectory(prefix).FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);
        return directory;
    }

    private static void AssertMatches(string family, IDynamicsModel model, PythonTorch.Cases reference)
    {
        var next = new double[model.StateSize];
        for (int c = 0; c < reference.States.Length; c++)
        {
            Assert.Equal(reference.States[c].Length, model.StateSize);
            model.Step(reference.States[c], reference.Inputs[c], next);
            for (int i = 0; i < next.Length; i++)
            {
                Assert.True(Math.Abs(next[i] - reference.Next[c][i]) <= Tolerance, $"{family} case {c} state {i}: managed {next[i]:R}, PyTorch {reference.Next[c][i]:R}");
            }
        }
    }

    /// <summary>
    /// The metadata python/state_dict_interop.py assumes: 2 states, 1 input, identity normalisation; mlp 3-8-8-2 tanh,
    /// ensemble of 3 relu 3-8-8-2, recurrent hidden size 5; residual as mlp over the mass-spring-damper.
    /// </summary>
    private static ModelMetadata Metadata(string family) => new()
    {
        Name = "interop-" + family,
        Family = family,
        DtS = 0.02,
        State = [new SignalInfo("position_m", "m"), new SignalInfo("velocity_m_s", "m/s")],
        Inputs = [new SignalInfo("force_n", "N")],
        Normalization = new NormalizationInfo([0, 0, 0], [1, 1, 1], [0, 0], [1, 1]),
        Architecture = family switch
        {
            "ensemble" => new ArchitectureInfo([8, 8], "relu", EnsembleSize: 3),
            "gru" or "lstm" => new ArchitectureInfo([], "tanh", RecurrentHiddenSize: Recurrent),
            "residual" => new ArchitectureInfo([8, 8], "tanh", Nominal: new NominalPlantInfo("mass_spring_damper", new Dictionary<string, double>())),
            _ => new ArchitectureInfo([8, 8], "tanh"),
        },
        Provenance = new ProvenanceInfo(0, "", "test", "", "PyTorchInteropTests", "PyTorchInteropTests"),
    };

    /// <summary>Seeded random weights under the contract's names and PyTorch shapes ([out, in] for Linear; 3H / 4H gate rows).</summary>
    private static ModelArtifact RandomArtifact(string family, ulong seed)
    {
        var rng = new Rng(seed);
        var tensors = new List<NamedTensor>();
        void Add(string name, params int[] shape) =>
            tensors.Add(new NamedTensor(name, shape, Enumerable.Range(0, shape.Aggregate(1, (a, b) => a * b)).Select(_ => (float)rng.NextUniform(-0.6, 0.6)).ToArray()));
        void Mlp(string prefix)
        {
            Add(prefix + "0.weight", 8, N + M);
            Add(prefix + "0.bias", 8);
            Add(prefix + "2.weight", 8, 8);
            Add(prefix + "2.bias", 8);
            Add(prefix + "4.weight", N, 8);
            Add(prefix + "4.bias", N);
        }

        switch (family)
        {
            case "ensemble":
                for (int k = 0; k < 3; k++) Mlp($"members.{k}.");
                break;
            case "gru":
            case "lstm":
                int gates = family == "gru" ? 3 : 4;
                Add("rnn.weight_ih_l0", gates * Recurrent, N + M);
                Add("rnn.weight_hh_l0", gates * Recurrent, Recurrent);
                Add("rnn.bias_ih_l0", gates * Recurrent);
                Add("rnn.bias_hh_l0", gates * Recurrent);
                Add("head.weight", N, Recurrent);
                Add("head.bias", N);
                break;
            default:
                Mlp("");
                break;
        }

        return ModelArtifactWriter.Build(Metadata(family), tensors);
    }
}
