namespace Robotics.Nodes.Tuning;

/// <summary>DecisionxLLM's answer.</summary>
/// <param name="Status">Model call status (anything but Ok means "continue" by default).</param>
/// <param name="Change">True when the model answered "Change behavior".</param>
/// <param name="NewInstruction">The instruction for MPCxLLM when <paramref name="Change"/>; empty otherwise.</param>
/// <param name="Reply">The raw reply (trimmed to 2 KB).</param>
/// <param name="Detail">Why this decision was taken.</param>
public sealed record BehaviourDecision(LanguageModelCallStatus Status, bool Change, string NewInstruction, string Reply, string Detail);
