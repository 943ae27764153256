using Robotics.Control.Mip.Planning;

namespace Robotics.Cli.Pushing;

/// <summary>Settings of <see cref="PushingBenchmark"/>.</summary>
public sealed record PushBenchOptions
{
    /// <summary>Seeded start/goal pairs.</summary>
    public int Pairs { get; init; } = 20;

    /// <summary>Root seed of the pairs and the samplers.</summary>
    public ulong Seed { get; init; } = 2026;

    /// <summary>Compute budget per control step, ms (sampling/gradient planners are sized to it; the MIP's time limit).</summary>
    public double BudgetMs { get; init; } = 50;

    /// <summary>Closed-loop steps of 0.1 s per episode.</summary>
    public int Steps { get; init; } = 50;

    /// <summary>Folder with the pusher-sparse-relu*.model.json artifacts.</summary>
    public required string ModelsDirectory { get; init; }

    /// <summary>ReLUs of the sparsified model the MIP plans over (the knee: 8).</summary>
    public int SparseRelus { get; init; } = 8;

    /// <summary>MIP back end (default HiGHS through its C API, which starts from the warm start and keeps its incumbent at the time limit).</summary>
    public MipBackend Backend { get; init; } = MipBackend.HighsNative;

    /// <summary>MIP relative gap at which the solver stops.</summary>
    public double MipGap { get; init; } = 1e-3;

    /// <summary>The default <see cref="TrustRegion"/>, m/s.</summary>
    public const double DefaultTrustRegion = 0.005;

    /// <summary>MIP trust region around the warm-start plan, m/s per input (0 = none, the whole input box).</summary>
    public double TrustRegion { get; init; } = DefaultTrustRegion;

    /// <summary>Success: final box position error at most this, m.</summary>
    public double SuccessPositionM { get; init; } = 0.01;

    /// <summary>Success: final |yaw error| at most this, rad.</summary>
    public double SuccessYawRad { get; init; } = 0.2;

    /// <summary>Controllers to run (mip, mppi, cem, gradient).</summary>
    public IReadOnlyList<string> Controllers { get; init; } = ["mip", "mppi", "cem", "gradient"];
}
