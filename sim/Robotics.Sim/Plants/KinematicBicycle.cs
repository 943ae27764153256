using Robotics.Core.Parameters;

namespace Robotics.Sim.Plants;

/// <summary>
/// The kinematic bicycle model referenced at the rear axle: no tyre slip, the car turns about the point where the
/// axle lines meet.
/// </summary>
/// <remarks>
/// <para>State x = [x_m, y_m, yaw_rad, speed_m_s] (rear-axle centre in the world frame, heading from +x
/// counter-clockwise, signed longitudinal speed); input u = [acceleration_m_s2, steering_angle_rad] (front wheel
/// angle, positive to the left).</para>
/// <para>Equations, with delta = clamp(steering, -delta_max, delta_max) when delta_max &gt; 0:</para>
/// <code>
///   x' = v cos(psi);  y' = v sin(psi);  psi' = v tan(delta) / L;  v' = a
/// </code>
/// <para>With constant v and delta the rear axle follows a circle of radius L / tan(delta).</para>
/// <para>Parameters (type name <c>kinematic_bicycle</c>):</para>
/// <list type="table">
/// <listheader><term>name</term><description>default, unit, meaning</description></listheader>
/// <item><term>wheelbase_m</term><description>0.3302 m, axle distance L (F1TENTH, f1tenth_gym)</description></item>
/// <item><term>max_steering_angle_rad</term><description>0.4189 rad, steering saturation (F1TENTH); 0 = none</description></item>
/// </list>
/// <para><see cref="Rk4Plant.Advance"/> takes one classical RK4 step.</para>
/// </remarks>
public sealed class KinematicBicycle : Rk4Plant
{
    /// <summary>The type name used in scenario files.</summary>
    public const string PlantTypeName = "kinematic_bicycle";

    private static readonly ParameterDescriptor[] s_parameters =
    [
        ParameterDescriptor.Double("wheelbase_m", 0.3302, "m", "Distance L between front and rear axle.", 1e-3, 100.0),
        ParameterDescriptor.Double("max_steering_angle_rad", 0.4189, "rad", "Steering angle saturation inside the model; 0 disables it.", 0.0, 1.5),
    ];

    private static readonly string[] s_stateNames = ["x_m", "y_m", "yaw_rad", "speed_m_s"];
    private static readonly string[] s_inputNames = ["acceleration_m_s2", "steering_angle_rad"];

    private readonly double _wheelbase, _maxSteering;

    /// <summary>Creates the plant with the default parameters.</summary>
    public KinematicBicycle()
        : this(new KinematicBicycleParameters())
    {
    }

    /// <summary>Creates the plant.</summary>
    /// <exception cref="ArgumentException">A parameter is outside its range; the message names it and the fix.</exception>
    public KinematicBicycle(KinematicBicycleParameters parameters)
        : base(PlantTypeName, s_stateNames, s_inputNames)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "wheelbase_m", nameof(parameters.WheelbaseM), parameters.WheelbaseM);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "max_steering_angle_rad", nameof(parameters.MaxSteeringAngleRad), parameters.MaxSteeringAngleRad);
        Options = parameters;
        _wheelbase = parameters.WheelbaseM;
        _maxSteering = parameters.MaxSteeringAngleRad;
    }

    /// <summary>The parameter descriptors (names, defaults, ranges, units) of this plant type.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters => s_parameters;

    /// <summary>Builds the plant from a parameter set declared with <see cref="Parameters"/>.</summary>
    public static KinematicBicycle FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new KinematicBicycle(new KinematicBicycleParameters
        {
            WheelbaseM = parameters.GetDouble("wheelbase_m"),
            MaxSteeringAngleRad = parameters.GetDouble("max_steering_angle_rad"),
        });
    }

    /// <summary>The parameters this plant was built with.</summary>
    public KinematicBicycleParameters Options { get; }

    /// <inheritdoc />
    public override void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        double yaw = state[2], speed = state[3];
        double steering = PlantParameterGuard.SaturateSymmetric(input[1], _maxSteering);
        derivative[0] = speed * Math.Cos(yaw);
        derivative[1] = speed * Math.Sin(yaw);
        derivative[2] = speed * Math.Tan(steering) / _wheelbase;
        derivative[3] = input[0];
    }
}
