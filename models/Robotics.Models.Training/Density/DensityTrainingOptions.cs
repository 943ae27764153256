namespace Robotics.Models.Training.Density;

/// <summary>Settings of <see cref="LiouvilleDensityTrainer"/>; the defaults train the linear case in well under a minute on one CPU thread.</summary>
public sealed record DensityTrainingOptions
{
    /// <summary>Seed of torch's initialisation and of the trajectory and batch sampling.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Adam steps (each on a fresh batch of simulated trajectories).</summary>
    public int Epochs { get; init; } = 1500;

    /// <summary>Trajectories per step.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Simulated training trajectories (initial states uniform over the problem's box).</summary>
    public int Trajectories { get; init; } = 2048;

    /// <summary>Hidden widths (tanh), the prior work's 32 x 32 by default.</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [32, 32];

    /// <summary>Initial Adam learning rate (decays exponentially to 5 % of it by the last step).</summary>
    public double LearningRate { get; init; } = 1e-2;

    /// <summary>Weight β of the Liouville residual loss.</summary>
    public double LiouvilleWeight { get; init; } = 1.0;

    /// <summary>Weight of the state-fit loss.</summary>
    public double StateWeight { get; init; } = 1.0;

    /// <summary>Training time points per plan step (the residual's finite-difference grid is step / this).</summary>
    public int PointsPerStep { get; init; } = 2;

    /// <summary>RK4 sub-steps per training time point when simulating the trajectories.</summary>
    public int Substeps { get; init; } = 4;

    /// <summary>Validates the settings.</summary>
    /// <exception cref="ArgumentException">A value is out of range (the message names it and the allowed range).</exception>
    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"epochs must be >= 1, got {Epochs}.", nameof(Epochs));
        if (BatchSize < 1) throw new ArgumentException($"batch must be >= 1, got {BatchSize}.", nameof(BatchSize));
        if (Trajectories < BatchSize) throw new ArgumentException($"trajectories must be >= batch ({BatchSize}), got {Trajectories}.", nameof(Trajectories));
        if (Hidden.Count == 0 || Hidden.Any(h => h < 1)) throw new ArgumentException("hidden widths must be >= 1 and at least one layer.", nameof(Hidden));
        if (!(LearningRate > 0)) throw new ArgumentException($"learning rate must be > 0, got {LearningRate}.", nameof(LearningRate));
        if (LiouvilleWeight < 0 || StateWeight < 0) throw new ArgumentException("loss weights must be >= 0.", nameof(LiouvilleWeight));
        if (PointsPerStep < 1 || Substeps < 1) throw new ArgumentException("points per step and substeps must be >= 1.", nameof(PointsPerStep));
    }
}
