namespace Robotics.Sim.Hybrid.Benchmarks;

/// <summary>Options of <see cref="WalkerBenchmark"/> (defaults used for the committed results).</summary>
public sealed record WalkerBenchmarkOptions
{
    /// <summary>Slopes of the gait library = mode parameters p in rad (default 0.02 .. 0.06 step 0.01).</summary>
    public IReadOnlyList<double> Slopes { get; init; } = [0.02, 0.03, 0.04, 0.05, 0.06];

    /// <summary>Hip torque limit in N m (default 0.5).</summary>
    public double MaxHipTorqueNm { get; init; } = 0.5;

    /// <summary>Seeded rollouts per mode for the RoA estimate (default 300).</summary>
    public int RoaSamples { get; init; } = 300;

    /// <summary>Steps per RoA rollout (default 15).</summary>
    public int RolloutSteps { get; init; } = 15;

    /// <summary>Steps on the first slope (default 3).</summary>
    public int StepsBeforeSwitch { get; init; } = 3;

    /// <summary>Steps on the second slope (default 15).</summary>
    public int StepsAfterSwitch { get; init; } = 15;

    /// <summary>Smallest |p1 - p0| of a trial's slope change in rad (default 0.02).</summary>
    public double MinSwitch { get; init; } = 0.02;

    /// <summary>MPC grid: hip torques around the LQR torque (default 21, +- 0.2 N m).</summary>
    public int MpcTorques { get; init; } = 21;

    /// <summary>Integration step in s (default 1e-3).</summary>
    public double StepS { get; init; } = 1e-3;

    /// <summary>Verification samples per round inside the estimated RoA (<see cref="RoaRefinement"/>, default 100).</summary>
    public int VerifySamples { get; init; } = 100;

    /// <summary>
    /// Rays of the one-step Lyapunov decrease scan (<see cref="Robotics.Control.Hybrid.RoaEstimator.ShrinkToDecrease"/>)
    /// applied to the verified level (default 200; 0 = off).
    /// </summary>
    public int DecreaseRays { get; init; } = 200;

    /// <summary>Levels per ray of the decrease scan (default 20).</summary>
    public int DecreaseLevelsPerRay { get; init; } = 20;

    /// <summary>
    /// Factor applied to the verified level (default 0.7): at factor 1 about 2.5 % of fresh samples with V/c in
    /// [0.81, 0.86] converged but with a non-monotone V (measured, docs/hybrid-sim.md).
    /// </summary>
    public double SafetyFactor { get; init; } = 0.7;
}
