using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;

namespace Robotics.Models.Artifacts;

/// <summary>
/// Reads and validates a model artifact. Every problem is a <see cref="ModelArtifactException"/> naming the
/// file, the field, expected versus found, and a fix; a model that loads is internally consistent.
/// </summary>
public static class ModelArtifactReader
{
    /// <summary>Loads <c>&lt;name&gt;.model.json</c> and the weights file it names.</summary>
    public static ModelArtifact Load(string jsonPath)
    {
        if (!File.Exists(jsonPath))
        {
            throw new ModelArtifactException(jsonPath, "(file)", "the file does not exist",
                $"Give the path of a '{ModelArtifactWriter.MetadataSuffix}' file, e.g. models/artifacts/msd-mlp{ModelArtifactWriter.MetadataSuffix}.");
        }

        byte[] json = File.ReadAllBytes(jsonPath);
        ModelMetadata? metadata;
        try
        {
            CheckRequiredFields(json, jsonPath);
            metadata = JsonSerializer.Deserialize<ModelMetadata>(json, ArtifactJson.Options);
        }
        catch (JsonException e)
        {
            throw new ModelArtifactException(jsonPath, e.Path is { Length: > 0 } p ? p : "(json)",
                $"not valid artifact JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}",
                "Restore the file from version control or export the model again.", e);
        }

        if (metadata is null)
        {
            throw new ModelArtifactException(jsonPath, "(json)", "the file holds JSON null", "Export the model again.");
        }

        CheckMetadata(metadata, jsonPath);

        string weightsPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!, metadata.WeightsFile);
        if (!File.Exists(weightsPath))
        {
            throw new ModelArtifactException(jsonPath, "weights_file", $"'{metadata.WeightsFile}' does not exist next to the JSON file",
                "Keep the .weights.bin file beside its .model.json (they are one artifact).");
        }

        byte[] bytes = File.ReadAllBytes(weightsPath);
        long expectedFloats = metadata.Tensors.Sum(t => t.Length);
        if (bytes.Length != expectedFloats * sizeof(float))
        {
            throw new ModelArtifactException(jsonPath, "weights_file",
                $"expected {expectedFloats * sizeof(float)} bytes ({expectedFloats} float32 values for the listed tensors), found {bytes.Length} bytes in {metadata.WeightsFile}",
                "The weights file is truncated or belongs to another model; export the model again.");
        }

        string sha = ArtifactJson.Hex(SHA256.HashData(bytes));
        if (sha != metadata.WeightsSha256)
        {
            throw new ModelArtifactException(jsonPath, "weights_sha256", $"expected {metadata.WeightsSha256}, the weights file hashes to {sha}",
                "The weights were modified or corrupted after export; restore them or export the model again.");
        }

        var weights = new float[expectedFloats];
        for (int i = 0; i < weights.Length; i++) weights[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        foreach (var t in metadata.Tensors)
        {
            for (long i = t.OffsetFloats; i < t.OffsetFloats + t.Length; i++)
            {
                if (!float.IsFinite(weights[i]))
                {
                    throw new ModelArtifactException(jsonPath, $"tensors['{t.Name}']", $"element {i - t.OffsetFloats} is {weights[i]}",
                        "Training diverged; lower the learning rate and train again.");
                }
            }
        }

        return new ModelArtifact(metadata, weights, jsonPath);
    }

    /// <summary>The top-level fields every artifact has (<c>validation</c> is optional).</summary>
    public static IReadOnlyList<string> RequiredFields { get; } =
    [
        "format", "format_version", "name", "family", "dt_s", "state", "inputs", "normalization", "architecture",
        "tensors", "weights_file", "weights_sha256", "provenance", "sha256",
    ];

    private static void CheckRequiredFields(byte[] json, string path)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ModelArtifactException(path, "(json)", $"expected a JSON object, found {document.RootElement.ValueKind}", "Restore the file or export the model again.");
        }

        foreach (string field in RequiredFields)
        {
            if (!document.RootElement.TryGetProperty(field, out _))
            {
                throw new ModelArtifactException(path, field, $"expected the field \"{field}\", found it missing",
                    "Every artifact carries all fields of docs/model-artifacts.md; export the model again with ModelArtifactWriter.");
            }
        }
    }

    /// <summary>Checks the metadata alone (fields, sizes, hash); used by <see cref="Load"/>.</summary>
    internal static void CheckMetadata(ModelMetadata m, string path)
    {
        const string refit = "Export the model again from the trainer.";
        if (m.Format != ModelMetadata.FormatTag)
        {
            throw new ModelArtifactException(path, "format", $"expected \"{ModelMetadata.FormatTag}\", found \"{m.Format}\"", "This is not a model artifact of this project.");
        }

        if (m.FormatVersion != ModelMetadata.CurrentFormatVersion)
        {
            throw new ModelArtifactException(path, "format_version", $"expected {ModelMetadata.CurrentFormatVersion}, found {m.FormatVersion}",
                "The artifact was written by another version of the tools; export it again with this version.");
        }

        Require(!string.IsNullOrWhiteSpace(m.Name), path, "name", "a non-empty name", "nothing", refit);
        Require(ModelFamily.All.Contains(m.Family), path, "family", $"one of {string.Join(", ", ModelFamily.All)}", $"\"{m.Family}\"", refit);
        Require(double.IsFinite(m.DtS) && m.DtS > 0, path, "dt_s", "a time step > 0 s", m.DtS.ToString("R"), refit);
        Require(m.State is { Count: > 0 }, path, "state", "at least one state signal", "none", refit);
        Require(m.Inputs is not null, path, "inputs", "a list of input signals", "null", refit);
        Require(m.Normalization is not null, path, "normalization", "an object", "null", refit);
        Require(m.Architecture is not null, path, "architecture", "an object", "null", refit);
        Require(m.Tensors is { Count: > 0 }, path, "tensors", "at least one tensor", "none", refit);
        Require(!string.IsNullOrEmpty(m.WeightsFile), path, "weights_file", "a file name", "nothing", refit);

        int n = m.State!.Count, inputs = m.Inputs!.Count;
        var norm = m.Normalization!;
        CheckStats(norm.InputMean, norm.InputStd, n + inputs, "input", path);
        CheckStats(norm.OutputMean, norm.OutputStd, n, "output", path);
        var arch = m.Architecture!;
        if (m.Family is ModelFamily.Mlp or ModelFamily.Ensemble or ModelFamily.Residual)
        {
            Require(arch.Activation is "relu" or "tanh" or "identity", path, "architecture.activation", "\"relu\", \"tanh\" or \"identity\"", $"\"{arch.Activation}\"", refit);
            Require(arch.HiddenSizes is not null && arch.HiddenSizes.All(h => h > 0), path, "architecture.hidden_sizes", "a list of positive widths", arch.HiddenSizes is null ? "null" : $"[{string.Join(", ", arch.HiddenSizes)}]", refit);
        }

        Require(arch.EnsembleSize >= 1, path, "architecture.ensemble_size", "at least 1", arch.EnsembleSize.ToString(), refit);
        if (m.Family is ModelFamily.Gru or ModelFamily.Lstm)
        {
            Require(arch.RecurrentHiddenSize > 0, path, "architecture.recurrent_hidden_size", "a hidden size > 0 for a recurrent model", arch.RecurrentHiddenSize.ToString(), refit);
        }

        if (m.Family == ModelFamily.Residual)
        {
            Require(arch.Nominal is { Plant.Length: > 0 }, path, "architecture.nominal", "the nominal plant of the residual model", "nothing", refit);
        }

        CheckTensorsAgainstArchitecture(m, path);

        string actual = ArtifactJson.CanonicalHash(m);
        if (actual != m.Sha256)
        {
            throw new ModelArtifactException(path, "sha256", $"expected {m.Sha256}, the metadata hashes to {actual}",
                "The metadata was edited after export (a value changed; layout and whitespace do not count); restore it or export the model again.");
        }
    }

    private static void CheckTensorsAgainstArchitecture(ModelMetadata m, string path)
    {
        var expected = ArchitectureShapes.Expected(m);
        var listed = m.Tensors.ToDictionary(t => t.Name, t => t, StringComparer.Ordinal);
        foreach (var (name, shape) in expected)
        {
            if (!listed.TryGetValue(name, out var tensor))
            {
                throw new ModelArtifactException(path, $"tensors['{name}']",
                    $"the {m.Family} architecture needs tensor '{name}' of shape [{string.Join(", ", shape)}] but the artifact lists [{string.Join(", ", listed.Keys)}]",
                    "The weights do not match the architecture block; export the model again from the trainer.");
            }

            if (!tensor.Shape.AsSpan().SequenceEqual(shape))
            {
                throw new ModelArtifactException(path, $"tensors['{name}'].shape",
                    $"expected [{string.Join(", ", shape)}] from the architecture, found [{string.Join(", ", tensor.Shape)}]",
                    "The architecture block and the weights disagree; export the model again from the trainer.");
            }
        }

        if (m.Tensors.Count != expected.Count)
        {
            var needed = expected.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
            string extra = string.Join(", ", m.Tensors.Select(t => t.Name).Where(t => !needed.Contains(t)));
            throw new ModelArtifactException(path, "tensors",
                $"expected the {expected.Count} tensors of the architecture, found {m.Tensors.Count} (not used: {extra})",
                "The architecture block describes a smaller network than the weights; export the model again from the trainer.");
        }
    }

    private static void CheckStats(double[]? mean, double[]? std, int size, string which, string path)
    {
        const string refit = "Export the model again from the trainer.";
        Require(mean is not null && mean.Length == size, path, $"normalization.{which}_mean", $"{size} values", $"{mean?.Length ?? 0}", refit);
        Require(std is not null && std.Length == size, path, $"normalization.{which}_std", $"{size} values", $"{std?.Length ?? 0}", refit);
        for (int i = 0; i < size; i++)
        {
            Require(double.IsFinite(mean![i]), path, $"normalization.{which}_mean[{i}]", "a finite number", mean[i].ToString("R"), refit);
            Require(double.IsFinite(std![i]) && std[i] > 0, path, $"normalization.{which}_std[{i}]", "a finite number > 0", std[i].ToString("R"), refit);
        }
    }

    private static void Require(bool condition, string path, string field, string expected, string found, string fix)
    {
        if (!condition) throw new ModelArtifactException(path, field, $"expected {expected}, found {found}", fix);
    }
}
