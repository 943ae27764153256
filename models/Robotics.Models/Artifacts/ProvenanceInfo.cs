namespace Robotics.Models.Artifacts;

/// <summary>
/// Where a model came from, so it can be reproduced: the seed, the data, the verbatim training configuration
/// and the tool. There is deliberately no timestamp: the same run gives the same artifact bytes.
/// </summary>
/// <param name="Seed">Seed of the training run (data collection, initialisation and batching).</param>
/// <param name="DatasetHash">SHA-256 (hex) of the dataset's canonical bytes.</param>
/// <param name="Dataset">One-line description of the data (plant, excitation, trajectories, samples).</param>
/// <param name="TrainingConfig">The training configuration file, verbatim.</param>
/// <param name="Trainer">What trained the weights, e.g. <c>TorchSharp 0.107.0 (libtorch 2.10.0, 1 thread)</c>.</param>
/// <param name="CreatedBy">The tool that wrote the artifact, e.g. <c>robotics train</c>.</param>
public sealed record ProvenanceInfo(ulong Seed, string DatasetHash, string Dataset, string TrainingConfig, string Trainer, string CreatedBy);
