using Robotics.Control.Loop;
using Robotics.Core.Parameters;
using Robotics.Core.Time;

namespace Robotics.Control.PathFollowing;

/// <summary>
/// Makes a car-like vehicle track a time-parameterised planar trajectory with Kanayama's tracking law,
/// turning the desired yaw rate into a steering angle through the kinematic bicycle relation.
/// </summary>
/// <remarks>
/// <para><b>Inputs.</b> state: x, y, yaw and forward speed v at configurable indices (defaults 0, 1, 2, 3, which fit
/// both kinematic_bicycle [x_m, y_m, yaw_rad, speed_m_s] with state_size 4 and single_track_car
/// [x_m, y_m, yaw_rad, vx_m_s, vy_m_s, yaw_rate_rad_s] with state_size 6, using vx as speed).
/// reference (size 4): [x_ref_m, y_ref_m, yaw_ref_rad, v_ref_m_s], e.g. from
/// <see cref="References.FigureEightReference"/> or <see cref="References.WaypointReference"/>.</para>
/// <para><b>Output</b> (size 2): [acceleration_m_s2, steering_angle_rad] (positive steering turns left,
/// i.e. counter-clockwise).</para>
/// <para><b>Equations</b> (Kanayama, Kimura, Miyazaki, Noguchi, "A stable tracking control method for an autonomous
/// mobile robot", ICRA 1990). Errors in the vehicle's body frame:</para>
/// <code>
/// e_x   =  cos(yaw) (x_ref - x) + sin(yaw) (y_ref - y)        ahead of the vehicle
/// e_y   = -sin(yaw) (x_ref - x) + cos(yaw) (y_ref - y)        left of the vehicle
/// e_yaw = wrap(yaw_ref - yaw)                                   in [-pi, pi]
/// w_ref = wrap(yaw_ref,k - yaw_ref,k-1) / h                     (0 on the first tick after Reset)
/// a_ref = (v_ref,k - v_ref,k-1) / h                             (0 on the first tick after Reset)
/// v_d   = v_ref cos(e_yaw) + k_x e_x
/// w_d   = w_ref + v_ref (k_y e_y + k_yaw sin(e_yaw))
/// delta = clamp(atan(L w_d / max(v, v_min)), -delta_max, delta_max)
/// a     = clamp(a_ref + k_v (v_d - v), -a_max, a_max)
/// </code>
/// <para>The steering follows from the rear-axle kinematic bicycle, yaw' = v tan(delta) / L. Linearised about the
/// reference, the cross-track error obeys e_y'' + v_ref k_yaw e_y' + v_ref^2 k_y e_y = 0: natural frequency
/// v_ref sqrt(k_y), damping ratio k_yaw / (2 sqrt(k_y)), so the defaults (k_y = 1, k_yaw = 2) are critically damped
/// with a 1 m length scale. The reference yaw rate and acceleration are feed-forward terms estimated from the
/// reference's change between ticks (stored internally), so a speed-varying trajectory such as the figure eight is
/// tracked without a steady along-track lag; a jump in v_ref (a waypoint path starting or finishing) gives one tick of
/// clipped acceleration. The law is for forward driving (v_ref &gt; 0).</para>
/// <para><b>Parameters.</b> <c>gain_along_track_1_s</c>, <c>gain_cross_track_1_m2</c>, <c>gain_heading_1_m</c>,
/// <c>gain_speed_1_s</c>, <c>wheelbase_m</c>, <c>max_steering_angle_rad</c>, <c>max_acceleration_m_s2</c>,
/// <c>min_steering_speed_m_s</c>, <c>state_size</c>, <c>x_index</c>, <c>y_index</c>, <c>yaw_index</c>,
/// <c>speed_index</c> (see <see cref="Parameters"/>).</para>
/// <para><b>Status.</b> <see cref="ControllerStatus.Saturated"/> when steering or acceleration was clipped;
/// <see cref="ControllerStatus.Failed"/> (command zeroed, memory unchanged) on a non-finite input, a non-positive
/// period or a wrong span length. Update allocates nothing.</para>
/// </remarks>
public sealed class TrajectoryTrackingController : IController
{
    private readonly TrajectoryTrackingParameters _p;
    private double _previousReferenceYaw;
    private double _previousReferenceSpeed;
    private bool _hasPrevious;

    /// <summary>The declared parameters with defaults, units and ranges.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        ParameterDescriptor.Double("gain_along_track_1_s", 1.0, "1/s", "Along-track error gain k_x: desired speed change per metre of along-track error.", minimum: 0.0),
        ParameterDescriptor.Double("gain_cross_track_1_m2", 1.0, "1/m^2", "Cross-track error gain k_y (yaw rate = v_ref k_y e_y).", minimum: 0.0),
        ParameterDescriptor.Double("gain_heading_1_m", 2.0, "1/m", "Heading error gain k_yaw (yaw rate = v_ref k_yaw sin(e_yaw)).", minimum: 0.0),
        ParameterDescriptor.Double("gain_speed_1_s", 2.0, "1/s", "Speed loop gain k_v: acceleration per m/s of speed error.", minimum: 0.0),
        ParameterDescriptor.Double("wheelbase_m", 0.3302, "m", "Distance between the axles, used to turn yaw rate into steering; default is the 1:10 F1TENTH car of the sim plants.", minimum: 1e-3),
        ParameterDescriptor.Double("max_steering_angle_rad", 0.4189, "rad", "Steering angle limit (symmetric); default is the F1TENTH limit of the sim plants.", minimum: 1e-3, maximum: 1.5),
        ParameterDescriptor.Double("max_acceleration_m_s2", 3.0, "m/s^2", "Acceleration limit (symmetric, also braking).", minimum: 1e-3),
        ParameterDescriptor.Double("min_steering_speed_m_s", 0.5, "m/s", "Speed floor in delta = atan(L w / max(v, v_min)), avoids huge angles when slow.", minimum: 1e-3),
        ParameterDescriptor.Integer("state_size", 4, "", "State length: 4 for kinematic_bicycle, 6 for single_track_car.", minimum: 4, readOnly: true),
        ParameterDescriptor.Integer("x_index", 0, "", "Index of x_m in the state.", minimum: 0, readOnly: true),
        ParameterDescriptor.Integer("y_index", 1, "", "Index of y_m in the state.", minimum: 0, readOnly: true),
        ParameterDescriptor.Integer("yaw_index", 2, "", "Index of yaw_rad in the state.", minimum: 0, readOnly: true),
        ParameterDescriptor.Integer("speed_index", 3, "", "Index of the forward speed (speed_m_s or vx_m_s) in the state.", minimum: 0, readOnly: true),
    ];

    /// <summary>Creates the controller.</summary>
    /// <param name="parameters">Gains, limits and state layout (validated); null = defaults (kinematic_bicycle layout).</param>
    /// <param name="name">Controller name (lower_snake), default <c>trajectory_tracking</c>.</param>
    /// <exception cref="ArgumentException">A parameter is invalid.</exception>
    public TrajectoryTrackingController(TrajectoryTrackingParameters? parameters = null, string name = "trajectory_tracking")
    {
        parameters ??= new TrajectoryTrackingParameters();
        parameters.Validate();
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("Controller name must not be empty.", nameof(name));
        }

        _p = parameters;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int StateSize => _p.StateSize;

    /// <inheritdoc />
    public int ReferenceSize => 4;

    /// <inheritdoc />
    public int CommandSize => 2;

    /// <summary>The options this controller was built with.</summary>
    public TrajectoryTrackingParameters Options => _p;

    /// <summary>Body-frame along-track error e_x of the last successful update, m.</summary>
    public double AlongTrackError { get; private set; }

    /// <summary>Body-frame cross-track error e_y of the last successful update, m (positive: reference to the left).</summary>
    public double CrossTrackError { get; private set; }

    /// <summary>Heading error e_yaw of the last successful update, rad.</summary>
    public double HeadingError { get; private set; }

    /// <summary>Builds the controller from parameters.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public static TrajectoryTrackingController FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new TrajectoryTrackingController(new TrajectoryTrackingParameters
        {
            GainAlongTrack = parameters.GetDouble("gain_along_track_1_s"),
            GainCrossTrack = parameters.GetDouble("gain_cross_track_1_m2"),
            GainHeading = parameters.GetDouble("gain_heading_1_m"),
            GainSpeed = parameters.GetDouble("gain_speed_1_s"),
            WheelbaseM = parameters.GetDouble("wheelbase_m"),
            MaxSteeringAngleRad = parameters.GetDouble("max_steering_angle_rad"),
            MaxAccelerationMS2 = parameters.GetDouble("max_acceleration_m_s2"),
            MinSteeringSpeedMS = parameters.GetDouble("min_steering_speed_m_s"),
            StateSize = checked((int)parameters.GetInteger("state_size")),
            XIndex = checked((int)parameters.GetInteger("x_index")),
            YIndex = checked((int)parameters.GetInteger("y_index")),
            YawIndex = checked((int)parameters.GetInteger("yaw_index")),
            SpeedIndex = checked((int)parameters.GetInteger("speed_index")),
        });
    }

    /// <inheritdoc />
    public void Reset()
    {
        _previousReferenceYaw = 0.0;
        _previousReferenceSpeed = 0.0;
        _hasPrevious = false;
    }

    /// <inheritdoc />
    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
    {
        if (command.Length != 2)
        {
            return ControllerStatus.Failed;
        }

        double h = period.Seconds;
        if (state.Length != _p.StateSize || reference.Length != 4 || !(h > 0.0) || !double.IsFinite(h))
        {
            command.Clear();
            return ControllerStatus.Failed;
        }

        double x = state[_p.XIndex], y = state[_p.YIndex], yaw = state[_p.YawIndex], v = state[_p.SpeedIndex];
        double xRef = reference[0], yRef = reference[1], yawRef = reference[2], vRef = reference[3];
        if (!double.IsFinite(x) || !double.IsFinite(y) || !double.IsFinite(yaw) || !double.IsFinite(v) ||
            !double.IsFinite(xRef) || !double.IsFinite(yRef) || !double.IsFinite(yawRef) || !double.IsFinite(vRef))
        {
            command.Clear();
            return ControllerStatus.Failed;
        }

        double cos = Math.Cos(yaw), sin = Math.Sin(yaw);
        double dx = xRef - x, dy = yRef - y;
        double ex = cos * dx + sin * dy;
        double ey = -sin * dx + cos * dy;
        double eyaw = WrapAngle(yawRef - yaw);
        double yawRateRef = _hasPrevious ? WrapAngle(yawRef - _previousReferenceYaw) / h : 0.0;
        double accelerationRef = _hasPrevious ? (vRef - _previousReferenceSpeed) / h : 0.0;

        double desiredSpeed = vRef * Math.Cos(eyaw) + _p.GainAlongTrack * ex;
        double desiredYawRate = yawRateRef + vRef * (_p.GainCrossTrack * ey + _p.GainHeading * Math.Sin(eyaw));

        bool saturated = false;
        double steering = Math.Atan(_p.WheelbaseM * desiredYawRate / Math.Max(v, _p.MinSteeringSpeedMS));
        if (Math.Abs(steering) > _p.MaxSteeringAngleRad)
        {
            steering = Math.CopySign(_p.MaxSteeringAngleRad, steering);
            saturated = true;
        }

        double acceleration = accelerationRef + _p.GainSpeed * (desiredSpeed - v);
        if (Math.Abs(acceleration) > _p.MaxAccelerationMS2)
        {
            acceleration = Math.CopySign(_p.MaxAccelerationMS2, acceleration);
            saturated = true;
        }

        if (!double.IsFinite(steering) || !double.IsFinite(acceleration))
        {
            command.Clear();
            return ControllerStatus.Failed;
        }

        _previousReferenceYaw = yawRef;
        _previousReferenceSpeed = vRef;
        _hasPrevious = true;
        AlongTrackError = ex;
        CrossTrackError = ey;
        HeadingError = eyaw;
        command[0] = acceleration;
        command[1] = steering;
        return saturated ? ControllerStatus.Saturated : ControllerStatus.Ok;
    }

    private static double WrapAngle(double angle) => Math.IEEERemainder(angle, 2.0 * Math.PI);
}
