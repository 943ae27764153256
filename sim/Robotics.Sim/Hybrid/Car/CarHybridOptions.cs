namespace Robotics.Sim.Hybrid.Car;

/// <summary>Options of the hybrid car (friction modes, per-mode LQR weights, RoA sampling, scenario geometry).</summary>
public sealed record CarHybridOptions
{
    /// <summary>Dry friction coefficient. Default 1.0.</summary>
    public double DryMu { get; init; } = 1.0;

    /// <summary>Icy friction coefficient. Default 0.1.</summary>
    public double IcyMu { get; init; } = 0.1;

    /// <summary>Reference speeds (mode parameter p, m/s) at which the RoA is sampled; others use the regressor. Default 2..6.</summary>
    public double[] SampledSpeeds { get; init; } = [2.0, 3.0, 4.0, 5.0, 6.0];

    /// <summary>LQR state weights (diagonal of Q) on [e_y, e_psi, e_vx, vy, r] on dry road.</summary>
    public double[] DryStateWeights { get; init; } = [1.0, 1.0, 0.5, 0.1, 0.1];

    /// <summary>LQR input weights (diagonal of R) on [acceleration, steering] on dry road.</summary>
    public double[] DryInputWeights { get; init; } = [1.0, 2.0];

    /// <summary>LQR state weights on ice.</summary>
    public double[] IcyStateWeights { get; init; } = [1.0, 1.0, 0.5, 0.1, 0.1];

    /// <summary>LQR input weights on ice (heavier steering: gentle inputs near the friction limit).</summary>
    public double[] IcyInputWeights { get; init; } = [4.0, 40.0];

    /// <summary>Control period in s. Default 0.02 (50 Hz).</summary>
    public double ControlPeriodS { get; init; } = 0.02;

    /// <summary>RK4 integration substeps per control period. Default 4 (5 ms).</summary>
    public int Substeps { get; init; } = 4;

    /// <summary>RoA samples per (mode, speed). Default 300.</summary>
    public int RoaSamples { get; init; } = 300;

    /// <summary>RoA sampling box half-widths on [e_y, e_psi, e_vx, vy, r] on dry road.</summary>
    public double[] RoaBox { get; init; } = [2.0, 0.8, 2.0, 0.5, 1.0];

    /// <summary>RoA sampling box half-widths on ice (smaller: the icy RoA is small, so the dry box would put few samples inside it).</summary>
    public double[] IcyRoaBox { get; init; } = [1.0, 0.4, 1.5, 0.2, 0.4];

    /// <summary>
    /// Rays of the one-step Lyapunov decrease scan per (mode, speed) after the rollout line search
    /// (<see cref="Robotics.Control.Hybrid.RoaEstimator.ShrinkToDecrease"/>). Default 3000.
    /// </summary>
    public int RoaDecreaseRays { get; init; } = 3000;

    /// <summary>
    /// The planner uses this factor times the estimated level (the rollout line search, then the one-step decrease
    /// scan). The scan's level is sample-based and slightly optimistic: at factor 1 one dense sample in about 3000 inside
    /// the estimates failed (dry 2 m/s, V at 0.73 of the level; seed 1099), at 0.8 the same one. Default 0.6 (measured
    /// clean on 5 dense seeds x 10 modes x 600 samples, docs/results/hybrid-benchmark.md).
    /// </summary>
    public double RoaSafetyFactor { get; init; } = 0.6;

    /// <summary>Horizon of the convergence rollout in s. Default 8.</summary>
    public double RolloutHorizonS { get; init; } = 8.0;

    /// <summary>Seed of the RoA sampling. Default 11.</summary>
    public ulong RoaSeed { get; init; } = 11;

    /// <summary>Road half-width in m: |e_y| beyond this is a failure. Default 1.5.</summary>
    public double RoadHalfWidthM { get; init; } = 1.5;

    /// <summary>World x where the ice starts (the mode switch). Default 12.</summary>
    public double IceStartXM { get; init; } = 12.0;

    /// <summary>Length along x of the icy segment. Default 20.</summary>
    public double IcySegmentLengthM { get; init; } = 20.0;

    /// <summary>Nominal reference speed (used by LQR without planning and MPC). Default 5.</summary>
    public double NominalSpeed { get; init; } = 5.0;

    /// <summary>Planner shrink factor "allow" (V must be below c / allow). Default 1.5.</summary>
    public double PlannerAllow { get; init; } = 1.5;
}
