namespace Robotics.Control.Risk;

/// <summary>Settings of a <see cref="RiskGatedPlanner"/>, validated at construction.</summary>
public sealed record RiskGateOptions
{
    /// <summary>A plan passes when its probability of colliding at some checked step is at most this (default 1e-2).</summary>
    public double Threshold { get; init; } = 1e-2;

    /// <summary>Replans allowed after a rejection within one tick (the budget; default 3).</summary>
    public int MaxReplans { get; init; } = 3;

    /// <summary>Obstacle margin added per replan, m (default 0.1).</summary>
    public double MarginStepM { get; init; } = 0.1;

    /// <summary>Plan steps the check covers (0 = the whole horizon; default 0).</summary>
    public int CheckSteps { get; init; }

    /// <summary>Density-weighted samples per check (default 1000).</summary>
    public int Samples { get; init; } = 1000;

    /// <summary>
    /// Sample the check by randomised quasi-Monte Carlo from the deviation distribution (default true), rather than by
    /// density-weighted cells over its ±5σ box (false), which in the gate's 6 dimensions leaves few samples carrying the
    /// mass.
    /// </summary>
    public bool QuasiMonteCarlo { get; init; } = true;

    /// <summary>Radius of the robot's disc footprint, m (default 0.2).</summary>
    public double FootprintRadiusM { get; init; } = 0.2;

    /// <summary>The arbiter's safe command when no plan passes (default [-2 m/s², 0 rad]: brake straight).</summary>
    public IReadOnlyList<double> SafeCommand { get; init; } = [-2.0, 0.0];

    /// <summary>False turns the check off (plans are applied unchecked; default true).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Throws when a setting is out of range; the message names it and the allowed range.</summary>
    /// <param name="commandSize">The planner's command size.</param>
    public void Validate(int commandSize)
    {
        if (!(Threshold >= 0 && Threshold <= 1))
        {
            throw new ArgumentException($"risk_gate.threshold must be in [0, 1], got {Threshold}.");
        }

        if (MaxReplans < 0 || MaxReplans > 100)
        {
            throw new ArgumentException($"risk_gate.max_replans must be in [0, 100], got {MaxReplans}.");
        }

        if (!(MarginStepM > 0) || double.IsInfinity(MarginStepM))
        {
            throw new ArgumentException($"risk_gate.margin_step_m must be a finite number > 0, got {MarginStepM}.");
        }

        if (CheckSteps < 0 || Samples < 1)
        {
            throw new ArgumentException($"risk_gate.check_steps must be >= 0 (got {CheckSteps}) and risk_gate.samples >= 1 (got {Samples}).");
        }

        if (SafeCommand is null || SafeCommand.Count != commandSize)
        {
            throw new ArgumentException($"risk_gate.safe_command must have {commandSize} values, got {SafeCommand?.Count ?? 0}.");
        }
    }
}
