using Robotics.Core.Numerics;

namespace Robotics.Control.Tests.Lqr;

/// <summary>
/// The nonlinear cart-pole used by tests/golden/lqr/lqr_golden.py, written out independently of sim/:
/// state [cart_position_m, pole_angle_rad, cart_velocity_m_s, pole_angular_velocity_rad_s], angle 0 = upright,
/// positive counter-clockwise; input [force_n]. Uniform rod: centre of mass l from the pivot, inertia m (2 l)^2 / 12.
///   (M + m) x''  - m l cos(th) th'' = F - m l sin(th) th'^2
///   -m l cos(th) x'' + (I + m l^2) th'' = m g l sin(th)
/// </summary>
internal sealed class CartPoleModel : IOdeSystem
{
    public const double CartMass = 1.0, PoleMass = 0.1, HalfLength = 0.5, Gravity = 9.81;
    private const double Inertia = PoleMass * (2 * HalfLength) * (2 * HalfLength) / 12.0;

    public int StateSize => 4;

    public int InputSize => 1;

    public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        double th = state[1], xd = state[2], thd = state[3];
        double c = Math.Cos(th), s = Math.Sin(th);
        double m11 = CartMass + PoleMass, m12 = -PoleMass * HalfLength * c, m22 = Inertia + PoleMass * HalfLength * HalfLength;
        double r1 = input[0] - PoleMass * HalfLength * s * thd * thd;
        double r2 = PoleMass * Gravity * HalfLength * s;
        double det = m11 * m22 - m12 * m12;
        derivative[0] = xd;
        derivative[1] = thd;
        derivative[2] = (m22 * r1 - m12 * r2) / det;
        derivative[3] = (m11 * r2 - m12 * r1) / det;
    }
}
