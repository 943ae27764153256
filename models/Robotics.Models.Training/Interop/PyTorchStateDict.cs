using System.Collections;
using System.Security.Cryptography;
using Robotics.Models.Artifacts;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Interop;

/// <summary>
/// PyTorch <c>state_dict</c> files (<c>torch.save(model.state_dict(), path)</c>, the zip format of PyTorch 1.6+)
/// to and from model artifacts, through TorchSharp.PyBridge. The state_dict keys are the artifact's tensor names
/// (<c>0.weight</c>, <c>members.1.2.bias</c>, <c>rnn.weight_ih_l0</c>, <c>head.weight</c>, ...), so a PyTorch module
/// with the structure in Interop/README.md exchanges weights with an artifact one to one.
/// </summary>
/// <remarks>
/// A state_dict carries only weights. Everything else an artifact needs (signal names, dt, normalisation,
/// family, architecture, provenance) comes from a metadata template, typically the <c>.model.json</c> of the model
/// whose weights were exported, or a record filled in by hand for a model trained elsewhere.
/// </remarks>
public static class PyTorchStateDict
{
    /// <summary>Writes the artifact's weights as a state_dict file that Python's <c>torch.load</c> reads.</summary>
    /// <param name="artifact">The model; its tensors must fit its architecture.</param>
    /// <param name="path">The <c>.pth</c> file to write.</param>
    /// <exception cref="ModelArtifactException">A tensor is missing or its shape does not fit the architecture.</exception>
    public static void Export(ModelArtifact artifact, string path)
    {
        using var scope = torch.NewDisposeScope();
        using var module = StateDictModules.Create(artifact.Metadata);
        var own = module.state_dict();
        using (torch.no_grad())
        {
            foreach (var (name, target) in own)
            {
                int[] shape = target.shape.Select(d => (int)d).ToArray();
                float[] values = artifact.GetTensor(name, shape).ToArray();
                target.copy_(torch.tensor(values, target.shape));
            }
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        module.save_py(path);
    }

    /// <summary>
    /// Reads the weights of a state_dict file and checks them against the architecture in <paramref name="metadata"/>:
    /// every key the architecture needs must be present with its exact shape, and no other key may be present.
    /// Float64 tensors are converted to float32.
    /// </summary>
    /// <returns>The tensors in the artifact's canonical order (the module's state_dict order).</returns>
    /// <exception cref="ModelArtifactException">The file is missing or not a state_dict, or keys, shapes or types do not fit.</exception>
    public static IReadOnlyList<NamedTensor> Read(string path, ModelMetadata metadata)
    {
        if (!File.Exists(path))
        {
            throw new ModelArtifactException(path, "file", "the state_dict file does not exist", "Give the path of a file written by torch.save(model.state_dict(), path).");
        }

        using var scope = torch.NewDisposeScope();
        Hashtable loaded;
        try
        {
            using var stream = File.OpenRead(path);
            loaded = PyTorchUnpickler.UnpickleStateDict(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ModelArtifactException(path, "file", $"not a readable PyTorch state_dict ({e.GetType().Name}: {e.Message})",
                "Save it in Python with torch.save(model.state_dict(), path) (the default zip format; not the whole model, not TorchScript).", e);
        }

        using var module = StateDictModules.Create(metadata);
        var layout = StateDictModules.Layout(module);
        var expected = layout.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        var found = loaded.Keys.Cast<object>().Select(k => k.ToString() ?? "").ToList();
        var missing = layout.Select(l => l.Name).Where(k => !loaded.ContainsKey(k)).ToList();
        var unexpected = found.Where(k => !expected.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            throw new ModelArtifactException(path, "state_dict keys",
                $"a {Describe(metadata)} needs [{string.Join(", ", layout.Select(l => l.Name))}]; missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]",
                "Save the state_dict of a PyTorch module with the structure in models/Robotics.Models.Training/Interop/README.md, or correct the family and architecture in the metadata.");
        }

        var tensors = new List<NamedTensor>(layout.Count);
        foreach (var (name, shape) in layout)
        {
            var tensor = (Tensor)loaded[name]!;
            if (!tensor.shape.SequenceEqual(shape))
            {
                throw new ModelArtifactException(path, $"state_dict['{name}'].shape",
                    $"expected [{string.Join(", ", shape)}] for a {Describe(metadata)}, found [{string.Join(", ", tensor.shape)}]",
                    "The PyTorch module has other layer sizes than the metadata's architecture; make them agree.");
            }

            if (tensor.dtype is not (ScalarType.Float32 or ScalarType.Float64))
            {
                throw new ModelArtifactException(path, $"state_dict['{name}'].dtype", $"expected float32 (or float64), found {tensor.dtype}",
                    "Convert the model to floating point before saving (model.float()).");
            }

            using var values = tensor.to_type(ScalarType.Float32).contiguous();
            tensors.Add(new NamedTensor(name, shape.Select(d => (int)d).ToArray(), values.data<float>().ToArray()));
        }

        foreach (var t in loaded.Values.OfType<Tensor>()) t.Dispose();
        return tensors;
    }

    /// <summary>
    /// Builds an artifact from a state_dict file and a metadata template. All metadata comes from the template
    /// except the tensor table and hashes (recomputed), the provenance's trainer and tool (which name the file and
    /// its SHA-256), and the validation errors (cleared: they were measured on other weights).
    /// </summary>
    /// <param name="path">The state_dict file.</param>
    /// <param name="metadata">Names, dt, normalisation, family, architecture and provenance of the model.</param>
    /// <exception cref="ModelArtifactException">As for <see cref="Read"/>.</exception>
    public static ModelArtifact Import(string path, ModelMetadata metadata)
    {
        var tensors = Read(path, metadata);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        var provenance = metadata.Provenance with
        {
            Trainer = $"PyTorch state_dict {Path.GetFileName(path)} (sha256 {sha256})",
            CreatedBy = "Robotics.Models.Training PyTorchStateDict.Import",
        };
        return ModelArtifactWriter.Build(metadata with { Provenance = provenance, Validation = null }, tensors);
    }

    private static string Describe(ModelMetadata m)
    {
        var a = m.Architecture;
        string shape = m.Family switch
        {
            ModelFamily.Gru or ModelFamily.Lstm => $"recurrent_hidden_size {a.RecurrentHiddenSize}",
            ModelFamily.Ensemble => $"{a.EnsembleSize} members of hidden_sizes [{string.Join(", ", a.HiddenSizes)}]",
            _ => $"hidden_sizes [{string.Join(", ", a.HiddenSizes)}]",
        };
        return $"'{m.Family}' model with {m.State.Count} states, {m.Inputs.Count} inputs and {shape}";
    }
}
