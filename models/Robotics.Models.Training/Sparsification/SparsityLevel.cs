using Robotics.Models.Artifacts;

namespace Robotics.Models.Training.Sparsification;

/// <summary>One stage of a sparsification run: the network with <paramref name="ReluCount"/> ReLUs left, as an artifact.</summary>
/// <param name="ReluCount">ReLU neurons left (the others are identity neurons).</param>
/// <param name="IdentityCount">Identity neurons.</param>
/// <param name="Artifact">The network as an <c>mlp</c> artifact (identity neurons as exact ReLU pairs).</param>
/// <param name="Test">One-step and open-loop RMSE on the test episodes, measured with the managed evaluator on the artifact.</param>
public sealed record SparsityLevel(int ReluCount, int IdentityCount, ModelArtifact Artifact, ValidationInfo Test);
