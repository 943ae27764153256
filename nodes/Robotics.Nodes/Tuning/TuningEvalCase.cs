namespace Robotics.Nodes.Tuning;

/// <summary>One phrasing of one of the paper's evaluation cases.</summary>
/// <param name="Case">centre, refvel, reverse or smooth.</param>
/// <param name="Instruction">The instruction text.</param>
/// <param name="Metric">What the case measures (lateral_rmse, speed_rmse, accel_rms).</param>
/// <param name="TargetSpeedMS">Target speed for speed_rmse, m/s.</param>
/// <param name="ScriptedReply">The sensible proposal the scripted backend replays.</param>
public sealed record TuningEvalCase(string Case, string Instruction, string Metric, double TargetSpeedMS, string ScriptedReply);
