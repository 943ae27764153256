namespace Robotics.Control.Risk;

/// <summary>The outcome of one <see cref="RiskGatedPlanner.Decide"/> call.</summary>
/// <param name="Status">What was applied.</param>
/// <param name="Risk">
/// Collision probability (any step of the checked horizon) of the applied plan: for <see cref="RiskGateStatus.FallbackPlan"/>
/// the re-check of the followed plan's remaining steps from the current estimate; for <see cref="RiskGateStatus.SafeAction"/>
/// the lowest risk seen this tick; NaN when unchecked.
/// </param>
/// <param name="Attempts">Plans made this tick (1 + replans; each is one MPPI optimisation pass).</param>
/// <param name="AdditionalMarginM">Extra obstacle inflation of the applied plan, m.</param>
/// <param name="WorstStepRisk">The largest per-step collision probability of the applied plan's check (NaN when unchecked).</param>
public readonly record struct RiskGateDecision(RiskGateStatus Status, double Risk, int Attempts, double AdditionalMarginM, double WorstStepRisk = double.NaN);
