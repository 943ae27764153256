namespace Robotics.Sim.Plants;

/// <summary>
/// Parameters of <see cref="SingleTrackCar"/> in SI units. Defaults describe a 1:10 scale F1TENTH car, taken from
/// the f1tenth_gym vehicle parameters (m = 3.74 kg, I_z = 0.04712 kg m^2, l_f = 0.15875 m, l_r = 0.17145 m,
/// C_Sf = 4.718 /rad, C_Sr = 5.4562 /rad, mu = 1.0489, steering limit 0.4189 rad). The gym's load-normalised
/// cornering coefficients were converted to absolute cornering stiffnesses at the static axle loads:
/// C_f = mu C_Sf m g l_r / L = 94.3 N/rad and C_r = mu C_Sr m g l_f / L = 100.9 N/rad.
/// </summary>
public sealed record SingleTrackCarParameters
{
    /// <summary>Vehicle mass m in kg (<c>mass_kg</c>, default 3.74).</summary>
    public double MassKg { get; init; } = 3.74;

    /// <summary>Yaw moment of inertia about the centre of gravity in kg m^2 (<c>yaw_inertia_kg_m2</c>, default 0.04712).</summary>
    public double YawInertiaKgM2 { get; init; } = 0.04712;

    /// <summary>Centre of gravity to front axle in m (<c>lf_m</c>, default 0.15875).</summary>
    public double LfM { get; init; } = 0.15875;

    /// <summary>Centre of gravity to rear axle in m (<c>lr_m</c>, default 0.17145).</summary>
    public double LrM { get; init; } = 0.17145;

    /// <summary>Front axle cornering stiffness in N/rad (<c>cornering_stiffness_front_n_rad</c>, default 94.3).</summary>
    public double CorneringStiffnessFrontNPerRad { get; init; } = 94.3;

    /// <summary>Rear axle cornering stiffness in N/rad (<c>cornering_stiffness_rear_n_rad</c>, default 100.9).</summary>
    public double CorneringStiffnessRearNPerRad { get; init; } = 100.9;

    /// <summary>Tyre-road friction coefficient (<c>tyre_friction_mu</c>, default 1.0: dry; 0.1 is icy).</summary>
    public double TyreFrictionMu { get; init; } = 1.0;

    /// <summary>Steering angle saturation in rad (<c>max_steering_angle_rad</c>, default 0.4189); 0 disables it.</summary>
    public double MaxSteeringAngleRad { get; init; } = 0.4189;

    /// <summary>Gravitational acceleration in m/s^2 (<c>gravity_m_s2</c>, default 9.81).</summary>
    public double GravityMPerS2 { get; init; } = 9.81;

    /// <summary>Speed v_th in m/s below which the model blends into the kinematic model (<c>low_speed_threshold_m_s</c>,
    /// default 0.5, the switching speed f1tenth_gym uses): fully kinematic below v_th / 2, fully dynamic above v_th.</summary>
    public double LowSpeedThresholdMPerS { get; init; } = 0.5;

    /// <summary>Time constant in s with which lateral velocity and yaw rate relax to their kinematic values at low
    /// speed (<c>low_speed_time_constant_s</c>, default 0.05).</summary>
    public double LowSpeedTimeConstantS { get; init; } = 0.05;
}
