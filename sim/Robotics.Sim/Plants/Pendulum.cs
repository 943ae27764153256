using Robotics.Core.Parameters;

namespace Robotics.Sim.Plants;

/// <summary>
/// A simple pendulum: a point mass on a massless rigid rod, driven by a torque at the pivot.
/// </summary>
/// <remarks>
/// <para>State x = [angle_rad, angular_velocity_rad_s] with angle 0 hanging straight down and positive
/// counter-clockwise (the bob swings towards +x of the pivot frame for positive angle); input u = [torque_n_m],
/// positive counter-clockwise.</para>
/// <para>Equations: theta' = omega; m L^2 omega' = tau - b omega - m g L sin(theta).</para>
/// <para>Energy (<see cref="Energy"/>): E = 1/2 m L^2 omega^2 + m g L (1 - cos theta), zero at hanging rest,
/// 2 m g L at upright rest.</para>
/// <para>Parameters (type name <c>pendulum</c>):</para>
/// <list type="table">
/// <listheader><term>name</term><description>default, unit, meaning</description></listheader>
/// <item><term>mass_kg</term><description>1.0 kg, bob mass m</description></item>
/// <item><term>length_m</term><description>1.0 m, rod length L (pivot to point mass)</description></item>
/// <item><term>damping_n_m_s</term><description>0 N m s/rad, viscous pivot friction b</description></item>
/// <item><term>gravity_m_s2</term><description>9.81 m/s^2, gravitational acceleration g</description></item>
/// </list>
/// <para>Defaults: the textbook ideal 1 kg, 1 m pendulum. <see cref="Rk4Plant.Advance"/> takes one classical RK4 step.</para>
/// </remarks>
public sealed class Pendulum : Rk4Plant
{
    /// <summary>The type name used in scenario files.</summary>
    public const string PlantTypeName = "pendulum";

    private static readonly ParameterDescriptor[] s_parameters =
    [
        ParameterDescriptor.Double("mass_kg", 1.0, "kg", "Bob mass m (point mass).", 1e-6, 1e6),
        ParameterDescriptor.Double("length_m", 1.0, "m", "Massless rod length L from pivot to the point mass.", 1e-4, 1e4),
        ParameterDescriptor.Double("damping_n_m_s", 0.0, "N m s/rad", "Viscous pivot friction b (torque per rad/s).", 0.0, 1e6),
        ParameterDescriptor.Double("gravity_m_s2", 9.81, "m/s^2", "Gravitational acceleration g.", 0.0, 1e3),
    ];

    private static readonly string[] s_stateNames = ["angle_rad", "angular_velocity_rad_s"];
    private static readonly string[] s_inputNames = ["torque_n_m"];

    private readonly double _inverseInertia, _gravityOverLength, _damping, _mass, _length, _gravity;

    /// <summary>Creates the plant with the default parameters.</summary>
    public Pendulum()
        : this(new PendulumParameters())
    {
    }

    /// <summary>Creates the plant.</summary>
    /// <exception cref="ArgumentException">A parameter is outside its range; the message names it and the fix.</exception>
    public Pendulum(PendulumParameters parameters)
        : base(PlantTypeName, s_stateNames, s_inputNames)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "mass_kg", nameof(parameters.MassKg), parameters.MassKg);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "length_m", nameof(parameters.LengthM), parameters.LengthM);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "damping_n_m_s", nameof(parameters.DampingNMS), parameters.DampingNMS);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "gravity_m_s2", nameof(parameters.GravityMPerS2), parameters.GravityMPerS2);
        Options = parameters;
        _mass = parameters.MassKg;
        _length = parameters.LengthM;
        _gravity = parameters.GravityMPerS2;
        _damping = parameters.DampingNMS;
        _inverseInertia = 1.0 / (_mass * _length * _length);
        _gravityOverLength = _gravity / _length;
    }

    /// <summary>The parameter descriptors (names, defaults, ranges, units) of this plant type.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters => s_parameters;

    /// <summary>Builds the plant from a parameter set declared with <see cref="Parameters"/>.</summary>
    public static Pendulum FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new Pendulum(new PendulumParameters
        {
            MassKg = parameters.GetDouble("mass_kg"),
            LengthM = parameters.GetDouble("length_m"),
            DampingNMS = parameters.GetDouble("damping_n_m_s"),
            GravityMPerS2 = parameters.GetDouble("gravity_m_s2"),
        });
    }

    /// <summary>The parameters this plant was built with.</summary>
    public PendulumParameters Options { get; }

    /// <inheritdoc />
    public override void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        double theta = state[0], omega = state[1];
        derivative[0] = omega;
        derivative[1] = (input[0] - _damping * omega) * _inverseInertia - _gravityOverLength * Math.Sin(theta);
    }

    /// <summary>
    /// Total mechanical energy in J: 1/2 m L^2 omega^2 + m g L (1 - cos theta); zero at hanging rest.
    /// </summary>
    public double Energy(ReadOnlySpan<double> state)
    {
        double theta = state[0], omega = state[1];
        return 0.5 * _mass * _length * _length * omega * omega + _mass * _gravity * _length * (1.0 - Math.Cos(theta));
    }
}
