namespace Robotics.Models.Training.Configuration;

/// <summary>The <c>training:</c> section: Adam on mean-squared error with early stopping.</summary>
public sealed class TrainingSection
{
    /// <summary>Maximum number of epochs.</summary>
    public int Epochs { get; set; } = 50;

    /// <summary>Mini-batch size (samples, or windows for recurrent and rollout training).</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Initial Adam learning rate.</summary>
    public double LearningRate { get; set; } = 2e-3;

    /// <summary><c>none</c>, <c>step</c> (halve every <see cref="StepEpochs"/>) or <c>cosine</c> (to 5% at the last epoch).</summary>
    public string LrSchedule { get; set; } = "cosine";

    /// <summary>Epochs between halvings for the step schedule.</summary>
    public int StepEpochs { get; set; } = 20;

    /// <summary>Steps of the multi-step (rollout) loss for feed-forward models; 1 = one-step loss.</summary>
    public int RolloutSteps { get; set; } = 1;

    /// <summary>Stop after this many epochs without a better validation loss (0 = never).</summary>
    public int EarlyStoppingPatience { get; set; } = 10;

    /// <summary>Torch intra-op threads (1 is fastest for these small nets on this machine).</summary>
    public int Threads { get; set; } = 1;
}
