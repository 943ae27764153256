namespace Robotics.Models.Artifacts;

/// <summary>The analytic nominal plant of a residual model: its simulator type name and parameter values.</summary>
/// <param name="Plant">Plant type name as in scenario files, e.g. <c>pendulum</c>.</param>
/// <param name="Parameters">Parameter values by name (plant defaults apply to names not listed).</param>
public sealed record NominalPlantInfo(string Plant, IReadOnlyDictionary<string, double> Parameters);
