using Robotics.Core.Parameters;

namespace Robotics.Sim.Plants;

/// <summary>
/// Dynamic single-track (bicycle) car model with linear tyres saturated at the friction limit, blended into the
/// kinematic model at low speed so that it is well-defined at standstill.
/// </summary>
/// <remarks>
/// <para>State x = [x_m, y_m, yaw_rad, vx_m_s, vy_m_s, yaw_rate_rad_s]: centre-of-gravity position in the world
/// frame, heading psi from +x counter-clockwise, and the velocity (vx forward, vy to the left) in the body frame;
/// input u = [acceleration_m_s2, steering_angle_rad] (front wheel angle delta, positive to the left).</para>
/// <para><b>Tyres.</b> Static normal loads F_zf = m g l_r / L, F_zr = m g l_f / L (L = l_f + l_r, no load transfer).
/// Slip angles from the contact-patch velocity in each wheel frame, alpha = -atan2(v_lateral, |v_longitudinal|),
/// i.e. for forward driving alpha_f = delta - atan((vy + l_f r) / vx) and alpha_r = -atan((vy - l_r r) / vx)
/// (small-angle forms); this also holds when reversing. Lateral forces are linear and saturated at the friction
/// limit (a "brush-free" linear-saturated tyre, not Pacejka):
/// F_yf = clamp(C_f alpha_f, -mu F_zf, mu F_zf), F_yr = clamp(C_r alpha_r, -mu F_zr, mu F_zr).</para>
/// <para><b>Drive.</b> The commanded acceleration is a longitudinal body force per unit mass limited by the road:
/// a_x = clamp(a, -mu g, mu g). Longitudinal and lateral limits are applied separately (no friction circle).</para>
/// <para><b>Dynamic equations</b> (r = yaw rate):</para>
/// <code>
///   x' = vx cos psi - vy sin psi;   y' = vx sin psi + vy cos psi;   psi' = r
///   vx' = a_x - F_yf sin(delta) / m + vy r
///   vy' = (F_yf cos(delta) + F_yr) / m - vx r
///   r'  = (l_f F_yf cos(delta) - l_r F_yr) / I_z
/// </code>
/// <para>Since |F_yf| + |F_yr| &lt;= mu m g, with a = 0 the magnitude of the acceleration is at most mu g.</para>
/// <para><b>Low-speed guard.</b> Slip angles are ill-conditioned and the lateral dynamics stiff as vx -&gt; 0, and
/// steered wheels on a parked car would otherwise push it sideways. Below the threshold v_th
/// (<c>low_speed_threshold_m_s</c>) the derivatives of vx, vy, r are blended with a kinematic model:
/// f = w f_dynamic + (1 - w) f_kinematic, w = clamp((|vx| - v_th/2) / (v_th/2), 0, 1). The kinematic model has
/// vx' = a_x and relaxes vy and r with time constant tau (<c>low_speed_time_constant_s</c>) towards the no-slip
/// values r_kin = vx tan(delta) / L, vy_kin = l_r r_kin. So the car is purely kinematic below v_th / 2 and at rest
/// with zero input it stays at rest. With the defaults, integration steps up to about 5 ms are stable for RK4.</para>
/// <para>Parameters (type name <c>single_track_car</c>; defaults from f1tenth_gym, see
/// <see cref="SingleTrackCarParameters"/>):</para>
/// <list type="table">
/// <listheader><term>name</term><description>default, unit, meaning</description></listheader>
/// <item><term>mass_kg</term><description>3.74 kg, vehicle mass m</description></item>
/// <item><term>yaw_inertia_kg_m2</term><description>0.04712 kg m^2, yaw inertia I_z</description></item>
/// <item><term>lf_m</term><description>0.15875 m, centre of gravity to front axle</description></item>
/// <item><term>lr_m</term><description>0.17145 m, centre of gravity to rear axle</description></item>
/// <item><term>cornering_stiffness_front_n_rad</term><description>94.3 N/rad, front axle C_f</description></item>
/// <item><term>cornering_stiffness_rear_n_rad</term><description>100.9 N/rad, rear axle C_r</description></item>
/// <item><term>tyre_friction_mu</term><description>1.0, friction coefficient (0.1 icy)</description></item>
/// <item><term>max_steering_angle_rad</term><description>0.4189 rad, steering saturation; 0 = none</description></item>
/// <item><term>gravity_m_s2</term><description>9.81 m/s^2</description></item>
/// <item><term>low_speed_threshold_m_s</term><description>0.5 m/s, kinematic blend threshold v_th</description></item>
/// <item><term>low_speed_time_constant_s</term><description>0.05 s, kinematic relaxation time constant tau</description></item>
/// </list>
/// <para><see cref="Rk4Plant.Advance"/> takes one classical RK4 step.</para>
/// </remarks>
public sealed class SingleTrackCar : Rk4Plant
{
    /// <summary>The type name used in scenario files.</summary>
    public const string PlantTypeName = "single_track_car";

    private static readonly ParameterDescriptor[] s_parameters =
    [
        ParameterDescriptor.Double("mass_kg", 3.74, "kg", "Vehicle mass m.", 1e-3, 1e5),
        ParameterDescriptor.Double("yaw_inertia_kg_m2", 0.04712, "kg m^2", "Yaw moment of inertia I_z about the centre of gravity.", 1e-6, 1e6),
        ParameterDescriptor.Double("lf_m", 0.15875, "m", "Centre of gravity to front axle distance l_f.", 1e-4, 50.0),
        ParameterDescriptor.Double("lr_m", 0.17145, "m", "Centre of gravity to rear axle distance l_r.", 1e-4, 50.0),
        ParameterDescriptor.Double("cornering_stiffness_front_n_rad", 94.3, "N/rad", "Front axle cornering stiffness C_f (lateral force per rad of slip).", 1e-3, 1e7),
        ParameterDescriptor.Double("cornering_stiffness_rear_n_rad", 100.9, "N/rad", "Rear axle cornering stiffness C_r (lateral force per rad of slip).", 1e-3, 1e7),
        ParameterDescriptor.Double("tyre_friction_mu", 1.0, "", "Tyre-road friction coefficient: tyre forces are limited to mu times the normal load (1.0 dry, 0.1 icy).", 0.0, 3.0),
        ParameterDescriptor.Double("max_steering_angle_rad", 0.4189, "rad", "Steering angle saturation inside the model; 0 disables it.", 0.0, 1.5),
        ParameterDescriptor.Double("gravity_m_s2", 9.81, "m/s^2", "Gravitational acceleration g.", 0.0, 1e3),
        ParameterDescriptor.Double("low_speed_threshold_m_s", 0.5, "m/s", "Below this speed the model blends into the kinematic bicycle (fully kinematic below half of it).", 1e-3, 10.0),
        ParameterDescriptor.Double("low_speed_time_constant_s", 0.05, "s", "Relaxation time constant of vy and yaw rate towards the kinematic values at low speed.", 1e-4, 10.0),
    ];

    private static readonly string[] s_stateNames = ["x_m", "y_m", "yaw_rad", "vx_m_s", "vy_m_s", "yaw_rate_rad_s"];
    private static readonly string[] s_inputNames = ["acceleration_m_s2", "steering_angle_rad"];

    private readonly double _mass, _inertia, _lf, _lr, _wheelbase, _cf, _cr, _mu, _maxSteering, _gravity;
    private readonly double _frontForceLimit, _rearForceLimit, _accelerationLimit, _blendStart, _blendWidth, _inverseTau;

    /// <summary>Creates the plant with the default parameters.</summary>
    public SingleTrackCar()
        : this(new SingleTrackCarParameters())
    {
    }

    /// <summary>Creates the plant.</summary>
    /// <exception cref="ArgumentException">A parameter is outside its range; the message names it and the fix.</exception>
    public SingleTrackCar(SingleTrackCarParameters parameters)
        : base(PlantTypeName, s_stateNames, s_inputNames)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        const string T = PlantTypeName;
        PlantParameterGuard.Check(T, s_parameters, "mass_kg", nameof(parameters.MassKg), parameters.MassKg);
        PlantParameterGuard.Check(T, s_parameters, "yaw_inertia_kg_m2", nameof(parameters.YawInertiaKgM2), parameters.YawInertiaKgM2);
        PlantParameterGuard.Check(T, s_parameters, "lf_m", nameof(parameters.LfM), parameters.LfM);
        PlantParameterGuard.Check(T, s_parameters, "lr_m", nameof(parameters.LrM), parameters.LrM);
        PlantParameterGuard.Check(T, s_parameters, "cornering_stiffness_front_n_rad", nameof(parameters.CorneringStiffnessFrontNPerRad), parameters.CorneringStiffnessFrontNPerRad);
        PlantParameterGuard.Check(T, s_parameters, "cornering_stiffness_rear_n_rad", nameof(parameters.CorneringStiffnessRearNPerRad), parameters.CorneringStiffnessRearNPerRad);
        PlantParameterGuard.Check(T, s_parameters, "tyre_friction_mu", nameof(parameters.TyreFrictionMu), parameters.TyreFrictionMu);
        PlantParameterGuard.Check(T, s_parameters, "max_steering_angle_rad", nameof(parameters.MaxSteeringAngleRad), parameters.MaxSteeringAngleRad);
        PlantParameterGuard.Check(T, s_parameters, "gravity_m_s2", nameof(parameters.GravityMPerS2), parameters.GravityMPerS2);
        PlantParameterGuard.Check(T, s_parameters, "low_speed_threshold_m_s", nameof(parameters.LowSpeedThresholdMPerS), parameters.LowSpeedThresholdMPerS);
        PlantParameterGuard.Check(T, s_parameters, "low_speed_time_constant_s", nameof(parameters.LowSpeedTimeConstantS), parameters.LowSpeedTimeConstantS);
        Options = parameters;
        _mass = parameters.MassKg;
        _inertia = parameters.YawInertiaKgM2;
        _lf = parameters.LfM;
        _lr = parameters.LrM;
        _wheelbase = _lf + _lr;
        _cf = parameters.CorneringStiffnessFrontNPerRad;
        _cr = parameters.CorneringStiffnessRearNPerRad;
        _mu = parameters.TyreFrictionMu;
        _maxSteering = parameters.MaxSteeringAngleRad;
        _gravity = parameters.GravityMPerS2;
        _frontForceLimit = _mu * _mass * _gravity * _lr / _wheelbase;
        _rearForceLimit = _mu * _mass * _gravity * _lf / _wheelbase;
        _accelerationLimit = _mu * _gravity;
        _blendStart = 0.5 * parameters.LowSpeedThresholdMPerS;
        _blendWidth = 0.5 * parameters.LowSpeedThresholdMPerS;
        _inverseTau = 1.0 / parameters.LowSpeedTimeConstantS;
    }

    /// <summary>The parameter descriptors (names, defaults, ranges, units) of this plant type.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters => s_parameters;

    /// <summary>Builds the plant from a parameter set declared with <see cref="Parameters"/>.</summary>
    public static SingleTrackCar FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new SingleTrackCar(new SingleTrackCarParameters
        {
            MassKg = parameters.GetDouble("mass_kg"),
            YawInertiaKgM2 = parameters.GetDouble("yaw_inertia_kg_m2"),
            LfM = parameters.GetDouble("lf_m"),
            LrM = parameters.GetDouble("lr_m"),
            CorneringStiffnessFrontNPerRad = parameters.GetDouble("cornering_stiffness_front_n_rad"),
            CorneringStiffnessRearNPerRad = parameters.GetDouble("cornering_stiffness_rear_n_rad"),
            TyreFrictionMu = parameters.GetDouble("tyre_friction_mu"),
            MaxSteeringAngleRad = parameters.GetDouble("max_steering_angle_rad"),
            GravityMPerS2 = parameters.GetDouble("gravity_m_s2"),
            LowSpeedThresholdMPerS = parameters.GetDouble("low_speed_threshold_m_s"),
            LowSpeedTimeConstantS = parameters.GetDouble("low_speed_time_constant_s"),
        });
    }

    /// <summary>The parameters this plant was built with.</summary>
    public SingleTrackCarParameters Options { get; }

    /// <summary>Wheelbase L = l_f + l_r in m.</summary>
    public double WheelbaseM => _wheelbase;

    /// <inheritdoc />
    public override void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        double yaw = state[2], vx = state[3], vy = state[4], r = state[5];
        double delta = PlantParameterGuard.SaturateSymmetric(input[1], _maxSteering);
        double ax = Math.Clamp(input[0], -_accelerationLimit, _accelerationLimit);
        double cosYaw = Math.Cos(yaw), sinYaw = Math.Sin(yaw);

        derivative[0] = vx * cosYaw - vy * sinYaw;
        derivative[1] = vx * sinYaw + vy * cosYaw;
        derivative[2] = r;

        double speed = Math.Abs(vx);
        double weight = Math.Clamp((speed - _blendStart) / _blendWidth, 0.0, 1.0);

        double dvx = 0, dvy = 0, dr = 0;
        if (weight > 0)
        {
            double cosDelta = Math.Cos(delta), sinDelta = Math.Sin(delta);
            double frontLateralVelocity = vy + _lf * r;
            double frontLongitudinal = vx * cosDelta + frontLateralVelocity * sinDelta;
            double frontLateral = -vx * sinDelta + frontLateralVelocity * cosDelta;
            double alphaFront = -Math.Atan2(frontLateral, Math.Abs(frontLongitudinal));
            double alphaRear = -Math.Atan2(vy - _lr * r, speed);
            double forceFront = Math.Clamp(_cf * alphaFront, -_frontForceLimit, _frontForceLimit);
            double forceRear = Math.Clamp(_cr * alphaRear, -_rearForceLimit, _rearForceLimit);

            dvx = weight * (ax - forceFront * sinDelta / _mass + vy * r);
            dvy = weight * ((forceFront * cosDelta + forceRear) / _mass - vx * r);
            dr = weight * ((_lf * forceFront * cosDelta - _lr * forceRear) / _inertia);
        }

        if (weight < 1)
        {
            double kinematicYawRate = vx * Math.Tan(delta) / _wheelbase;
            double kinematicLateral = _lr * kinematicYawRate;
            double k = 1.0 - weight;
            dvx += k * ax;
            dvy += k * (kinematicLateral - vy) * _inverseTau;
            dr += k * (kinematicYawRate - r) * _inverseTau;
        }

        derivative[3] = dvx;
        derivative[4] = dvy;
        derivative[5] = dr;
    }
}
