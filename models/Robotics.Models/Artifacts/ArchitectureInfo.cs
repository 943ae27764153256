namespace Robotics.Models.Artifacts;

/// <summary>The network architecture of an artifact; which fields matter depends on the family.</summary>
/// <param name="HiddenSizes">Widths of the hidden layers of each MLP (mlp, ensemble, residual).</param>
/// <param name="Activation">Hidden-layer activation: <c>relu</c> or <c>tanh</c> (the output layer is linear).</param>
/// <param name="EnsembleSize">Number of ensemble members (1 for other families).</param>
/// <param name="RecurrentHiddenSize">Hidden size of the GRU/LSTM layer (0 for feed-forward families).</param>
/// <param name="Nominal">The nominal plant of a residual model; null otherwise.</param>
public sealed record ArchitectureInfo(
    int[] HiddenSizes,
    string Activation,
    int EnsembleSize = 1,
    int RecurrentHiddenSize = 0,
    NominalPlantInfo? Nominal = null);
