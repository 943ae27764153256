namespace Robotics.Control.Hybrid;

/// <summary>The chosen switch decision.</summary>
/// <param name="Decision">The decision variables.</param>
/// <param name="Loss">Its loss (0 = lands inside the RoAs).</param>
/// <param name="CandidatesEvaluated">Loss evaluations spent (grid + refinement).</param>
public sealed record SwitchPlan(double[] Decision, double Loss, int CandidatesEvaluated);
