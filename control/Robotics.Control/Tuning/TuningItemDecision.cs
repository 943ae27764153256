namespace Robotics.Control.Tuning;

/// <summary>The verdict on one proposed value.</summary>
/// <param name="Name">The parameter name as proposed.</param>
/// <param name="Proposed">The proposed value (NaN when it was not a finite number).</param>
/// <param name="Current">The value before the proposal (NaN for unknown names).</param>
/// <param name="Applied">The value that would be applied (the current one when rejected).</param>
/// <param name="Outcome">Accepted, clamped or rejected.</param>
/// <param name="Reason">Why, for logs and the decision topic (empty when accepted as is).</param>
public sealed record TuningItemDecision(string Name, double Proposed, double Current, double Applied, TuningItemOutcome Outcome, string Reason);
