namespace Robotics.Control.Risk;

/// <summary>
/// Physical parameters of the planar hovercraft (a rigid body on a frictionless plane, two fore-aft thrusters side by
/// side, linear drag): shared by the simulator's plant, the MPC model and the risk check's closed loop.
/// </summary>
/// <remarks>
/// <para>State [x_m, y_m, theta_rad, vx_m_s, vy_m_s, omega_rad_s] (velocities in the world frame); input
/// [left_thrust_n, right_thrust_n] (commanded, clamped to [<see cref="MinThrustN"/>, <see cref="MaxThrustN"/>]). With
/// u_L, u_R the clamped commands, g the thrust gain, r the arm, m the mass, I = m k² (k the radius of gyration), c the
/// translational drag and c_r = c · <see cref="RotationalDragRatioM2"/>:</para>
/// <code>
/// F = g (u_L + u_R);  τ = g r (u_R - u_L)
/// x' = vx;  y' = vy;  θ' = ω;  vx' = (F cos θ - c vx) / m;  vy' = (F sin θ - c vy) / m;  ω' = (τ - c_r ω) / I
/// </code>
/// <para>The open-loop divergence is -(2 c / m + c_r / I).</para>
/// </remarks>
public sealed record HovercraftParameters
{
    /// <summary>Mass m, kg (default 2; &gt; 0).</summary>
    public double MassKg { get; init; } = 2.0;

    /// <summary>Linear translational drag c, N/(m/s) (default 1; &gt;= 0).</summary>
    public double DragNsM { get; init; } = 1.0;

    /// <summary>Thrust gain g: delivered thrust per commanded thrust (default 1; &gt; 0).</summary>
    public double ThrustGain { get; init; } = 1.0;

    /// <summary>Lateral distance r of each thruster from the centre line, m (default 0.2; &gt; 0).</summary>
    public double ArmM { get; init; } = 0.2;

    /// <summary>Radius of gyration k, m: I = m k² (default 0.25; &gt; 0).</summary>
    public double GyrationRadiusM { get; init; } = 0.25;

    /// <summary>Rotational drag per translational drag, c_r / c, m² (default 0.05; &gt;= 0).</summary>
    public double RotationalDragRatioM2 { get; init; } = 0.05;

    /// <summary>Largest forward thrust command per thruster, N (default 2).</summary>
    public double MaxThrustN { get; init; } = 2.0;

    /// <summary>Smallest thrust command per thruster (reverse thrust), N (default -1; &lt; <see cref="MaxThrustN"/>).</summary>
    public double MinThrustN { get; init; } = -1.0;

    /// <summary>Moment of inertia I = m k², kg m².</summary>
    public double InertiaKgM2 => MassKg * GyrationRadiusM * GyrationRadiusM;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">A value is out of range (the message names it).</exception>
    public void Validate()
    {
        if (!(MassKg > 0) || !(DragNsM >= 0) || !(ThrustGain > 0) || !(ArmM > 0) || !(GyrationRadiusM > 0) || !(RotationalDragRatioM2 >= 0) || !(MinThrustN < MaxThrustN))
        {
            throw new ArgumentException($"Hovercraft parameters out of range: mass_kg {MassKg} (> 0), drag_n_s_m {DragNsM} (>= 0), thrust_gain {ThrustGain} (> 0), " +
                $"arm_m {ArmM} (> 0), gyration_radius_m {GyrationRadiusM} (> 0), rotational_drag_ratio_m2 {RotationalDragRatioM2} (>= 0), thrust range [{MinThrustN}, {MaxThrustN}] N (min < max).");
        }
    }
}
