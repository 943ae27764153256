namespace Robotics.Nodes.Tuning;

/// <summary>Result of one evaluation phrasing.</summary>
/// <param name="Case">The case.</param>
/// <param name="Instruction">The instruction.</param>
/// <param name="Metric">Metric name.</param>
/// <param name="DefaultValue">Metric with the default parameters.</param>
/// <param name="TunedValue">Metric after the proposal was applied.</param>
/// <param name="Detail">The tuning decision.</param>
public sealed record TuningEvalRow(string Case, string Instruction, string Metric, double DefaultValue, double TunedValue, string Detail)
{
    /// <summary>The paper's control adaptability (RMSE_default - RMSE_tuned) / RMSE_default.</summary>
    public double Adaptability => DefaultValue == 0 ? 0 : (DefaultValue - TunedValue) / DefaultValue;
}
