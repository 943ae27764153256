namespace Robotics.Control.Risk;

/// <summary>The outcome of one <see cref="RiskGatedPlanner.Decide"/> call.</summary>
/// <param name="Status">What was applied.</param>
/// <param name="Risk">Collision probability (any step of the checked horizon) of the applied plan, or the lowest one seen when the safe action was applied (NaN when unchecked).</param>
/// <param name="Attempts">Plans made this tick (1 + replans).</param>
/// <param name="AdditionalMarginM">Extra obstacle margin of the applied plan, m.</param>
public readonly record struct RiskGateDecision(RiskGateStatus Status, double Risk, int Attempts, double AdditionalMarginM);
