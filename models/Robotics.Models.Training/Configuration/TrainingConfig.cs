namespace Robotics.Models.Training.Configuration;

/// <summary>
/// A training run as written in <c>models/configs/*.yaml</c>: which plant to collect data from and how, which
/// model family to fit, and how to train it. Loaded and validated by <see cref="TrainingConfigLoader"/>.
/// </summary>
public sealed class TrainingConfig
{
    /// <summary>Model name: the artifact's file stem (letters, digits, '-', '_').</summary>
    public string Name { get; set; } = "";

    /// <summary>Seed of everything random in the run: data, initialisation, batching.</summary>
    public ulong Seed { get; set; }

    /// <summary>Time step of the model and of the data, seconds.</summary>
    public double DtS { get; set; }

    /// <summary>The simulator plant that generates the data.</summary>
    public PlantSection Plant { get; set; } = new();

    /// <summary>Data collection.</summary>
    public DataSection Data { get; set; } = new();

    /// <summary>The model family and architecture.</summary>
    public ModelSection Model { get; set; } = new();

    /// <summary>Optimisation settings.</summary>
    public TrainingSection Training { get; set; } = new();

    /// <summary>Validation settings.</summary>
    public ValidationSection Validation { get; set; } = new();
}
