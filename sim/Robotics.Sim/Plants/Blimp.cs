using System.Globalization;
using Robotics.Core.Numerics;
using Robotics.Core.Parameters;

namespace Robotics.Sim.Plants;

/// <summary>
/// Vertical (altitude) dynamics of an indoor blimp that is not neutrally buoyant, driven by a vertical thruster with
/// a deadband and thrust limits.
/// </summary>
/// <remarks>
/// <para>State x = [altitude_m, vertical_velocity_m_s] (altitude z up, above the floor); input u = [thrust_n], the
/// commanded vertical thrust (positive up).</para>
/// <para><b>Actuator</b> (<see cref="CalcEffectiveThrust"/>): T_eff = 0 when |T| &lt; deadband, otherwise
/// clamp(T, thrust_min_n, thrust_max_n).</para>
/// <para><b>Equations:</b></para>
/// <code>
///   z' = w
///   (m + m_added) w' = T_eff - W_net - c_lin w - c_quad w |w|
/// </code>
/// <para>With no thrust the blimp sinks to the terminal speed v_t solving c_lin v + c_quad v^2 = W_net, i.e.
/// v_t = (-c_lin + sqrt(c_lin^2 + 4 c_quad W_net)) / (2 c_quad) (0.381 m/s with the defaults). T_eff = W_net
/// hovers.</para>
/// <para><b>Ground contact</b> (when <c>ground_contact</c> is true): the floor at z = 0 is rigid and perfectly
/// inelastic. While the blimp rests on it (z &lt;= 0, w &lt;= 0) the floor's reaction cancels a net downward force
/// (derivatives clamp to w' &gt;= 0, z' &gt;= 0), and after every <see cref="Advance"/> a state below the floor is
/// projected to z = 0 with downward velocity set to 0. The floor is not applied in <see cref="Derivatives"/> for
/// z &gt; 0, so trajectories in the air are the smooth ODE solution.</para>
/// <para>Parameters (type name <c>blimp</c>; representative values for a 0.9 m spherical envelope, see
/// <see cref="BlimpParameters"/> for the derivation):</para>
/// <list type="table">
/// <listheader><term>name</term><description>default, unit, meaning</description></listheader>
/// <item><term>mass_kg</term><description>0.46 kg, total inertial mass m</description></item>
/// <item><term>added_mass_kg</term><description>0.23 kg, added air mass for vertical motion</description></item>
/// <item><term>net_weight_n</term><description>0.03 N, weight minus buoyancy W_net</description></item>
/// <item><term>linear_drag_n_s_m</term><description>0.01 N s/m, c_lin</description></item>
/// <item><term>quadratic_drag_n_s2_m2</term><description>0.18 N s^2/m^2, c_quad</description></item>
/// <item><term>thrust_deadband_n</term><description>0.01 N, motor deadband</description></item>
/// <item><term>thrust_min_n</term><description>-0.1 N, thrust lower limit</description></item>
/// <item><term>thrust_max_n</term><description>0.2 N, thrust upper limit</description></item>
/// <item><term>ground_contact</term><description>true, floor at altitude 0</description></item>
/// </list>
/// <para><see cref="Advance"/> takes one classical RK4 step, then applies the floor.</para>
/// </remarks>
public sealed class Blimp : Rk4Plant
{
    /// <summary>The type name used in scenario files.</summary>
    public const string PlantTypeName = "blimp";

    private static readonly ParameterDescriptor[] s_parameters =
    [
        ParameterDescriptor.Double("mass_kg", 0.46, "kg", "Total inertial mass m (envelope, gondola, lifting gas).", 1e-4, 1e4),
        ParameterDescriptor.Double("added_mass_kg", 0.23, "kg", "Added (virtual) air mass for vertical motion.", 0.0, 1e4),
        ParameterDescriptor.Double("net_weight_n", 0.03, "N", "Weight minus buoyancy W_net; positive = heavier than air.", -1e3, 1e3),
        ParameterDescriptor.Double("linear_drag_n_s_m", 0.01, "N s/m", "Linear drag coefficient c_lin.", 0.0, 1e3),
        ParameterDescriptor.Double("quadratic_drag_n_s2_m2", 0.18, "N s^2/m^2", "Quadratic drag coefficient c_quad.", 0.0, 1e3),
        ParameterDescriptor.Double("thrust_deadband_n", 0.01, "N", "Commanded thrust magnitudes below this produce no thrust.", 0.0, 1e3),
        ParameterDescriptor.Double("thrust_min_n", -0.1, "N", "Lower thrust limit (downward thrust is negative).", -1e3, 1e3),
        ParameterDescriptor.Double("thrust_max_n", 0.2, "N", "Upper thrust limit.", -1e3, 1e3),
        ParameterDescriptor.Bool("ground_contact", true, "When true the floor at altitude 0 stops the blimp (inelastic, no penetration)."),
    ];

    private static readonly string[] s_stateNames = ["altitude_m", "vertical_velocity_m_s"];
    private static readonly string[] s_inputNames = ["thrust_n"];

    private readonly double _inverseMass, _netWeight, _linearDrag, _quadraticDrag, _deadband, _thrustMin, _thrustMax;
    private readonly bool _groundContact;

    /// <summary>Creates the plant with the default parameters.</summary>
    public Blimp()
        : this(new BlimpParameters())
    {
    }

    /// <summary>Creates the plant.</summary>
    /// <exception cref="ArgumentException">A parameter is outside its range or the thrust limits are inverted; the
    /// message names it and the fix.</exception>
    public Blimp(BlimpParameters parameters)
        : base(PlantTypeName, s_stateNames, s_inputNames)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        const string T = PlantTypeName;
        PlantParameterGuard.Check(T, s_parameters, "mass_kg", nameof(parameters.MassKg), parameters.MassKg);
        PlantParameterGuard.Check(T, s_parameters, "added_mass_kg", nameof(parameters.AddedMassKg), parameters.AddedMassKg);
        PlantParameterGuard.Check(T, s_parameters, "net_weight_n", nameof(parameters.NetWeightN), parameters.NetWeightN);
        PlantParameterGuard.Check(T, s_parameters, "linear_drag_n_s_m", nameof(parameters.LinearDragNSPerM), parameters.LinearDragNSPerM);
        PlantParameterGuard.Check(T, s_parameters, "quadratic_drag_n_s2_m2", nameof(parameters.QuadraticDragNS2PerM2), parameters.QuadraticDragNS2PerM2);
        PlantParameterGuard.Check(T, s_parameters, "thrust_deadband_n", nameof(parameters.ThrustDeadbandN), parameters.ThrustDeadbandN);
        PlantParameterGuard.Check(T, s_parameters, "thrust_min_n", nameof(parameters.ThrustMinN), parameters.ThrustMinN);
        PlantParameterGuard.Check(T, s_parameters, "thrust_max_n", nameof(parameters.ThrustMaxN), parameters.ThrustMaxN);
        if (parameters.ThrustMinN > parameters.ThrustMaxN)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{T}: thrust_min_n = {parameters.ThrustMinN} is above thrust_max_n = {parameters.ThrustMaxN}; set thrust_min_n <= thrust_max_n."),
                nameof(parameters));
        }

        Options = parameters;
        _inverseMass = 1.0 / (parameters.MassKg + parameters.AddedMassKg);
        _netWeight = parameters.NetWeightN;
        _linearDrag = parameters.LinearDragNSPerM;
        _quadraticDrag = parameters.QuadraticDragNS2PerM2;
        _deadband = parameters.ThrustDeadbandN;
        _thrustMin = parameters.ThrustMinN;
        _thrustMax = parameters.ThrustMaxN;
        _groundContact = parameters.GroundContact;
    }

    /// <summary>The parameter descriptors (names, defaults, ranges, units) of this plant type.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters => s_parameters;

    /// <summary>Builds the plant from a parameter set declared with <see cref="Parameters"/>.</summary>
    public static Blimp FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new Blimp(new BlimpParameters
        {
            MassKg = parameters.GetDouble("mass_kg"),
            AddedMassKg = parameters.GetDouble("added_mass_kg"),
            NetWeightN = parameters.GetDouble("net_weight_n"),
            LinearDragNSPerM = parameters.GetDouble("linear_drag_n_s_m"),
            QuadraticDragNS2PerM2 = parameters.GetDouble("quadratic_drag_n_s2_m2"),
            ThrustDeadbandN = parameters.GetDouble("thrust_deadband_n"),
            ThrustMinN = parameters.GetDouble("thrust_min_n"),
            ThrustMaxN = parameters.GetDouble("thrust_max_n"),
            GroundContact = parameters.GetBool("ground_contact"),
        });
    }

    /// <summary>The parameters this plant was built with.</summary>
    public BlimpParameters Options { get; }

    /// <summary>
    /// The thrust the motors actually produce for a commanded thrust: 0 inside the deadband, otherwise the command
    /// clamped to [thrust_min_n, thrust_max_n].
    /// </summary>
    public double CalcEffectiveThrust(double commandedThrustN) =>
        Math.Abs(commandedThrustN) < _deadband ? 0.0 : Math.Clamp(commandedThrustN, _thrustMin, _thrustMax);

    /// <inheritdoc />
    public override void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        double z = state[0], w = state[1];
        double thrust = CalcEffectiveThrust(input[0]);
        double acceleration = (thrust - _netWeight - _linearDrag * w - _quadraticDrag * w * Math.Abs(w)) * _inverseMass;
        if (_groundContact && z <= 0 && w <= 0)
        {
            // Resting on (or pressed into) the floor: the reaction force cancels any net downward push.
            derivative[0] = 0.0;
            derivative[1] = Math.Max(acceleration, 0.0);
            return;
        }

        derivative[0] = w;
        derivative[1] = acceleration;
    }

    /// <summary>One classical RK4 step, then the floor: a state below altitude 0 is put on the floor at rest.</summary>
    public override void Advance(double time, double step, Span<double> state, ReadOnlySpan<double> input)
    {
        base.Advance(time, step, state, input);
        if (_groundContact && state[0] < 0)
        {
            state[0] = 0.0;
            if (state[1] < 0) state[1] = 0.0;
        }
    }
}
