using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Robotics.Models.Artifacts;

/// <summary>
/// Writes a model artifact: <c>&lt;name&gt;.model.json</c> plus <c>&lt;name&gt;.weights.bin</c> next to it. The
/// output depends only on its inputs (no timestamps), so the same training run gives the same bytes.
/// </summary>
public static class ModelArtifactWriter
{
    /// <summary>File suffix of the metadata.</summary>
    public const string MetadataSuffix = ".model.json";

    /// <summary>File suffix of the weights.</summary>
    public const string WeightsSuffix = ".weights.bin";

    /// <summary>
    /// Builds the artifact (tensor table, weights hash, metadata hash) from <paramref name="metadata"/> and
    /// <paramref name="tensors"/> and writes it into <paramref name="directory"/> as <c>metadata.Name</c>.
    /// </summary>
    /// <returns>The artifact as written, and the path of its JSON file.</returns>
    public static (ModelArtifact Artifact, string JsonPath) Save(ModelMetadata metadata, IReadOnlyList<NamedTensor> tensors, string directory) =>
        Save(Build(metadata, tensors), directory);

    /// <summary>Writes an artifact built by <see cref="Build"/> into <paramref name="directory"/>.</summary>
    /// <returns>The artifact (now naming its file) and the path of its JSON file.</returns>
    public static (ModelArtifact Artifact, string JsonPath) Save(ModelArtifact artifact, string directory)
    {
        Directory.CreateDirectory(directory);
        string jsonPath = Path.Combine(directory, artifact.Metadata.Name + MetadataSuffix);
        WriteAtomically(Path.Combine(directory, artifact.Metadata.WeightsFile), WeightBytes(artifact.Weights));
        WriteAtomically(jsonPath, ArtifactJson.Serialize(artifact.Metadata));
        return (new ModelArtifact(artifact.Metadata, artifact.Weights, jsonPath), jsonPath);
    }

    /// <summary>Builds the artifact in memory without writing it (tensor table, hashes filled in).</summary>
    public static ModelArtifact Build(ModelMetadata metadata, IReadOnlyList<NamedTensor> tensors)
    {
        if (string.IsNullOrWhiteSpace(metadata.Name) || metadata.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"Model name '{metadata.Name}' is not a valid file stem; use letters, digits, '-' and '_'.", nameof(metadata));
        }

        long total = 0;
        var table = new List<TensorInfo>(tensors.Count);
        foreach (var t in tensors)
        {
            long product = 1;
            foreach (int d in t.Shape) product *= d;
            if (product != t.Data.Length)
            {
                throw new ArgumentException($"Tensor '{t.Name}' has shape [{string.Join(", ", t.Shape)}] ({product} values) but {t.Data.Length} values.", nameof(tensors));
            }

            table.Add(new TensorInfo(t.Name, t.Shape, total, t.Data.Length));
            total += t.Data.Length;
        }

        var weights = new float[total];
        foreach (var (t, info) in tensors.Zip(table)) t.Data.CopyTo(weights, info.OffsetFloats);

        var complete = metadata with
        {
            Format = ModelMetadata.FormatTag,
            FormatVersion = ModelMetadata.CurrentFormatVersion,
            Tensors = table,
            WeightsFile = metadata.Name + WeightsSuffix,
            WeightsSha256 = ArtifactJson.Hex(SHA256.HashData(WeightBytes(weights))),
            Sha256 = "",
        };
        complete = complete with { Sha256 = ArtifactJson.CanonicalHash(complete) };
        return new ModelArtifact(complete, weights);
    }

    internal static byte[] WeightBytes(float[] weights)
    {
        var bytes = new byte[weights.Length * sizeof(float)];
        for (int i = 0; i < weights.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), weights[i]);
        return bytes;
    }

    // Write to a temporary file and rename, so an interrupted export never leaves a half-written artifact.
    private static void WriteAtomically(string path, byte[] bytes)
    {
        string temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
