namespace Robotics.Models.Training.Sparsification;

/// <summary>Settings of <see cref="ReluSparsifier"/>.</summary>
public sealed record SparsificationOptions
{
    /// <summary>Hidden widths of the dense ReLU MLP (default 2 x 32).</summary>
    public int[] HiddenSizes { get; init; } = [32, 32];

    /// <summary>ReLU counts to reach, in decreasing order; each is one sparsification stage (default 32, 16, 8, 4, 2, 0).</summary>
    public int[] ReluTargets { get; init; } = [32, 16, 8, 4, 2, 0];

    /// <summary>Epochs of dense training before sparsifying.</summary>
    public int DenseEpochs { get; init; } = 60;

    /// <summary>Epochs per stage with the relaxed gates and the L1 pressure.</summary>
    public int RelaxEpochs { get; init; } = 15;

    /// <summary>Epochs per stage after hard-thresholding the gates.</summary>
    public int FineTuneEpochs { get; init; } = 15;

    /// <summary>Weight of the L1 pressure (mean gate value of the free neurons) during the relaxed epochs.</summary>
    public double GatePenalty { get; init; } = 0.05;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Seed of initialisation and shuffling.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Open-loop horizon (steps) of the reported validation error.</summary>
    public int HorizonSteps { get; init; } = 10;
}
