namespace Robotics.Models.Artifacts;

/// <summary>The model families an artifact can hold (the <c>family</c> field).</summary>
public static class ModelFamily
{
    /// <summary>x_{k+1} = x_k + f(x_k, u_k) with f a multilayer perceptron.</summary>
    public const string Mlp = "mlp";

    /// <summary>N independently initialised MLPs; prediction is their mean, disagreement their spread.</summary>
    public const string Ensemble = "ensemble";

    /// <summary>NARX model: one GRU layer over [y; u] with a linear head predicting the change of y.</summary>
    public const string Gru = "gru";

    /// <summary>NARX model: one LSTM layer over [y; u] with a linear head predicting the change of y.</summary>
    public const string Lstm = "lstm";

    /// <summary>An analytic nominal plant plus a learned MLP correction of its one-step prediction.</summary>
    public const string Residual = "residual";

    /// <summary>All families, for messages.</summary>
    public static IReadOnlyList<string> All { get; } = [Mlp, Ensemble, Gru, Lstm, Residual];
}
