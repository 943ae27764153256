namespace Robotics.Sim.Risk;

/// <summary>Planner settings of the driving risk scenario (the same for the three planners except where noted).</summary>
public sealed record DrivingRiskOptions
{
    /// <summary>
    /// Risk threshold of the gate (default 2e-3: with 1e-2 per plan the trials' collision rate was 2 % on the driving
    /// layout, with 5e-3 1 %, with 2e-3 none in 100; docs/results/risk-benchmark.md).
    /// </summary>
    public double Threshold { get; init; } = 2e-3;

    /// <summary>Density-weighted samples per risk check (default 1000).</summary>
    public int RiskSamples { get; init; } = 1000;

    /// <summary>
    /// The check's sampling: randomised quasi-Monte Carlo from the deviation distribution (default true) or
    /// density-weighted cells over its ±5σ box (false, the first version).
    /// </summary>
    public bool QuasiMonteCarlo { get; init; } = true;

    /// <summary>Plan steps the risk check covers (0 = the whole horizon; default 0).</summary>
    public int CheckSteps { get; init; }

    /// <summary>Obstacle layout (default <see cref="DrivingRiskLayout.Mixed"/>).</summary>
    public DrivingRiskLayout Layout { get; init; } = DrivingRiskLayout.Mixed;

    /// <summary>
    /// Replans per tick after a rejection (default 3). This also sets the planning budget of the comparison: every
    /// planner may run <c>MaxReplans + 1</c> MPPI optimisation passes of <see cref="MppiSamples"/> rollouts per tick; the
    /// baselines always run all of them (as MPPI iterations), the gate runs one per plan it makes.
    /// </summary>
    public int MaxReplans { get; init; } = 3;

    /// <summary>Obstacle inflation added per replan, m (default 0.1).</summary>
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
