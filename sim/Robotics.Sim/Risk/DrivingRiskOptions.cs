namespace Robotics.Sim.Risk;

/// <summary>Planner settings of the driving risk scenario (the same for the three planners except where noted).</summary>
public sealed record DrivingRiskOptions
{
    /// <summary>Risk threshold of the gate (default 1e-2).</summary>
    public double Threshold { get; init; } = 1e-2;

    /// <summary>Density-weighted samples per risk check (default 1000).</summary>
    public int RiskSamples { get; init; } = 1000;

    /// <summary>Plan steps the risk check covers (0 = the whole horizon; default 0).</summary>
    public int CheckSteps { get; init; }

    /// <summary>Replans per tick after a rejection (default 3).</summary>
    public int MaxReplans { get; init; } = 3;

    /// <summary>Margin added per replan, m (default 0.1).</summary>
    public double MarginStepM { get; init; } = 0.1;

    /// <summary>Obstacle inflation of the inflated-obstacles baseline, m (default 0.3).</summary>
    public double InflationM { get; init; } = 0.3;

    /// <summary>Nominal clearance where the obstacle penalty starts, m (default 0.1).</summary>
    public double SafetyMarginM { get; init; } = 0.1;

    /// <summary>Weight of the obstacle cost (default 10).</summary>
    public double ObstacleWeight { get; init; } = 10.0;

    /// <summary>MPPI samples (default 256).</summary>
    public int MppiSamples { get; init; } = 256;

    /// <summary>MPC horizon, steps of 0.1 s (default 20).</summary>
    public int Horizon { get; init; } = 20;

    /// <summary>MPPI temperature (default 0.3).</summary>
    public double Temperature { get; init; } = 0.3;

    /// <summary>Speed limit (soft), m/s (default 1.5).</summary>
    public double MaxSpeedMS { get; init; } = 1.5;
}
