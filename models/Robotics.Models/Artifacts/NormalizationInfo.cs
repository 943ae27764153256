namespace Robotics.Models.Artifacts;

/// <summary>
/// Affine normalisation of network inputs and outputs: the network sees (v - mean) / std and produces a
/// normalised output that is mapped back as o * std + mean.
/// </summary>
/// <param name="InputMean">Mean of each network input ([x; u] for feed-forward models, [y; u] for NARX models).</param>
/// <param name="InputStd">Standard deviation of each network input (strictly positive).</param>
/// <param name="OutputMean">Mean of each network output (the one-step change of the state).</param>
/// <param name="OutputStd">Standard deviation of each network output (strictly positive).</param>
public sealed record NormalizationInfo(double[] InputMean, double[] InputStd, double[] OutputMean, double[] OutputStd);
