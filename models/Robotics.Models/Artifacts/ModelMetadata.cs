namespace Robotics.Models.Artifacts;

/// <summary>
/// The JSON half of a model artifact (<c>&lt;name&gt;.model.json</c>); see docs/model-artifacts.md for the format.
/// </summary>
public sealed record ModelMetadata
{
    /// <summary>The format tag every artifact carries.</summary>
    public const string FormatTag = "robotics-model";

    /// <summary>The format version this code reads and writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Always <see cref="FormatTag"/>.</summary>
    public string Format { get; init; } = FormatTag;

    /// <summary>Format version (<see cref="CurrentFormatVersion"/>).</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Model name; also the file stem.</summary>
    public string Name { get; init; } = "";

    /// <summary>One of <see cref="ModelFamily"/>.</summary>
    public string Family { get; init; } = "";

    /// <summary>Time step of the discrete-time model, seconds.</summary>
    public double DtS { get; init; }

    /// <summary>State signals in state order (the observed outputs for NARX models).</summary>
    public IReadOnlyList<SignalInfo> State { get; init; } = [];

    /// <summary>Input signals in input order.</summary>
    public IReadOnlyList<SignalInfo> Inputs { get; init; } = [];

    /// <summary>Network input/output normalisation (ensemble members share it).</summary>
    public NormalizationInfo Normalization { get; init; } = new([], [], [], []);

    /// <summary>Network architecture.</summary>
    public ArchitectureInfo Architecture { get; init; } = new([], "relu");

    /// <summary>The tensors of the weights file, in file order.</summary>
    public IReadOnlyList<TensorInfo> Tensors { get; init; } = [];

    /// <summary>File name of the weights (little-endian float32), relative to the JSON file.</summary>
    public string WeightsFile { get; init; } = "";

    /// <summary>SHA-256 (lower-case hex) of the weights file.</summary>
    public string WeightsSha256 { get; init; } = "";

    /// <summary>How the model was made.</summary>
    public ProvenanceInfo Provenance { get; init; } = new(0, "", "", "", "", "");

    /// <summary>Validation errors measured after training; null if not measured.</summary>
    public ValidationInfo? Validation { get; init; }

    /// <summary>SHA-256 (lower-case hex) of this JSON written with this field empty: detects edits after export.</summary>
    public string Sha256 { get; init; } = "";
}
