using Robotics.Core.Numerics;
using Robotics.Models.Artifacts;
using Robotics.Models.Networks;

namespace Robotics.Models.Dynamics;

/// <summary>
/// Builds the managed, TorchSharp-free evaluator of an artifact, for every family. Each call returns a new
/// instance with its own scratch buffers (one per thread).
/// </summary>
public static class ModelLoader
{
    /// <summary>Loads the artifact at <paramref name="jsonPath"/> and builds its model.</summary>
    /// <param name="jsonPath">Path of the <c>.model.json</c> file.</param>
    /// <param name="nominalFactory">For residual models: makes the nominal plant from its type name and parameters.</param>
    public static IDifferentiableDynamicsModel Load(string jsonPath, Func<NominalPlantInfo, IOdeSystem>? nominalFactory = null) =>
        Create(ModelArtifactReader.Load(jsonPath), nominalFactory);

    /// <summary>Builds the model of an artifact already in memory (same as <see cref="Create"/>).</summary>
    /// <exception cref="ModelArtifactException">The weights do not fit the architecture, or a residual model has no nominal factory.</exception>
    public static IDifferentiableDynamicsModel Load(ModelArtifact artifact, Func<NominalPlantInfo, IOdeSystem>? nominalFactory = null) =>
        Create(artifact, nominalFactory);

    /// <summary>Builds the model of an artifact already in memory.</summary>
    /// <exception cref="ModelArtifactException">The weights do not fit the architecture, or a residual model has no nominal factory.</exception>
    public static IDifferentiableDynamicsModel Create(ModelArtifact artifact, Func<NominalPlantInfo, IOdeSystem>? nominalFactory = null)
    {
        var meta = artifact.Metadata;
        string[] states = meta.State.Select(s => s.Name).ToArray();
        string[] inputs = meta.Inputs.Select(s => s.Name).ToArray();
        switch (meta.Family)
        {
            case ModelFamily.Mlp:
                return new MlpDynamicsModel([Member(artifact, "")], meta.DtS, states, inputs);
            case ModelFamily.Ensemble:
                var members = new NormalizedNetwork[meta.Architecture.EnsembleSize];
                for (int k = 0; k < members.Length; k++) members[k] = Member(artifact, $"members.{k}.");
                return new MlpDynamicsModel(members, meta.DtS, states, inputs);
            case ModelFamily.Gru:
            case ModelFamily.Lstm:
                return new RecurrentDynamicsModel(artifact);
            case ModelFamily.Residual:
                var nominalInfo = meta.Architecture.Nominal!;
                if (nominalFactory is null)
                {
                    throw new ModelArtifactException(artifact.SourcePath, "architecture.nominal",
                        $"a residual model over the '{nominalInfo.Plant}' plant needs that plant to be built, but no nominal factory was given",
                        "Load residual models through the simulator's plant catalog (e.g. Robotics.Sim's LearnedModels) or pass a factory.");
                }

                var system = nominalFactory(nominalInfo);
                if (system.StateSize != states.Length || system.InputSize != inputs.Length)
                {
                    throw new ModelArtifactException(artifact.SourcePath, "architecture.nominal",
                        $"the artifact has {states.Length} states and {inputs.Length} inputs but plant '{nominalInfo.Plant}' has {system.StateSize} and {system.InputSize}",
                        "The nominal plant does not match the model; check the plant name.");
                }

                var nominal = new AnalyticDynamicsModel(system, meta.DtS, states, inputs);
                return new ResidualDynamicsModel(nominal, Member(artifact, ""));
            default:
                throw new ModelArtifactException(artifact.SourcePath, "family", $"unknown family '{meta.Family}'", $"Use one of {string.Join(", ", ModelFamily.All)}.");
        }
    }

    /// <summary>Parses an activation name of the artifact format.</summary>
    public static Activation ParseActivation(string name) => name switch
    {
        "relu" => Activation.Relu,
        "tanh" => Activation.Tanh,
        "identity" => Activation.Identity,
        _ => throw new ArgumentException($"Unknown activation '{name}'; use relu, tanh or identity.", nameof(name)),
    };

    private static NormalizedNetwork Member(ModelArtifact artifact, string prefix)
    {
        var meta = artifact.Metadata;
        int n = meta.State.Count, m = meta.Inputs.Count;
        var network = MlpNetwork.FromArtifact(artifact, prefix, n + m, meta.Architecture.HiddenSizes, n, ParseActivation(meta.Architecture.Activation));
        return new NormalizedNetwork(network, meta.Normalization, n, m);
    }
}
