namespace Robotics.Control.PathFollowing;

/// <summary>Options of a <see cref="TrajectoryTrackingController"/>; names in brackets are the parameter names.</summary>
/// <remarks>See <see cref="TrajectoryTrackingController"/> for the equations.</remarks>
public sealed record TrajectoryTrackingParameters
{
    /// <summary>Along-track gain k_x (<c>gain_along_track_1_s</c>), 1/s. Default 1.</summary>
    public double GainAlongTrack { get; init; } = 1.0;

    /// <summary>Cross-track gain k_y (<c>gain_cross_track_1_m2</c>), 1/m^2. Default 1.</summary>
    public double GainCrossTrack { get; init; } = 1.0;

    /// <summary>Heading gain k_yaw (<c>gain_heading_1_m</c>), 1/m. Default 2 (critically damped with k_y = 1).</summary>
    public double GainHeading { get; init; } = 2.0;

    /// <summary>Speed loop gain k_v (<c>gain_speed_1_s</c>), 1/s. Default 2.</summary>
    public double GainSpeed { get; init; } = 2.0;

    /// <summary>Wheelbase L (<c>wheelbase_m</c>), m. Default 0.3302 m (the 1:10 F1TENTH car, as the kinematic_bicycle plant).</summary>
    public double WheelbaseM { get; init; } = 0.3302;

    /// <summary>Steering limit |delta| (<c>max_steering_angle_rad</c>), rad. Default 0.4189 rad (F1TENTH, as the plants).</summary>
    public double MaxSteeringAngleRad { get; init; } = 0.4189;

    /// <summary>Acceleration limit |a| (<c>max_acceleration_m_s2</c>), m/s^2. Default 3.</summary>
    public double MaxAccelerationMS2 { get; init; } = 3.0;

    /// <summary>Speed floor v_min used when converting yaw rate to steering (<c>min_steering_speed_m_s</c>), m/s. Default 0.5.</summary>
    public double MinSteeringSpeedMS { get; init; } = 0.5;

    /// <summary>Number of state entries (<c>state_size</c>): 4 for kinematic_bicycle, 6 for single_track_car. Default 4.</summary>
    public int StateSize { get; init; } = 4;

    /// <summary>Index of x in the state (<c>x_index</c>). Default 0.</summary>
    public int XIndex { get; init; }

    /// <summary>Index of y in the state (<c>y_index</c>). Default 1.</summary>
    public int YIndex { get; init; } = 1;

    /// <summary>Index of yaw in the state (<c>yaw_index</c>). Default 2.</summary>
    public int YawIndex { get; init; } = 2;

    /// <summary>Index of the forward speed in the state (<c>speed_index</c>; speed for kinematic_bicycle, vx for single_track_car). Default 3.</summary>
    public int SpeedIndex { get; init; } = 3;

    /// <summary>Checks every value; throws with a message naming the parameter, the value and the allowed range.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        NonNegative(GainAlongTrack, "gain_along_track_1_s");
        NonNegative(GainCrossTrack, "gain_cross_track_1_m2");
        NonNegative(GainHeading, "gain_heading_1_m");
        NonNegative(GainSpeed, "gain_speed_1_s");
        Positive(WheelbaseM, "wheelbase_m");
        Positive(MinSteeringSpeedMS, "min_steering_speed_m_s");
        Positive(MaxAccelerationMS2, "max_acceleration_m_s2");
        if (!double.IsFinite(MaxSteeringAngleRad) || MaxSteeringAngleRad <= 0.0 || MaxSteeringAngleRad >= Math.PI / 2)
        {
            throw new ArgumentException($"Parameter 'max_steering_angle_rad' = {MaxSteeringAngleRad} is outside (0, pi/2) rad; give a positive angle below 1.57 rad.");
        }

        if (StateSize < 4)
        {
            throw new ArgumentException($"Parameter 'state_size' = {StateSize} is below 4; the state must hold x, y, yaw and speed.");
        }

        Index(XIndex, "x_index");
        Index(YIndex, "y_index");
        Index(YawIndex, "yaw_index");
        Index(SpeedIndex, "speed_index");
    }

    private void Index(int value, string name)
    {
        if (value < 0 || value >= StateSize)
        {
            throw new ArgumentException($"Parameter '{name}' = {value} is outside [0, {StateSize - 1}] for state_size = {StateSize}; give a valid state index.");
        }
    }

    private static void NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0.0)
        {
            throw new ArgumentException($"Parameter '{name}' = {value} is outside [0, +inf); give a finite value >= 0.");
        }
    }

    private static void Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0.0)
        {
            throw new ArgumentException($"Parameter '{name}' = {value} is outside (0, +inf); give a finite value > 0.");
        }
    }
}
