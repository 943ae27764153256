namespace Robotics.Control.Stl.Planning;

/// <summary>Settings of <see cref="StlPlanner"/>.</summary>
public sealed record StlPlannerOptions
{
    /// <summary>MPPI samples per plan.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>MPPI iterations per plan.</summary>
    public int Iterations { get; init; } = 2;

    /// <summary>MPPI temperature λ (on the cost = minus robustness).</summary>
    public double MppiTemperature { get; init; } = 0.05;

    /// <summary>MPPI noise standard deviation as a fraction of each input's range.</summary>
    public double NoiseFraction { get; init; } = 0.25;

    /// <summary>Smooth-robustness temperature τ (log-sum-exp sharpness).</summary>
    public double RobustnessTemperature { get; init; } = 20.0;

    /// <summary>Gradient-ascent steps on the smooth robustness after sampling (0 = none).</summary>
    public int GradientSteps { get; init; } = 5;

    /// <summary>Initial gradient step (control units per unit of normalised gradient); halved on failure up to 4 times.</summary>
    public double GradientStepFraction { get; init; } = 0.1;

    /// <summary>Whether the backup policy runs when the plan's hard robustness is negative.</summary>
    public bool UseBackup { get; init; } = true;

    /// <summary>Backup grid values per input.</summary>
    public int BackupLevels { get; init; } = 5;

    /// <summary>Backup enumerated leading steps.</summary>
    public int BackupSteps { get; init; } = 2;

    /// <summary>
    /// Whether the plan chosen each step (after the gradient steps and the backup) seeds MPPI's next warm start
    /// (<see cref="Robotics.Control.Mpc.MpcController.SeedPlan"/>); otherwise MPPI warm-starts from its own sampled plan.
    /// </summary>
    public bool SeedSampler { get; init; } = true;

    /// <summary>Whether <see cref="GradientSteps"/> more gradient steps refine the backup's best sequence when it is still negative.</summary>
    public bool RefineBackup { get; init; } = true;

    /// <summary>Whether the task's safe control is applied when even the backup finds no satisfying sequence.</summary>
    public bool UseSafeFallback { get; init; } = true;
}
