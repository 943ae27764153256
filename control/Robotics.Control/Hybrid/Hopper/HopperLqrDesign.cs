using Robotics.Core.LinearAlgebra;

namespace Robotics.Control.Hybrid.Hopper;

/// <summary>
/// Per-mode LQR design for the SLIP hopper's apex-to-apex map: state x = [apex_height_m, speed_m_s], input
/// u = [touchdown_angle_rad, thrust_n], mode parameter p = target forward speed. Builds a discrete
/// <see cref="ModeLqr"/> (DARE) from the map's linearization at a gait.
/// </summary>
/// <remarks>
/// Weights (Bryson's rule): Q = diag(1/0.05^2, 1/0.1^2) (5 cm apex height, 0.1 m/s speed), R = diag(1/0.05^2,
/// 1/500^2) (0.05 rad touchdown angle, 500 N thrust). Inputs clamped to +- 0.8 rad and +- 5000 N (the paper's limits).
/// </remarks>
public static class HopperLqrDesign
{
    /// <summary>Diagonal of Q.</summary>
    public static IReadOnlyList<double> StateWeights { get; } = [1.0 / (0.05 * 0.05), 1.0 / (0.1 * 0.1)];

    /// <summary>Diagonal of R.</summary>
    public static IReadOnlyList<double> InputWeights { get; } = [1.0 / (0.05 * 0.05), 1.0 / (500.0 * 500.0)];

    /// <summary>The mode's LQR from the gait (x*, u*) and the row-major 2x2 Jacobians A = dx'/dx, B = dx'/du.</summary>
    public static ModeLqr Create(double speed, double apexHeight, double touchdownAngle, double thrust,
        IReadOnlyList<double> a, IReadOnlyList<double> b, double maxAngle = 0.8, double maxThrust = 5000.0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != 4 || b.Count != 4)
        {
            throw new ArgumentException($"A and B must be row-major 2x2 (4 entries); got {a.Count} and {b.Count}.", nameof(a));
        }

        return ModeLqr.Discrete(speed, [apexHeight, speed], [touchdownAngle, thrust],
            Matrix.FromRows([a[0], a[1]], [a[2], a[3]]), Matrix.FromRows([b[0], b[1]], [b[2], b[3]]),
            Matrix.Diagonal(StateWeights[0], StateWeights[1]), Matrix.Diagonal(InputWeights[0], InputWeights[1]),
            [-maxAngle, -maxThrust], [maxAngle, maxThrust]);
    }
}
