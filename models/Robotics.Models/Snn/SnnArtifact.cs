namespace Robotics.Models.Snn;

/// <summary>
/// An evolved spiking altitude controller with provenance: the encoder and loop settings, the populations that are
/// summed into the command (<see cref="Controller"/>), an optional one-population baseline, and how it was made.
/// Stored as one JSON file (<c>*.snn.json</c>, format <see cref="FormatName"/>).
/// </summary>
public sealed record SnnArtifact
{
    /// <summary>The format identifier written to <see cref="Format"/>.</summary>
    public const string FormatName = "robotics-snn/1";

    /// <summary>Format identifier (<see cref="FormatName"/>).</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>Artifact name (e.g. <c>blimp-snn</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary>Human description.</summary>
    public string Description { get; init; } = "";

    /// <summary>Control period the networks were evolved at, s (a network's leaks are per step).</summary>
    public double PeriodS { get; init; }

    /// <summary>Encoder error scale, m.</summary>
    public double ErrorScaleM { get; init; }

    /// <summary>Encoder derivative scale, m/s.</summary>
    public double DerivativeScaleMS { get; init; }

    /// <summary>Encoder derivative filter time constant, s.</summary>
    public double DerivativeFilterTimeS { get; init; }

    /// <summary>Command offset, N.</summary>
    public double OutputOffset { get; init; }

    /// <summary>Lowest command, N.</summary>
    public double OutputMin { get; init; }

    /// <summary>Highest command, N.</summary>
    public double OutputMax { get; init; }

    /// <summary>The populations of the controller, summed.</summary>
    public SnnPopulationArtifact[] Controller { get; init; } = [];

    /// <summary>The one-population baseline, or null.</summary>
    public SnnPopulationArtifact? Baseline { get; init; }

    /// <summary>How it was made.</summary>
    public SnnProvenance Provenance { get; init; } = new();
}
