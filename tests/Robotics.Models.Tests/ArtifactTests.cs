using System.Text;
using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;

namespace Robotics.Models.Tests;

public sealed class ArtifactTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "robotics-models-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private string SaveMlp(string name = "msd-mlp")
    {
        var artifact = TestModels.Mlp(1, 2, 1, [8], "relu", name: name);
        return ModelArtifactWriter.Save(artifact, _dir).JsonPath;
    }

    private static ModelArtifactException Fails(string path) => Assert.Throws<ModelArtifactException>(() => ModelArtifactReader.Load(path));

    private static void AssertMessage(ModelArtifactException e, string path, string field, params string[] fragments)
    {
        Assert.Equal(path, e.Path);
        Assert.Equal(field, e.Field);
        Assert.StartsWith($"{path}: {field}: ", e.Message);
        foreach (var f in fragments) Assert.Contains(f, e.Message);
    }

    private static void EditJson(string path, string from, string to)
    {
        string text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    [Theory]
    [InlineData("mlp-relu")]
    [InlineData("ensemble")]
    [InlineData("gru")]
    [InlineData("lstm")]
    [InlineData("residual")]
    public void SaveThenLoad_RoundTripsMetadataWeightsAndPredictions(string kind)
    {
        var artifact = Families.Artifact(kind);
        string path = ModelArtifactWriter.Save(artifact, _dir).JsonPath;
        Assert.True(File.Exists(Path.Combine(_dir, artifact.Metadata.WeightsFile)));
        var loaded = ModelArtifactReader.Load(path);
        Assert.Equal(artifact.Weights, loaded.Weights);
        Assert.Equal(artifact.Metadata.Sha256, loaded.Metadata.Sha256);
        Assert.Equal(artifact.Metadata.Family, loaded.Metadata.Family);

        var a = ModelLoader.Load(artifact, TestModels.NominalFactory);
        var b = ModelLoader.Load(path, TestModels.NominalFactory);
        var state = Enumerable.Range(0, a.StateSize).Select(i => 0.1 * i).ToArray();
        var na = new double[a.StateSize];
        var nb = new double[b.StateSize];
        a.Step(state, new double[a.InputSize], na);
        b.Step(state, new double[b.InputSize], nb);
        Assert.Equal(na, nb);
    }

    [Fact]
    public void Save_SameModelTwice_GivesIdenticalBytes()
    {
        string first = SaveMlp("a");
        byte[] json1 = File.ReadAllBytes(first);
        string second = ModelArtifactWriter.Save(TestModels.Mlp(1, 2, 1, [8], "relu", name: "a"), Path.Combine(_dir, "b")).JsonPath;
        Assert.Equal(json1, File.ReadAllBytes(second));
    }

    [Fact]
    public void Metadata_UsesSnakeCaseKeysOfTheDocumentedFormat()
    {
        string text = File.ReadAllText(SaveMlp());
        foreach (var key in ModelArtifactReader.RequiredFields) Assert.Contains($"\"{key}\":", text);
        Assert.Contains("\"robotics-model\"", text);
        Assert.Contains("\"offset_floats\":", text);
        Assert.Contains("\"one_step_rmse\":", text);
    }

    [Fact]
    public void Load_MissingFile_NamesThePath()
    {
        string path = Path.Combine(_dir, "nope.model.json");
        AssertMessage(Fails(path), path, "(file)", "does not exist");
    }

    [Fact]
    public void Load_WrongFormat_SaysExpectedAndFound()
    {
        string path = SaveMlp();
        EditJson(path, "\"robotics-model\"", "\"onnx\"");
        AssertMessage(Fails(path), path, "format", "expected \"robotics-model\"", "found \"onnx\"");
    }

    [Fact]
    public void Load_NewerFormatVersion_SaysExpectedAndFound()
    {
        string path = SaveMlp();
        EditJson(path, "\"format_version\": 1", "\"format_version\": 2");
        AssertMessage(Fails(path), path, "format_version", "expected 1, found 2", "export it again");
    }

    [Fact]
    public void Load_MissingField_NamesTheField()
    {
        string path = SaveMlp();
        EditJson(path, "\"dt_s\": 0.01,", "");
        AssertMessage(Fails(path), path, "dt_s", "expected the field \"dt_s\", found it missing", "export the model again");
    }

    [Fact]
    public void Load_InvalidJson_GivesLine()
    {
        string path = SaveMlp();
        File.WriteAllText(path, "{ \"format\": ");
        var e = Fails(path);
        Assert.Equal(path, e.Path);
        Assert.Contains("not valid artifact JSON at line", e.Message);
    }

    [Fact]
    public void Load_EditedValue_FailsTheMetadataHash()
    {
        string path = SaveMlp();
        EditJson(path, "\"dt_s\": 0.01", "\"dt_s\": 0.02");
        AssertMessage(Fails(path), path, "sha256", "expected ", "the metadata hashes to ", "edited after export");
    }

    [Fact]
    public void Load_TruncatedWeights_ReportsExpectedAndFoundBytes()
    {
        string path = SaveMlp();
        string weights = Path.Combine(_dir, "msd-mlp.weights.bin");
        byte[] bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..^4]);
        // 2-8-... network: 3*8 + 8 + 8*2 + 2 = 50 floats = 200 bytes.
        AssertMessage(Fails(path), path, "weights_file", "expected 200 bytes (50 float32 values", "found 196 bytes", "truncated");
    }

    [Fact]
    public void Load_FlippedWeightByte_FailsTheWeightsHash()
    {
        string path = SaveMlp();
        string weights = Path.Combine(_dir, "msd-mlp.weights.bin");
        byte[] bytes = File.ReadAllBytes(weights);
        bytes[17] ^= 0x01;
        File.WriteAllBytes(weights, bytes);
        AssertMessage(Fails(path), path, "weights_sha256", "the weights file hashes to", "modified or corrupted");
    }

    [Fact]
    public void Load_MissingWeightsFile_SaysKeepThemTogether()
    {
        string path = SaveMlp();
        File.Delete(Path.Combine(_dir, "msd-mlp.weights.bin"));
        AssertMessage(Fails(path), path, "weights_file", "'msd-mlp.weights.bin' does not exist next to the JSON file");
    }

    [Fact]
    public void Load_NaNWeight_NamesTensorAndElement()
    {
        var good = TestModels.Mlp(1, 2, 1, [8], "relu", name: "nan");
        var tensors = good.Metadata.Tensors.Select(t => new NamedTensor(t.Name, t.Shape, good.Weights.AsSpan((int)t.OffsetFloats, (int)t.Length).ToArray())).ToArray();
        tensors[2].Data[5] = float.NaN; // 2.weight, element 5
        string path = ModelArtifactWriter.Save(ModelArtifactWriter.Build(good.Metadata with { Tensors = [] }, tensors), _dir).JsonPath;
        AssertMessage(Fails(path), path, "tensors['2.weight']", "element 5 is NaN", "Training diverged");
    }

    [Fact]
    public void Load_ShapeDisagreesWithArchitecture_NamesTensorAndShapes()
    {
        // Architecture claims hidden width 6 but the tensors are for width 8.
        var good = TestModels.Mlp(1, 2, 1, [8], "relu", name: "shape");
        var tensors = good.Metadata.Tensors.Select(t => new NamedTensor(t.Name, t.Shape, good.Weights.AsSpan((int)t.OffsetFloats, (int)t.Length).ToArray())).ToArray();
        var bad = ModelArtifactWriter.Build(good.Metadata with { Architecture = good.Metadata.Architecture with { HiddenSizes = [6] } }, tensors);
        string path = ModelArtifactWriter.Save(bad, _dir).JsonPath;
        AssertMessage(Fails(path), path, "tensors['0.weight'].shape", "expected [6, 3] from the architecture, found [8, 3]");
        // The in-memory route (trainer: Build then ModelLoader) reports the same.
        var e = Assert.Throws<ModelArtifactException>(() => ModelLoader.Load(bad));
        Assert.Equal("tensors['0.weight'].shape", e.Field);
    }

    [Fact]
    public void Load_ExtraTensor_ListsTheUnusedOnes()
    {
        // The architecture says one hidden layer (tensors 0.* and 2.*), but the weights also hold a layer 4.*.
        var deep = TestModels.Mlp(1, 2, 1, [8, 8], "relu", name: "deep");
        var tensors = deep.Metadata.Tensors.Select(t => new NamedTensor(t.Name, t.Shape, deep.Weights.AsSpan((int)t.OffsetFloats, (int)t.Length).ToArray())).ToArray();
        var meta = deep.Metadata with { Architecture = deep.Metadata.Architecture with { HiddenSizes = [8] }, Tensors = [] };
        var reshaped = new[] { tensors[0], tensors[1], new NamedTensor("2.weight", [2, 8], new float[16]), new NamedTensor("2.bias", [2], new float[2]), tensors[4], tensors[5] };
        string path = ModelArtifactWriter.Save(ModelArtifactWriter.Build(meta with { Name = "deep" }, reshaped), _dir).JsonPath;
        AssertMessage(Fails(path), path, "tensors", "expected the 4 tensors of the architecture, found 6 (not used: 4.weight, 4.bias)");
    }

    [Fact]
    public void Load_MissingTensor_ListsWhatIsThere()
    {
        var good = TestModels.Recurrent(1, lstm: false, 2, 1, 4);
        var tensors = good.Metadata.Tensors.Where(t => t.Name != "head.bias")
            .Select(t => new NamedTensor(t.Name, t.Shape, good.Weights.AsSpan((int)t.OffsetFloats, (int)t.Length).ToArray())).ToArray();
        var bad = ModelArtifactWriter.Build(good.Metadata with { Tensors = [] }, tensors);
        var e = Assert.Throws<ModelArtifactException>(() => ModelLoader.Load(bad));
        Assert.Equal("tensors['head.bias']", e.Field);
        Assert.Contains("needs tensor 'head.bias'", e.Message);
    }

    [Fact]
    public void Load_NormalizationOfWrongLength_SaysExpectedCount()
    {
        string path = SaveMlp();
        var artifact = ModelArtifactReader.Load(path);
        var meta = artifact.Metadata with { Normalization = artifact.Metadata.Normalization with { InputStd = [1.0, 1.0] } };
        var tensors = meta.Tensors.Select(t => new NamedTensor(t.Name, t.Shape, artifact.Weights.AsSpan((int)t.OffsetFloats, (int)t.Length).ToArray())).ToArray();
        string bad = ModelArtifactWriter.Save(ModelArtifactWriter.Build(meta, tensors), Path.Combine(_dir, "norm")).JsonPath;
        AssertMessage(Fails(bad), bad, "normalization.input_std", "expected 3 values, found 2");
    }

    [Fact]
    public void EnsureSignals_OtherPlant_SaysExpectedAndFoundNames()
    {
        string path = SaveMlp();
        var artifact = ModelArtifactReader.Load(path);
        artifact.EnsureSignals(["x0_m", "x1_m"], ["u0_n"]);
        var e = Assert.Throws<ModelArtifactException>(() => artifact.EnsureSignals(["angle_rad", "angular_velocity_rad_s"], ["u0_n"]));
        AssertMessage(e, path, "state", "expected [angle_rad, angular_velocity_rad_s], found [x0_m, x1_m]", "trained on another plant");
    }

    [Fact]
    public void Residual_WithoutNominalFactory_SaysHowToBuildThePlant()
    {
        var e = Assert.Throws<ModelArtifactException>(() => ModelLoader.Load(TestModels.Residual(1, [4])));
        Assert.Equal("architecture.nominal", e.Field);
        Assert.Contains("'test_oscillator' plant", e.Message);
    }

    [Fact]
    public void Json_IsUtf8WithoutBom()
    {
        byte[] bytes = File.ReadAllBytes(SaveMlp());
        Assert.Equal((byte)'{', bytes[0]);
        Assert.Equal(bytes.Length, Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(bytes)));
    }
}
