namespace Robotics.Models.Training.Hybrid;

/// <summary>Result of <see cref="NeuralModeTrainer.Train"/>.</summary>
/// <param name="Policy">The trained controller and Lyapunov function (managed, plain arrays).</param>
/// <param name="InitialDecreaseLoss">Decrease loss before training, on the states labelled converging by the first labelling.</param>
/// <param name="FinalDecreaseLoss">Decrease loss after training, on the same states.</param>
/// <param name="InitialClassificationLoss">Classification loss before training (first labels).</param>
/// <param name="FinalClassificationLoss">Classification loss after training (last labels).</param>
/// <param name="InitialConvergingFraction">Fraction of training states whose rollout converged under the initial controller.</param>
/// <param name="FinalConvergingFraction">The same under the trained controller (last labelling).</param>
public sealed record NeuralModeResult(
    NeuralModePolicy Policy,
    double InitialDecreaseLoss,
    double FinalDecreaseLoss,
    double InitialClassificationLoss,
    double FinalClassificationLoss,
    double InitialConvergingFraction,
    double FinalConvergingFraction);
