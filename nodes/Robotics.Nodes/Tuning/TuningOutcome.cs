using Robotics.Control.Tuning;

namespace Robotics.Nodes.Tuning;

/// <summary>What came of one instruction: the model's reply, the decision on its proposal (null when there was none) and one line for logs.</summary>
/// <param name="Instruction">The instruction.</param>
/// <param name="Reply">The model call's outcome.</param>
/// <param name="Decision">The validator's decision, or null when no proposal could be read.</param>
/// <param name="Summary">One line: applied changes, or why nothing changes.</param>
public sealed record TuningOutcome(string Instruction, LanguageModelReply Reply, TuningDecision? Decision, string Summary)
{
    /// <summary>True when the decision may be applied (at the next tick boundary).</summary>
    public bool CanApply => Decision is { Accepted: true };
}
