namespace Robotics.Sim.Hybrid.Benchmarks;

/// <summary>Options of <see cref="HopperBenchmark"/> (defaults used for the committed results).</summary>
public sealed record HopperBenchmarkOptions
{
    /// <summary>Apex height of every gait in m (default 1.3).</summary>
    public double ApexHeightM { get; init; } = 1.3;

    /// <summary>Target forward speeds = mode parameters p in m/s (default 0.5 .. 3.5 step 0.5).</summary>
    public IReadOnlyList<double> Speeds { get; init; } = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5];

    /// <summary>Seeded rollouts per mode for the RoA estimate (default 300).</summary>
    public int RoaSamples { get; init; } = 300;

    /// <summary>Hops per RoA rollout (default 15).</summary>
    public int RolloutHops { get; init; } = 15;

    /// <summary>Hops before the target switch (default 3).</summary>
    public int HopsBeforeSwitch { get; init; } = 3;

    /// <summary>Hops after the target switch (default 20).</summary>
    public int HopsAfterSwitch { get; init; } = 20;

    /// <summary>Smallest |p1 - p0| of a trial's switch in m/s (default 1.5).</summary>
    public double MinSwitch { get; init; } = 1.5;

    /// <summary>MPC grid: touchdown angles around the target's nominal angle (default 15).</summary>
    public int MpcAngles { get; init; } = 15;

    /// <summary>MPC grid: thrust levels in [-3000, 3000] N (default 5).</summary>
    public int MpcThrusts { get; init; } = 5;

    /// <summary>Integration step in s (default 1e-3).</summary>
    public double StepS { get; init; } = 1e-3;

    /// <summary>Verification samples per round inside the estimated RoA (<see cref="RoaRefinement"/>, default 100).</summary>
    public int VerifySamples { get; init; } = 100;
}
