namespace Robotics.Models.Training.Configuration;

/// <summary>The <c>model:</c> section: family and architecture.</summary>
public sealed class ModelSection
{
    /// <summary><c>mlp</c>, <c>ensemble</c>, <c>gru</c>, <c>lstm</c> or <c>residual</c>.</summary>
    public string Family { get; set; } = "mlp";

    /// <summary>Hidden layer widths of the MLP(s).</summary>
    public int[] HiddenSizes { get; set; } = [64, 64];

    /// <summary><c>relu</c> or <c>tanh</c>.</summary>
    public string Activation { get; set; } = "relu";

    /// <summary>Members of an ensemble.</summary>
    public int EnsembleSize { get; set; } = 1;

    /// <summary>Hidden size of the GRU/LSTM layer.</summary>
    public int RecurrentHiddenSize { get; set; } = 16;

    /// <summary>For recurrent models: length of the training windows, steps.</summary>
    public int SequenceLength { get; set; } = 32;

    /// <summary>For residual models: the nominal plant's parameters (may differ from the data plant's: that is the point).</summary>
    public Dictionary<string, double> NominalParameters { get; set; } = [];
}
