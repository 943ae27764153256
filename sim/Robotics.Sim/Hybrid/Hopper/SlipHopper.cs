using Robotics.Core.Parameters;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Hybrid.Hopper;

/// <summary>
/// Spring-loaded inverted pendulum (SLIP) hopper, the paper's "pogobot": a point mass on a massless spring leg,
/// alternating ballistic flight and spring stance, as an <see cref="IHybridSystem"/>.
/// </summary>
/// <remarks>
/// <para>State x = [x_m, y_m, vx_m_s, vy_m_s, foot_x_m] (body position and velocity, y up from the ground; the
/// foot's ground position, meaningful in stance). Input u = [touchdown_angle_rad, thrust_n]: the leg angle from the
/// vertical at touchdown (positive = foot ahead of the body in +x) and an axial thrust added to the spring force
/// during compression (as in the paper; negative thrust injects energy, positive removes it).</para>
/// <para>Flight: x'' = 0, y'' = -g. Stance (foot at (x_f, 0), leg vector d = (x - x_f, y), r = |d|):
/// M [x'', y''] = F d / r - [0, M g] with F = k (l0 - r) + P (P only in compression).</para>
/// <para>Modes and guards (event when the guard becomes &lt;= 0): ascending: vy (apex) -> descending;
/// descending: y - l0 cos(theta) (touchdown; reset x_f = x + l0 sin(theta)) -> compression; compression: -r'
/// (bottom) -> decompression, and y (fall); decompression: l0 - r (lift-off) -> ascending (descending if vy &lt;= 0),
/// and y (fall).</para>
/// <para>With P = 0 the energy E = M (vx^2 + vy^2)/2 + M g y (+ k (l0 - r)^2 / 2 in stance) is conserved. The
/// paper's 8 phases (flight-down, touchdown, compression, mid-stance, tension, release, flight-up, apex) map onto
/// these 4 flows plus events.</para>
/// <para>Parameters (type name <c>slip_hopper</c>): mass_kg 80, stiffness_n_m 32000, leg_length_m 1,
/// gravity_m_s2 10, max_touchdown_angle_rad 0.8, max_thrust_n 5000.</para>
/// </remarks>
public sealed class SlipHopper : IHybridSystem
{
    /// <summary>The type name used in scenario files.</summary>
    public const string SystemTypeName = "slip_hopper";

    /// <summary>State index of the horizontal body position.</summary>
    public const int X = 0;

    /// <summary>State index of the body height.</summary>
    public const int Y = 1;

    /// <summary>State index of the horizontal velocity.</summary>
    public const int Vx = 2;

    /// <summary>State index of the vertical velocity.</summary>
    public const int Vy = 3;

    /// <summary>State index of the foot position.</summary>
    public const int FootX = 4;

    private static readonly ParameterDescriptor[] s_parameters =
    [
        ParameterDescriptor.Double("mass_kg", 80.0, "kg", "Body point mass M.", 1e-3, 1e5),
        ParameterDescriptor.Double("stiffness_n_m", 32000.0, "N/m", "Leg spring stiffness k.", 1.0, 1e8),
        ParameterDescriptor.Double("leg_length_m", 1.0, "m", "Rest leg length l0.", 1e-3, 100.0),
        ParameterDescriptor.Double("gravity_m_s2", 10.0, "m/s^2", "Gravitational acceleration g.", 0.0, 1e3),
        ParameterDescriptor.Double("max_touchdown_angle_rad", 0.8, "rad", "Touchdown angle limit (inputs clamped).", 0.0, 1.5),
        ParameterDescriptor.Double("max_thrust_n", 5000.0, "N", "Thrust limit (inputs clamped).", 0.0, 1e6),
    ];

    private static readonly string[] s_stateNames = ["x_m", "y_m", "vx_m_s", "vy_m_s", "foot_x_m"];
    private static readonly string[] s_inputNames = ["touchdown_angle_rad", "thrust_n"];

    private readonly double _m, _k, _l0, _g, _maxAngle, _maxThrust;

    /// <summary>Creates the hopper with the paper's parameters.</summary>
    public SlipHopper()
        : this(new SlipHopperParameters())
    {
    }

    /// <summary>Creates the hopper.</summary>
    /// <exception cref="ArgumentException">A parameter is outside its range; the message names it and the fix.</exception>
    public SlipHopper(SlipHopperParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        PlantParameterGuard.Check(SystemTypeName, s_parameters, "mass_kg", nameof(parameters.MassKg), parameters.MassKg);
        PlantParameterGuard.Check(SystemTypeName, s_parameters, "stiffness_n_m", nameof(parameters.StiffnessNM), parameters.StiffnessNM);
        PlantParameterGuard.Check(SystemTypeName, s_parameters, "leg_length_m", nameof(parameters.LegLengthM), parameters.LegLengthM);
        PlantParameterGuard.Check(SystemTypeName, s_parameters, "gravity_m_s2", nameof(parameters.GravityMPerS2), parameters.GravityMPerS2);
        PlantParameterGuard.Check(SystemTypeName, s_parameters, "max_touchdown_angle_rad", nameof(parameters.MaxTouchdownAngleRad), parameters.MaxTouchdownAngleRad);
        PlantParameterGuard.Check(SystemTypeName, s_parameters, "max_thrust_n", nameof(parameters.MaxThrustN), parameters.MaxThrustN);
        Options = parameters;
        _m = parameters.MassKg;
        _k = parameters.StiffnessNM;
        _l0 = parameters.LegLengthM;
        _g = parameters.GravityMPerS2;
        _maxAngle = parameters.MaxTouchdownAngleRad;
        _maxThrust = parameters.MaxThrustN;
    }

    /// <summary>The parameter descriptors of this system type.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters => s_parameters;

    /// <summary>Builds the hopper from a parameter set declared with <see cref="Parameters"/>.</summary>
    public static SlipHopper FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new SlipHopper(new SlipHopperParameters
        {
            MassKg = parameters.GetDouble("mass_kg"),
            StiffnessNM = parameters.GetDouble("stiffness_n_m"),
            LegLengthM = parameters.GetDouble("leg_length_m"),
            GravityMPerS2 = parameters.GetDouble("gravity_m_s2"),
            MaxTouchdownAngleRad = parameters.GetDouble("max_touchdown_angle_rad"),
            MaxThrustN = parameters.GetDouble("max_thrust_n"),
        });
    }

    /// <summary>The parameters this hopper was built with.</summary>
    public SlipHopperParameters Options { get; }

    /// <summary>State names in state order.</summary>
    public IReadOnlyList<string> StateNames => s_stateNames;

    /// <summary>Input names in input order.</summary>
    public IReadOnlyList<string> InputNames => s_inputNames;

    /// <inheritdoc />
    public int StateSize => 5;

    /// <inheritdoc />
    public int InputSize => 2;

    /// <inheritdoc />
    public int ModeCount => 5;

    /// <inheritdoc />
    public int GuardCount => 2;

    /// <inheritdoc />
    public string ModeName(int mode) => (HopperMode)mode switch
    {
        HopperMode.FlightAscending => "flight_ascending",
        HopperMode.FlightDescending => "flight_descending",
        HopperMode.Compression => "compression",
        HopperMode.Decompression => "decompression",
        HopperMode.Fallen => "fallen",
        _ => "unknown",
    };

    /// <inheritdoc />
    public bool IsTerminal(int mode) => mode == (int)HopperMode.Fallen;

    /// <summary>Touchdown angle actually used for input <paramref name="input"/> (clamped to the limit).</summary>
    public double TouchdownAngle(ReadOnlySpan<double> input) => Math.Clamp(input[0], -_maxAngle, _maxAngle);

    /// <summary>Thrust actually used for input <paramref name="input"/> (clamped to the limit).</summary>
    public double Thrust(ReadOnlySpan<double> input) => Math.Clamp(input[1], -_maxThrust, _maxThrust);

    /// <inheritdoc />
    public void Derivatives(int mode, double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        derivative[X] = state[Vx];
        derivative[Y] = state[Vy];
        derivative[FootX] = 0.0;
        switch ((HopperMode)mode)
        {
            case HopperMode.Compression:
            case HopperMode.Decompression:
            {
                double dx = state[X] - state[FootX];
                double dy = state[Y];
                double r = Math.Sqrt(dx * dx + dy * dy);
                double force = _k * (_l0 - r);
                if (mode == (int)HopperMode.Compression)
                {
                    force += Thrust(input);
                }

                double perMassLength = force / (_m * r);
                derivative[Vx] = perMassLength * dx;
                derivative[Vy] = perMassLength * dy - _g;
                break;
            }

            case HopperMode.Fallen:
                derivative[X] = 0.0;
                derivative[Y] = 0.0;
                derivative[Vx] = 0.0;
                derivative[Vy] = 0.0;
                break;
            default:
                derivative[Vx] = 0.0;
                derivative[Vy] = -_g;
                break;
        }
    }

    /// <inheritdoc />
    public double Guard(int mode, int guard, double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input)
    {
        switch ((HopperMode)mode)
        {
            case HopperMode.FlightAscending:
                return guard == 0 ? state[Vy] : double.PositiveInfinity;
            case HopperMode.FlightDescending:
                return guard == 0 ? state[Y] - _l0 * Math.Cos(TouchdownAngle(input)) : double.PositiveInfinity;
            case HopperMode.Compression:
                return guard == 0 ? -RadialVelocity(state) : state[Y];
            case HopperMode.Decompression:
                return guard == 0 ? _l0 - LegLength(state) : state[Y];
            default:
                return double.PositiveInfinity;
        }
    }

    /// <inheritdoc />
    public bool AcceptsEvent(int mode, int guard, ReadOnlySpan<double> state) => true;

    /// <inheritdoc />
    public int Reset(int mode, int guard, double time, Span<double> state, ReadOnlySpan<double> input)
    {
        switch ((HopperMode)mode)
        {
            case HopperMode.FlightAscending:
                return (int)HopperMode.FlightDescending;
            case HopperMode.FlightDescending:
                state[FootX] = state[X] + _l0 * Math.Sin(TouchdownAngle(input));
                return RadialVelocity(state) < 0.0 ? (int)HopperMode.Compression : (int)HopperMode.Decompression;
            case HopperMode.Compression:
                return guard == 0 ? (int)HopperMode.Decompression : (int)HopperMode.Fallen;
            case HopperMode.Decompression:
                if (guard == 1)
                {
                    return (int)HopperMode.Fallen;
                }

                return state[Vy] > 0.0 ? (int)HopperMode.FlightAscending : (int)HopperMode.FlightDescending;
            default:
                return mode;
        }
    }

    /// <summary>Leg length r = |(x - x_f, y)| (meaningful in stance).</summary>
    public static double LegLength(ReadOnlySpan<double> state)
    {
        double dx = state[X] - state[FootX];
        return Math.Sqrt(dx * dx + state[Y] * state[Y]);
    }

    /// <summary>Leg length rate r' = (d . v) / r (meaningful in stance).</summary>
    public static double RadialVelocity(ReadOnlySpan<double> state)
    {
        double dx = state[X] - state[FootX];
        double dy = state[Y];
        return (dx * state[Vx] + dy * state[Vy]) / Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>Mechanical energy in J; the spring term counts only in stance modes.</summary>
    public double Energy(int mode, ReadOnlySpan<double> state)
    {
        double e = 0.5 * _m * (state[Vx] * state[Vx] + state[Vy] * state[Vy]) + _m * _g * state[Y];
        if (mode == (int)HopperMode.Compression || mode == (int)HopperMode.Decompression)
        {
            double c = _l0 - LegLength(state);
            e += 0.5 * _k * c * c;
        }

        return e;
    }
}
