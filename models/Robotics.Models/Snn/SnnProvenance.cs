namespace Robotics.Models.Snn;

/// <summary>Provenance of an <see cref="SnnArtifact"/>.</summary>
public sealed record SnnProvenance
{
    /// <summary>Seed of every random stream of the run.</summary>
    public ulong Seed { get; init; }

    /// <summary>The training configuration text as given.</summary>
    public string TrainingConfig { get; init; } = "";

    /// <summary>SHA-256 of <see cref="TrainingConfig"/>, lower-case hex.</summary>
    public string TrainingConfigSha256 { get; init; } = "";

    /// <summary>Plant type and parameters used in the closed loop.</summary>
    public IReadOnlyDictionary<string, double> Plant { get; init; } = new Dictionary<string, double>();

    /// <summary>Teacher PID gains and limits.</summary>
    public IReadOnlyDictionary<string, double> Teacher { get; init; } = new Dictionary<string, double>();

    /// <summary>Training method, e.g. "CMA-ES (sep), fitness = imitation + closed-loop altitude error".</summary>
    public string Trainer { get; init; } = "";

    /// <summary>Tool and version that wrote it.</summary>
    public string CreatedBy { get; init; } = "";

    /// <summary>Wall-clock training time, s (informational; not part of the reproducible result).</summary>
    public double TrainingSeconds { get; init; }
}
