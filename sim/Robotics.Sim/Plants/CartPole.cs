using Robotics.Core.Parameters;

namespace Robotics.Sim.Plants;

/// <summary>
/// A frictionless cart on a horizontal rail carrying a uniform rod (the pole) on an unactuated pivot, pushed by a
/// horizontal force on the cart.
/// </summary>
/// <remarks>
/// <para><b>State and sign convention.</b> x = [cart_position_m, pole_angle_rad, cart_velocity_m_s,
/// pole_angular_velocity_rad_s]; u = [force_n]. Cart position p and force F are positive to the right (+x).
/// The pole angle theta is 0 when the pole points straight up and positive counter-clockwise when viewed with
/// +x to the right and +y up, so a positive angle means the pole leans to the <em>left</em> (its tip is at
/// x = p - 2 l sin theta). Pushing the cart to the right (F &gt; 0) therefore makes theta'' positive.</para>
/// <para><b>Model.</b> Uniform rod of mass m and half-length l (centre of mass at distance l from the pivot,
/// inertia about the centre of mass I = m l^2 / 3, about the pivot 4 m l^2 / 3); cart mass M; no friction.
/// These are the equations of Florian (2007), "Correct equations for the dynamics of the cart-pole system",
/// frictionless case, rewritten for the counter-clockwise angle (Florian's angle is the negative of ours). From
/// the Lagrangian with pole centre of mass at (p - l sin theta, l cos theta):</para>
/// <code>
///   (M + m) p'' - m l cos(theta) theta'' = F - m l sin(theta) theta'^2
///   -m l cos(theta) p'' + (4/3) m l^2 theta'' = m g l sin(theta)
/// solved:
///   D = l (4/3 (M + m) - m cos^2 theta)
///   theta'' = [ (M + m) g sin theta + cos theta (F - m l theta'^2 sin theta) ] / D
///   p''     = [ F - m l theta'^2 sin theta + m l cos theta theta'' ] / (M + m)
/// </code>
/// <para><b>Linearisation about upright rest</b> (theta = 0, all velocities 0):
/// p'' = (4 F + 3 m g theta) / (4 M + m), theta'' = 3 ((M + m) g theta + F) / (l (4 M + m)).</para>
/// <para><b>Energy</b> (<see cref="Energy"/>): E = 1/2 (M + m) p'^2 - m l cos(theta) p' theta' + 2/3 m l^2 theta'^2
/// + m g l (1 + cos theta); potential zero with the pole hanging down, so hanging rest has E = 0 and upright rest
/// E = 2 m g l. Conserved when F = 0.</para>
/// <para>Parameters (type name <c>cart_pole</c>):</para>
/// <list type="table">
/// <listheader><term>name</term><description>default, unit, meaning</description></listheader>
/// <item><term>cart_mass_kg</term><description>1.0 kg, cart mass M</description></item>
/// <item><term>pole_mass_kg</term><description>0.1 kg, pole mass m</description></item>
/// <item><term>pole_half_length_m</term><description>0.5 m, pivot to pole centre of mass l (rod length 2 l)</description></item>
/// <item><term>gravity_m_s2</term><description>9.81 m/s^2, gravitational acceleration g</description></item>
/// </list>
/// <para>Defaults: Barto, Sutton and Anderson (1983) benchmark values. <see cref="Rk4Plant.Advance"/> takes one classical RK4 step.</para>
/// </remarks>
public sealed class CartPole : Rk4Plant
{
    /// <summary>The type name used in scenario files.</summary>
    public const string PlantTypeName = "cart_pole";

    private static readonly ParameterDescriptor[] s_parameters =
    [
        ParameterDescriptor.Double("cart_mass_kg", 1.0, "kg", "Cart mass M.", 1e-6, 1e6),
        ParameterDescriptor.Double("pole_mass_kg", 0.1, "kg", "Pole mass m (uniform rod).", 1e-6, 1e6),
        ParameterDescriptor.Double("pole_half_length_m", 0.5, "m", "Pivot to pole centre of mass l; the rod is 2 l long.", 1e-4, 1e3),
        ParameterDescriptor.Double("gravity_m_s2", 9.81, "m/s^2", "Gravitational acceleration g.", 0.0, 1e3),
    ];

    private static readonly string[] s_stateNames = ["cart_position_m", "pole_angle_rad", "cart_velocity_m_s", "pole_angular_velocity_rad_s"];
    private static readonly string[] s_inputNames = ["force_n"];

    private readonly double _cartMass, _poleMass, _halfLength, _gravity, _totalMass;

    /// <summary>Creates the plant with the default parameters.</summary>
    public CartPole()
        : this(new CartPoleParameters())
    {
    }

    /// <summary>Creates the plant.</summary>
    /// <exception cref="ArgumentException">A parameter is outside its range; the message names it and the fix.</exception>
    public CartPole(CartPoleParameters parameters)
        : base(PlantTypeName, s_stateNames, s_inputNames)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "cart_mass_kg", nameof(parameters.CartMassKg), parameters.CartMassKg);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "pole_mass_kg", nameof(parameters.PoleMassKg), parameters.PoleMassKg);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "pole_half_length_m", nameof(parameters.PoleHalfLengthM), parameters.PoleHalfLengthM);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "gravity_m_s2", nameof(parameters.GravityMPerS2), parameters.GravityMPerS2);
        Options = parameters;
        _cartMass = parameters.CartMassKg;
        _poleMass = parameters.PoleMassKg;
        _halfLength = parameters.PoleHalfLengthM;
        _gravity = parameters.GravityMPerS2;
        _totalMass = _cartMass + _poleMass;
    }

    /// <summary>The parameter descriptors (names, defaults, ranges, units) of this plant type.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters => s_parameters;

    /// <summary>Builds the plant from a parameter set declared with <see cref="Parameters"/>.</summary>
    public static CartPole FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new CartPole(new CartPoleParameters
        {
            CartMassKg = parameters.GetDouble("cart_mass_kg"),
            PoleMassKg = parameters.GetDouble("pole_mass_kg"),
            PoleHalfLengthM = parameters.GetDouble("pole_half_length_m"),
            GravityMPerS2 = parameters.GetDouble("gravity_m_s2"),
        });
    }

    /// <summary>The parameters this plant was built with.</summary>
    public CartPoleParameters Options { get; }

    /// <inheritdoc />
    public override void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        double theta = state[1], cartVelocity = state[2], omega = state[3];
        double force = input[0];
        double sin = Math.Sin(theta), cos = Math.Cos(theta);
        double m = _poleMass, l = _halfLength;

        double centrifugal = force - m * l * omega * omega * sin;
        double denominator = l * (4.0 / 3.0 * _totalMass - m * cos * cos);
        double angularAcceleration = (_totalMass * _gravity * sin + cos * centrifugal) / denominator;
        double cartAcceleration = (centrifugal + m * l * cos * angularAcceleration) / _totalMass;

        derivative[0] = cartVelocity;
        derivative[1] = omega;
        derivative[2] = cartAcceleration;
        derivative[3] = angularAcceleration;
    }

    /// <summary>
    /// Total mechanical energy in J (kinetic of cart and pole plus the pole's potential energy, zero with the pole
    /// hanging down): 1/2 (M+m) p'^2 - m l cos(theta) p' theta' + 2/3 m l^2 theta'^2 + m g l (1 + cos theta).
    /// </summary>
    public double Energy(ReadOnlySpan<double> state)
    {
        double theta = state[1], v = state[2], omega = state[3];
        double m = _poleMass, l = _halfLength;
        double kinetic = 0.5 * _totalMass * v * v - m * l * Math.Cos(theta) * v * omega + 2.0 / 3.0 * m * l * l * omega * omega;
        double potential = m * _gravity * l * (1.0 + Math.Cos(theta));
        return kinetic + potential;
    }
}
