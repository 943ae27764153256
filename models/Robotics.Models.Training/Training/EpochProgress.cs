namespace Robotics.Models.Training.Training;

/// <summary>Progress of one training epoch, reported through <see cref="IProgress{T}"/>.</summary>
/// <param name="Member">Ensemble member being trained (0 for single models).</param>
/// <param name="Members">Number of members.</param>
/// <param name="Epoch">Epoch number, from 1.</param>
/// <param name="Epochs">Maximum number of epochs.</param>
/// <param name="TrainLoss">Mean training loss of the epoch (normalised units).</param>
/// <param name="ValidationLoss">Validation loss after the epoch (normalised units).</param>
/// <param name="LearningRate">Learning rate used in the epoch.</param>
/// <param name="Improved">True if this epoch has the best validation loss so far.</param>
public sealed record EpochProgress(int Member, int Members, int Epoch, int Epochs, double TrainLoss, double ValidationLoss, double LearningRate, bool Improved);
