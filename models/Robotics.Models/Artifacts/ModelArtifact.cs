namespace Robotics.Models.Artifacts;

/// <summary>
/// A model artifact in memory: its metadata and all weights, with tensors looked up by their PyTorch
/// state_dict names.
/// </summary>
public sealed class ModelArtifact
{
    private readonly Dictionary<string, TensorInfo> _tensors;

    /// <summary>Creates an artifact from metadata and the concatenated weights the metadata's tensor list describes.</summary>
    /// <param name="metadata">The metadata; its <see cref="ModelMetadata.Tensors"/> index into <paramref name="weights"/>.</param>
    /// <param name="weights">All tensors, concatenated in the order listed.</param>
    /// <param name="sourcePath">The file the artifact was read from, for messages (or a description).</param>
    public ModelArtifact(ModelMetadata metadata, float[] weights, string sourcePath = "<in memory>")
    {
        Metadata = metadata;
        Weights = weights;
        SourcePath = sourcePath;
        _tensors = new Dictionary<string, TensorInfo>(StringComparer.Ordinal);
        for (int i = 0; i < metadata.Tensors.Count; i++)
        {
            var t = metadata.Tensors[i];
            if (!_tensors.TryAdd(t.Name, t))
            {
                throw new ModelArtifactException(sourcePath, $"tensors[{i}].name", $"tensor '{t.Name}' is listed twice", "Give every tensor a unique name.");
            }

            if (t.OffsetFloats < 0 || t.Length < 0 || t.OffsetFloats + t.Length > weights.Length)
            {
                throw new ModelArtifactException(sourcePath, $"tensors[{i}]",
                    $"tensor '{t.Name}' spans floats [{t.OffsetFloats}, {t.OffsetFloats + t.Length}) but the weights hold {weights.Length}",
                    "The weights file does not belong to this metadata; export the model again.");
            }

            long product = 1;
            foreach (int d in t.Shape) product *= d;
            if (product != t.Length)
            {
                throw new ModelArtifactException(sourcePath, $"tensors[{i}].shape",
                    $"shape [{string.Join(", ", t.Shape)}] has {product} elements but length is {t.Length}", "Export the model again.");
            }
        }
    }

    /// <summary>The metadata.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>All weights, concatenated.</summary>
    public float[] Weights { get; }

    /// <summary>Where the artifact came from (for messages).</summary>
    public string SourcePath { get; }

    /// <summary>
    /// Checks that the model's state and input names (in order) are what the caller will feed it, e.g. a plant's
    /// <c>StateNames</c> and <c>InputNames</c>.
    /// </summary>
    /// <exception cref="ModelArtifactException">The names or their order differ.</exception>
    public void EnsureSignals(IReadOnlyList<string> expectedStateNames, IReadOnlyList<string> expectedInputNames)
    {
        Compare("state", Metadata.State, expectedStateNames);
        Compare("inputs", Metadata.Inputs, expectedInputNames);
    }

    private void Compare(string field, IReadOnlyList<SignalInfo> found, IReadOnlyList<string> expected)
    {
        bool same = found.Count == expected.Count;
        for (int i = 0; same && i < found.Count; i++) same = string.Equals(found[i].Name, expected[i], StringComparison.Ordinal);
        if (!same)
        {
            throw new ModelArtifactException(SourcePath, field,
                $"expected [{string.Join(", ", expected)}], found [{string.Join(", ", found.Select(s => s.Name))}]",
                "The model was trained on another plant or signal order; use the artifact trained for this plant or retrain with these signals.");
        }
    }

    /// <summary>True if a tensor of that name exists.</summary>
    public bool HasTensor(string name) => _tensors.ContainsKey(name);

    /// <summary>
    /// The tensor <paramref name="name"/>, checked against <paramref name="expectedShape"/>.
    /// </summary>
    /// <exception cref="ModelArtifactException">The tensor is missing or has another shape.</exception>
    public ReadOnlySpan<float> GetTensor(string name, params int[] expectedShape)
    {
        if (!_tensors.TryGetValue(name, out var info))
        {
            throw new ModelArtifactException(SourcePath, $"tensors['{name}']",
                $"the {Metadata.Family} architecture needs tensor '{name}' but the artifact has [{string.Join(", ", _tensors.Keys)}]",
                "The weights do not match the architecture; export the model again from the trainer.");
        }

        if (!info.Shape.AsSpan().SequenceEqual(expectedShape))
        {
            throw new ModelArtifactException(SourcePath, $"tensors['{name}'].shape",
                $"expected [{string.Join(", ", expectedShape)}] from the architecture, found [{string.Join(", ", info.Shape)}]",
                "The architecture block and the weights disagree; export the model again from the trainer.");
        }

        return Weights.AsSpan((int)info.OffsetFloats, (int)info.Length);
    }
}
