namespace Robotics.Sim.Hybrid.Walker;

/// <summary>One period-1 gait of the compass-gait walker: a fixed point of the Poincare map at a slope and hip torque.</summary>
/// <param name="SlopeRad">Slope gamma in rad (the gait library's mode parameter).</param>
/// <param name="HipTorqueNm">Constant hip torque held during each step (0 for passive gaits).</param>
/// <param name="FixedPoint">The post-impact fixed point z* = (phi1, w1, w2).</param>
/// <param name="StepPeriodS">Time from heel strike to heel strike in s.</param>
/// <param name="Jacobian">Row-major 3x3 Jacobian dP/dz of the Poincare map at z* (central differences).</param>
/// <param name="TorqueSensitivity">dP/du at z* (3 entries; central differences).</param>
/// <param name="Residual">|P(z*) - z*| after Newton (max norm).</param>
public sealed record Gait(double SlopeRad, double HipTorqueNm, WalkerSection FixedPoint, double StepPeriodS,
    IReadOnlyList<double> Jacobian, IReadOnlyList<double> TorqueSensitivity, double Residual)
{
    /// <summary>Half inter-leg angle at heel strike, alpha = gamma - phi1* (rad); the step length is 2 l sin(alpha).</summary>
    public double HalfInterLegAngleRad => SlopeRad - FixedPoint.StanceAngleRad;
}
