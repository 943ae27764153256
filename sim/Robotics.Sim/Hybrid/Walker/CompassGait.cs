using Robotics.Core.Parameters;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Hybrid.Walker;

/// <summary>
/// The compass-gait walker (two rigid legs joined at a point-mass hip, point feet) on a slope, as an
/// <see cref="IHybridSystem"/> with one continuous mode (single support) and an absorbing fallen mode.
/// </summary>
/// <remarks>
/// <para>State x = [stance_angle_rad, swing_angle_rad, stance_rate_rad_s, swing_rate_rad_s]: absolute leg angles
/// phi1 (stance), phi2 (swing) from the vertical, clockwise positive, each the direction from the leg's foot to the
/// hip (hip = stance foot + l (sin phi1, cos phi1); swing foot = hip - l (sin phi2, cos phi2)). Input
/// u = [hip_torque_n_m] acting on the swing leg (reaction on the stance leg).</para>
/// <para>Swing dynamics (Lagrange): M(q) q'' = tau - c(q, q') + grav(q) with
/// M = [[m a^2 + (mH + m) l^2, -m l b cos(phi1 - phi2)], [-m l b cos(phi1 - phi2), m b^2]],
/// c = [-m l b sin(phi1 - phi2) w2^2, m l b sin(phi1 - phi2) w1^2], grav = [g (m a + mH l + m l) sin phi1,
/// -g m b sin phi2], tau = [-u, u].</para>
/// <para>Heel strike: the swing foot reaches the slope (ground descending in +x at angle gamma) when
/// phi1 + phi2 = 2 gamma with the swing foot ahead (phi1 &gt; phi2); guard 0 = 2 gamma - phi1 - phi2 (crossings with
/// the foot behind, i.e. scuffing at mid-stance, are ignored). Reset: legs swap; the angular momentum of the whole
/// walker about the new stance foot and of the trailing leg about the hip are conserved (perfectly inelastic,
/// no-slip impact), which determines the two new rates. Guard 1 = cos(phi1 - gamma) - 0.2 (hip below 0.2 l above
/// the slope: fallen).</para>
/// <para>Energy E = T + V is conserved in swing; the impact dissipates kinetic energy.</para>
/// <para>Parameters (type name <c>compass_gait</c>): leg_mass_kg 1, hip_mass_kg 1, leg_length_m 1,
/// foot_to_mass_m 0.5, gravity_m_s2 9.81, slope_rad 0.05.</para>
/// </remarks>
public sealed class CompassGait : IHybridSystem
{
    /// <summary>The type name used in scenario files.</summary>
    public const string SystemTypeName = "compass_gait";

    /// <summary>Mode index of single support.</summary>
    public const int SwingMode = 0;

    /// <summary>Mode index of the absorbing fallen mode.</summary>
    public const int FallenMode = 1;

    private static readonly ParameterDescriptor[] s_parameters =
    [
        ParameterDescriptor.Double("leg_mass_kg", 1.0, "kg", "Mass m of each leg.", 1e-4, 1e4),
        ParameterDescriptor.Double("hip_mass_kg", 1.0, "kg", "Hip point mass mH.", 0.0, 1e4),
        ParameterDescriptor.Double("leg_length_m", 1.0, "m", "Leg length l = a + b.", 1e-3, 100.0),
        ParameterDescriptor.Double("foot_to_mass_m", 0.5, "m", "Distance a from the foot to the leg mass (less than l).", 0.0, 100.0),
        ParameterDescriptor.Double("gravity_m_s2", 9.81, "m/s^2", "Gravitational acceleration g.", 0.0, 1e3),
        ParameterDescriptor.Double("slope_rad", 0.05, "rad", "Ground slope gamma (downhill in +x).", -0.5, 0.5),
    ];

    private static readonly string[] s_stateNames = ["stance_angle_rad", "swing_angle_rad", "stance_rate_rad_s", "swing_rate_rad_s"];
    private static readonly string[] s_inputNames = ["hip_torque_n_m"];

    private readonly double _m, _mh, _l, _a, _b, _g;

    /// <summary>Creates the walker with the default parameters.</summary>
    public CompassGait()
        : this(new CompassGaitParameters())
    {
    }

    /// <summary>Creates the walker.</summary>
    /// <exception cref="ArgumentException">A parameter is outside its range; the message names it and the fix.</exception>
    public CompassGait(CompassGaitParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        PlantParameterGuard.Check(SystemTypeName, s_parameters, "leg_mass_kg", nameof(parameters.LegMassKg), parameters.LegMassKg);
        PlantParameterGuard.Check(SystemTypeName, s_parameters, "hip_mass_kg", nameof(parameters.HipMassKg), parameters.HipMassKg);
        PlantParameterGuard.Check(SystemTypeName, s_parameters, "leg_length_m", nameof(parameters.LegLengthM), parameters.LegLengthM);
        PlantParameterGuard.Check(SystemTypeName, s_parameters, "foot_to_mass_m", nameof(parameters.FootToMassM), parameters.FootToMassM);
        PlantParameterGuard.Check(SystemTypeName, s_parameters, "gravity_m_s2", nameof(parameters.GravityMPerS2), parameters.GravityMPerS2);
        PlantParameterGuard.Check(SystemTypeName, s_parameters, "slope_rad", nameof(parameters.SlopeRad), parameters.SlopeRad);
        if (!(parameters.FootToMassM < parameters.LegLengthM))
        {
            throw new ArgumentException(
                $"{SystemTypeName}: foot_to_mass_m = {parameters.FootToMassM} must be less than leg_length_m = {parameters.LegLengthM}; use l/2.",
                nameof(parameters));
        }

        Options = parameters;
        _m = parameters.LegMassKg;
        _mh = parameters.HipMassKg;
        _l = parameters.LegLengthM;
        _a = parameters.FootToMassM;
        _b = _l - _a;
        _g = parameters.GravityMPerS2;
        Slope = parameters.SlopeRad;
    }

    /// <summary>The parameter descriptors of this system type.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters => s_parameters;

    /// <summary>Builds the walker from a parameter set declared with <see cref="Parameters"/>.</summary>
    public static CompassGait FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new CompassGait(new CompassGaitParameters
        {
            LegMassKg = parameters.GetDouble("leg_mass_kg"),
            HipMassKg = parameters.GetDouble("hip_mass_kg"),
            LegLengthM = parameters.GetDouble("leg_length_m"),
            FootToMassM = parameters.GetDouble("foot_to_mass_m"),
            GravityMPerS2 = parameters.GetDouble("gravity_m_s2"),
            SlopeRad = parameters.GetDouble("slope_rad"),
        });
    }

    /// <summary>The parameters this walker was built with (<see cref="Slope"/> may have changed since).</summary>
    public CompassGaitParameters Options { get; }

    /// <summary>Current ground slope gamma in rad (the terrain; may be changed between steps, e.g. a slope change).</summary>
    public double Slope { get; set; }

    /// <summary>State names in state order.</summary>
    public IReadOnlyList<string> StateNames => s_stateNames;

    /// <summary>Input names in input order.</summary>
    public IReadOnlyList<string> InputNames => s_inputNames;

    /// <inheritdoc />
    public int StateSize => 4;

    /// <inheritdoc />
    public int InputSize => 1;

    /// <inheritdoc />
    public int ModeCount => 2;

    /// <inheritdoc />
    public int GuardCount => 2;

    /// <inheritdoc />
    public string ModeName(int mode) => mode == SwingMode ? "single_support" : mode == FallenMode ? "fallen" : "unknown";

    /// <inheritdoc />
    public bool IsTerminal(int mode) => mode == FallenMode;

    /// <inheritdoc />
    public void Derivatives(int mode, double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        if (mode != SwingMode)
        {
            derivative[0] = derivative[1] = derivative[2] = derivative[3] = 0.0;
            return;
        }

        double p1 = state[0], p2 = state[1], w1 = state[2], w2 = state[3];
        double u = input.Length > 0 ? input[0] : 0.0;
        double d = p1 - p2;
        double cd = Math.Cos(d), sd = Math.Sin(d);
        double m11 = _m * _a * _a + (_mh + _m) * _l * _l;
        double m12 = -_m * _l * _b * cd;
        double m22 = _m * _b * _b;
        double r1 = -u + _m * _l * _b * sd * w2 * w2 + _g * (_m * _a + _mh * _l + _m * _l) * Math.Sin(p1);
        double r2 = u - _m * _l * _b * sd * w1 * w1 - _g * _m * _b * Math.Sin(p2);
        double det = m11 * m22 - m12 * m12;
        derivative[0] = w1;
        derivative[1] = w2;
        derivative[2] = (m22 * r1 - m12 * r2) / det;
        derivative[3] = (m11 * r2 - m12 * r1) / det;
    }

    /// <inheritdoc />
    public double Guard(int mode, int guard, double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input)
    {
        if (mode != SwingMode)
        {
            return double.PositiveInfinity;
        }

        return guard == 0 ? 2.0 * Slope - state[0] - state[1] : Math.Cos(state[0] - Slope) - 0.2;
    }

    /// <inheritdoc />
    public bool AcceptsEvent(int mode, int guard, ReadOnlySpan<double> state) => guard != 0 || state[0] > state[1];

    /// <inheritdoc />
    public int Reset(int mode, int guard, double time, Span<double> state, ReadOnlySpan<double> input)
    {
        if (mode != SwingMode || guard != 0)
        {
            return FallenMode;
        }

        ApplyImpact(state);
        return SwingMode;
    }

    /// <summary>
    /// The heel-strike reset in place: [phi1, phi2, w1, w2] (pre-impact) -> [phi2, phi1, w1+, w2+] (legs swapped),
    /// from conservation of the angular momentum of the walker about the impacting foot and of the trailing leg about
    /// the hip. Allocation-free.
    /// </summary>
    public void ApplyImpact(Span<double> state)
    {
        double p1 = state[0], p2 = state[1], w1 = state[2], w2 = state[3];
        double s1 = Math.Sin(p1), c1 = Math.Cos(p1), s2 = Math.Sin(p2), c2 = Math.Cos(p2);

        // Pre-impact positions and velocities (stance foot at the origin).
        double hx = _l * s1, hy = _l * c1;
        double fx = hx - _l * s2, fy = hy - _l * c2;
        double r1x = _a * s1, r1y = _a * c1, v1x = _a * w1 * c1, v1y = -_a * w1 * s1;
        double vhx = _l * w1 * c1, vhy = -_l * w1 * s1;
        double r2x = hx - _b * s2, r2y = hy - _b * c2, v2x = vhx - _b * w2 * c2, v2y = vhy + _b * w2 * s2;
        double lAll = _m * Cross(r1x - fx, r1y - fy, v1x, v1y) + _mh * Cross(hx - fx, hy - fy, vhx, vhy) + _m * Cross(r2x - fx, r2y - fy, v2x, v2y);
        double lTrail = _m * Cross(r1x - hx, r1y - hy, v1x, v1y);

        // Post-impact: new stance angle q1 = p2 (foot at F), new swing angle q2 = p1. Momenta are linear in (W1, W2).
        double q1 = p2, q2 = p1;
        Momenta(q1, q2, fx, fy, hx, hy, 1.0, 0.0, out double a11, out double a21);
        Momenta(q1, q2, fx, fy, hx, hy, 0.0, 1.0, out double a12, out double a22);
        double det = a11 * a22 - a12 * a21;
        state[0] = q1;
        state[1] = q2;
        state[2] = (a22 * lAll - a12 * lTrail) / det;
        state[3] = (a11 * lTrail - a21 * lAll) / det;
    }

    private void Momenta(double q1, double q2, double fx, double fy, double hx, double hy, double w1, double w2, out double all, out double trail)
    {
        double s1 = Math.Sin(q1), c1 = Math.Cos(q1), s2 = Math.Sin(q2), c2 = Math.Cos(q2);
        double vhx = _l * w1 * c1, vhy = -_l * w1 * s1;
        double rsx = fx + _a * s1, rsy = fy + _a * c1, vsx = _a * w1 * c1, vsy = -_a * w1 * s1;
        double rwx = hx - _b * s2, rwy = hy - _b * c2, vwx = vhx - _b * w2 * c2, vwy = vhy + _b * w2 * s2;
        all = _m * Cross(rsx - fx, rsy - fy, vsx, vsy) + _mh * Cross(hx - fx, hy - fy, vhx, vhy) + _m * Cross(rwx - fx, rwy - fy, vwx, vwy);
        trail = _m * Cross(rwx - hx, rwy - hy, vwx, vwy);
    }

    private static double Cross(double rx, double ry, double vx, double vy) => rx * vy - ry * vx;

    /// <summary>Mechanical energy T + V in J (potential relative to the stance foot's height).</summary>
    public double Energy(ReadOnlySpan<double> state)
    {
        double p1 = state[0], p2 = state[1], w1 = state[2], w2 = state[3];
        double d = p1 - p2;
        double ke = 0.5 * (_m * _a * _a + (_mh + _m) * _l * _l) * w1 * w1 + 0.5 * _m * _b * _b * w2 * w2 - _m * _l * _b * Math.Cos(d) * w1 * w2;
        double pe = _g * ((_m * _a + _mh * _l + _m * _l) * Math.Cos(p1) - _m * _b * Math.Cos(p2));
        return ke + pe;
    }

    /// <summary>Kinetic energy T in J.</summary>
    public double KineticEnergy(ReadOnlySpan<double> state)
    {
        double d = state[0] - state[1], w1 = state[2], w2 = state[3];
        return 0.5 * (_m * _a * _a + (_mh + _m) * _l * _l) * w1 * w1 + 0.5 * _m * _b * _b * w2 * w2 - _m * _l * _b * Math.Cos(d) * w1 * w2;
    }
}
