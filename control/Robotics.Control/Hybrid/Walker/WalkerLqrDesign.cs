using Robotics.Core.LinearAlgebra;

namespace Robotics.Control.Hybrid.Walker;

/// <summary>
/// Per-mode LQR design for the compass-gait walker's step-to-step (Poincare) map: section state
/// x = [stance_angle_rad, stance_rate_rad_s, swing_rate_rad_s] just after heel strike, input u = [hip_torque_n_m]
/// held for the step, mode parameter p = slope of the gait. Builds a discrete <see cref="ModeLqr"/> (DARE).
/// </summary>
/// <remarks>Weights: Q = diag(1/0.01^2, 1/0.05^2, 1/0.05^2), R = 1/0.05^2 (gentle: the passive gaits are already stable); torque clamped to +- maxTorque.</remarks>
public static class WalkerLqrDesign
{
    /// <summary>Diagonal of Q.</summary>
    public static IReadOnlyList<double> StateWeights { get; } = [1.0 / (0.01 * 0.01), 1.0 / (0.05 * 0.05), 1.0 / (0.05 * 0.05)];

    /// <summary>R (one entry).</summary>
    public static double InputWeight { get; } = 1.0 / (0.05 * 0.05);

    /// <summary>The mode's LQR from the gait's fixed point z*, nominal torque and row-major Jacobians A (3x3), B (3x1).</summary>
    public static ModeLqr Create(double slope, IReadOnlyList<double> fixedPoint, double nominalTorque,
        IReadOnlyList<double> a, IReadOnlyList<double> b, double maxTorque = 0.5)
    {
        ArgumentNullException.ThrowIfNull(fixedPoint);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (fixedPoint.Count != 3 || a.Count != 9 || b.Count != 3)
        {
            throw new ArgumentException($"Need z* (3), A (9) and B (3) entries; got {fixedPoint.Count}, {a.Count}, {b.Count}.", nameof(a));
        }

        return ModeLqr.Discrete(slope, [fixedPoint[0], fixedPoint[1], fixedPoint[2]], [nominalTorque],
            Matrix.FromRows([a[0], a[1], a[2]], [a[3], a[4], a[5]], [a[6], a[7], a[8]]), Matrix.Column(b[0], b[1], b[2]),
            Matrix.Diagonal(StateWeights[0], StateWeights[1], StateWeights[2]), Matrix.Diagonal(InputWeight),
            [-maxTorque], [maxTorque]);
    }
}
