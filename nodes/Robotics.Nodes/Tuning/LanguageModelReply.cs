namespace Robotics.Nodes.Tuning;

/// <summary>The outcome of one call: the reply text when <see cref="Status"/> is Ok, otherwise why there is none.</summary>
/// <param name="Status">How the call ended.</param>
/// <param name="Text">The reply (empty unless Ok).</param>
/// <param name="Detail">A human-readable reason for diagnostics.</param>
/// <param name="Attempts">HTTP attempts made.</param>
public sealed record LanguageModelReply(LanguageModelCallStatus Status, string Text, string Detail, int Attempts);
