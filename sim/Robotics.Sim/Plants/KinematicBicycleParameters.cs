namespace Robotics.Sim.Plants;

/// <summary>
/// Parameters of <see cref="KinematicBicycle"/> in SI units. The defaults are those of a 1:10 scale F1TENTH car
/// (wheelbase lf + lr = 0.15875 + 0.17145 m, steering limit 0.4189 rad) as in the f1tenth_gym vehicle parameters.
/// </summary>
public sealed record KinematicBicycleParameters
{
    /// <summary>Wheelbase L between the axles in m (<c>wheelbase_m</c>, default 0.3302).</summary>
    public double WheelbaseM { get; init; } = 0.3302;

    /// <summary>Steering angle saturation in rad applied inside the model (<c>max_steering_angle_rad</c>, default
    /// 0.4189); 0 disables the saturation.</summary>
    public double MaxSteeringAngleRad { get; init; } = 0.4189;
}
