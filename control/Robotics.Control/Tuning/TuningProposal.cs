namespace Robotics.Control.Tuning;

/// <summary>A language model's proposal as parsed from its reply: parameter values and its stated reason.</summary>
/// <param name="Values">Proposed values by name, as given (not yet checked); NaN marks a value that was not a finite number.</param>
/// <param name="Rationale">The model's explanation, or empty.</param>
public sealed record TuningProposal(IReadOnlyList<KeyValuePair<string, double>> Values, string Rationale);
