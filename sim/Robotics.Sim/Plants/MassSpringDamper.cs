using Robotics.Core.Parameters;

namespace Robotics.Sim.Plants;

/// <summary>
/// A mass on a linear spring and viscous damper, driven by a force: the simplest second-order plant.
/// </summary>
/// <remarks>
/// <para>State x = [position_m, velocity_m_s]; input u = [force_n]. Position is measured from the spring's rest
/// length, positive in the direction of positive force.</para>
/// <para>Equations: x' = v; v' = (F - c v - k x) / m.</para>
/// <para>Parameters (type name <c>mass_spring_damper</c>):</para>
/// <list type="table">
/// <listheader><term>name</term><description>default, unit, meaning</description></listheader>
/// <item><term>mass_kg</term><description>1.0 kg, moving mass m, range [1e-6, 1e6]</description></item>
/// <item><term>stiffness_n_m</term><description>4.0 N/m, spring constant k &gt;= 0</description></item>
/// <item><term>damping_n_s_m</term><description>0.4 N s/m, viscous damping c &gt;= 0</description></item>
/// </list>
/// <para>Defaults: a textbook lightly damped oscillator (omega_n = 2 rad/s, zeta = 0.1), chosen so closed-form
/// solutions are easy to check by hand. <see cref="Rk4Plant.Advance"/> takes one classical RK4 step.</para>
/// </remarks>
public sealed class MassSpringDamper : Rk4Plant
{
    /// <summary>The type name used in scenario files.</summary>
    public const string PlantTypeName = "mass_spring_damper";

    private static readonly ParameterDescriptor[] s_parameters =
    [
        ParameterDescriptor.Double("mass_kg", 1.0, "kg", "Moving mass m.", 1e-6, 1e6),
        ParameterDescriptor.Double("stiffness_n_m", 4.0, "N/m", "Spring stiffness k (force per metre of displacement).", 0.0, 1e9),
        ParameterDescriptor.Double("damping_n_s_m", 0.4, "N s/m", "Viscous damping c (force per m/s of velocity).", 0.0, 1e9),
    ];

    private static readonly string[] s_stateNames = ["position_m", "velocity_m_s"];
    private static readonly string[] s_inputNames = ["force_n"];

    private readonly double _inverseMass, _stiffness, _damping;

    /// <summary>Creates the plant with the default parameters.</summary>
    public MassSpringDamper()
        : this(new MassSpringDamperParameters())
    {
    }

    /// <summary>Creates the plant.</summary>
    /// <exception cref="ArgumentException">A parameter is outside its range; the message names it and the fix.</exception>
    public MassSpringDamper(MassSpringDamperParameters parameters)
        : base(PlantTypeName, s_stateNames, s_inputNames)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "mass_kg", nameof(parameters.MassKg), parameters.MassKg);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "stiffness_n_m", nameof(parameters.StiffnessNPerM), parameters.StiffnessNPerM);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "damping_n_s_m", nameof(parameters.DampingNSPerM), parameters.DampingNSPerM);
        Options = parameters;
        _inverseMass = 1.0 / parameters.MassKg;
        _stiffness = parameters.StiffnessNPerM;
        _damping = parameters.DampingNSPerM;
    }

    /// <summary>The parameter descriptors (names, defaults, ranges, units) of this plant type.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters => s_parameters;

    /// <summary>Builds the plant from a parameter set declared with <see cref="Parameters"/>.</summary>
    public static MassSpringDamper FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new MassSpringDamper(new MassSpringDamperParameters
        {
            MassKg = parameters.GetDouble("mass_kg"),
            StiffnessNPerM = parameters.GetDouble("stiffness_n_m"),
            DampingNSPerM = parameters.GetDouble("damping_n_s_m"),
        });
    }

    /// <summary>The parameters this plant was built with.</summary>
    public MassSpringDamperParameters Options { get; }

    /// <inheritdoc />
    public override void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        double x = state[0], v = state[1];
        derivative[0] = v;
        derivative[1] = (input[0] - _damping * v - _stiffness * x) * _inverseMass;
    }
}
