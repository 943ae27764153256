using Robotics.Models.Artifacts;
using Robotics.Models.Training.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Interop;

/// <summary>
/// The TorchSharp module of an artifact's family and architecture, whose state_dict keys and shapes are the
/// artifact's tensor names and shapes (and those of the equivalent PyTorch module; see Interop/README.md).
/// </summary>
internal static class StateDictModules
{
    public static nn.Module Create(ModelMetadata metadata)
    {
        int n = metadata.State.Count, m = metadata.Inputs.Count;
        var arch = metadata.Architecture;
        return metadata.Family switch
        {
            ModelFamily.Mlp or ModelFamily.Residual => TorchNetworks.Mlp(n + m, arch.HiddenSizes, n, arch.Activation),
            ModelFamily.Ensemble => new EnsembleModule(arch.EnsembleSize, n + m, arch.HiddenSizes, n, arch.Activation),
            ModelFamily.Gru or ModelFamily.Lstm => new NarxNetwork(metadata.Family == ModelFamily.Lstm, n + m, arch.RecurrentHiddenSize, n),
            _ => throw new ModelArtifactException("<metadata>", "family", $"unknown family '{metadata.Family}'", $"Use one of {string.Join(", ", ModelFamily.All)}."),
        };
    }

    /// <summary>Names and shapes of the module's state_dict, in registration order.</summary>
    public static List<(string Name, long[] Shape)> Layout(nn.Module module) =>
        module.state_dict().Select(kv => (kv.Key, kv.Value.shape)).ToList();

    /// <summary>PyTorch's <c>self.members = nn.ModuleList([nn.Sequential(...), ...])</c>: keys <c>members.{k}.0.weight</c>.</summary>
    private sealed class EnsembleModule : nn.Module
    {
#pragma warning disable IDE0044, CA1823 // registered by field name: the state_dict prefix "members."
        private readonly ModuleList<Sequential> members;
#pragma warning restore IDE0044, CA1823

        public EnsembleModule(int size, int inputs, IReadOnlyList<int> hidden, int outputs, string activation) : base("ensemble")
        {
            members = new ModuleList<Sequential>();
            for (int k = 0; k < size; k++) members.Add(TorchNetworks.Mlp(inputs, hidden, outputs, activation));
            RegisterComponents();
        }
    }
}
