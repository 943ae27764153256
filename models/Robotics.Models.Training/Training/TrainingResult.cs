using Robotics.Models.Artifacts;

namespace Robotics.Models.Training.Training;

/// <summary>What a training run produced: the artifact (in memory, not yet saved) and its errors.</summary>
/// <param name="Artifact">The trained model with provenance and validation errors.</param>
/// <param name="Validation">Errors on the validation trajectories (also in the artifact).</param>
/// <param name="Test">Errors on the held-out test trajectories, same measures.</param>
/// <param name="EpochsRun">Epochs actually run (per member), after early stopping.</param>
/// <param name="BestEpoch">Epoch whose weights were kept (of the last member).</param>
public sealed record TrainingResult(ModelArtifact Artifact, ValidationInfo Validation, ValidationInfo Test, int EpochsRun, int BestEpoch);
