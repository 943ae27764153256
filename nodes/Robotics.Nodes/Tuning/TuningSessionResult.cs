namespace Robotics.Nodes.Tuning;

/// <summary>What one instruction led to.</summary>
/// <param name="Outcome">The adapter's outcome (reply, proposal decision, summary).</param>
/// <param name="Applied">Whether the values were handed to the target (all of them) - for a node: queued for the next tick boundary.</param>
/// <param name="Detail">Human-readable decision with reasons.</param>
/// <param name="Changes">The values applied (empty when nothing was).</param>
public sealed record TuningSessionResult(TuningOutcome Outcome, bool Applied, string Detail, IReadOnlyList<KeyValuePair<string, double>> Changes);
