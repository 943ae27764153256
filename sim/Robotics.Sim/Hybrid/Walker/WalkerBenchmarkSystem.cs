using Robotics.Control.Hybrid;
using Robotics.Core.Randomness;
using Robotics.Sim.Hybrid.Benchmarks;

namespace Robotics.Sim.Hybrid.Walker;

/// <summary>
/// The compass-gait walker as an <see cref="IHybridBenchmarkSystem"/> for <c>robotics hybrid bench --system walker</c>: wraps
/// <see cref="WalkerBenchmark"/> with its default options; the gait library, per-mode LQR and RoA levels are built on first use
/// with the fixed seed <see cref="DesignSeed"/> (so every trial sees the same certificates).
/// </summary>
public sealed class WalkerBenchmarkSystem : IHybridBenchmarkSystem
{
    /// <summary>Seed of the RoA sampling at design time.</summary>
    public const ulong DesignSeed = 2023;

    private static readonly string[] s_methods = [HybridMethods.RoaPlanner, HybridMethods.Lqr, HybridMethods.Mpc];
    private readonly WalkerBenchmarkOptions _options;
    private WalkerBenchmark? _bench;

    /// <summary>Creates the system with the default options (the committed benchmark).</summary>
    public WalkerBenchmarkSystem()
        : this(new WalkerBenchmarkOptions())
    {
    }

    /// <summary>Creates the system with <paramref name="options"/>.</summary>
    public WalkerBenchmarkSystem(WalkerBenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public string Name => WalkerBenchmark.SystemName;

    /// <inheritdoc />
    public IReadOnlyList<string> Methods => s_methods;

    /// <summary>Optional progress sink for the design phase (set before the first trial).</summary>
    public Action<string>? Progress { get; set; }

    /// <summary>The built benchmark (gaits, controllers, RoA levels); builds it on first access.</summary>
    public WalkerBenchmark Benchmark => _bench ??= WalkerBenchmark.Build(_options, new Rng(DesignSeed), Progress);

    /// <inheritdoc />
    public HybridTrialResult RunTrial(string method, int trialIndex, ulong seed, IControlStepMeter meter) =>
        Benchmark.RunTrial(method, trialIndex, seed, meter);
}
