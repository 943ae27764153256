namespace Robotics.Sim.Hybrid.Hopper;

/// <summary>
/// Parameters of <see cref="SlipHopper"/>. Defaults are the pogobot of "Hybrid Systems Neural Control with
/// Region-of-Attraction Planner" (Meng, Fan; code <c>pogo/beta_pogo_sim.py</c>): M = 80 kg, k = 32 000 N/m,
/// l0 = 1 m, g = 10 m/s^2.
/// </summary>
public sealed record SlipHopperParameters
{
    /// <summary>Body (point) mass M in kg (<c>mass_kg</c>, default 80).</summary>
    public double MassKg { get; init; } = 80.0;

    /// <summary>Leg spring stiffness k in N/m (<c>stiffness_n_m</c>, default 32 000).</summary>
    public double StiffnessNM { get; init; } = 32000.0;

    /// <summary>Rest leg length l0 in m (<c>leg_length_m</c>, default 1).</summary>
    public double LegLengthM { get; init; } = 1.0;

    /// <summary>Gravitational acceleration g in m/s^2 (<c>gravity_m_s2</c>, default 10 as in the paper's code).</summary>
    public double GravityMPerS2 { get; init; } = 10.0;

    /// <summary>Largest touchdown angle magnitude in rad (<c>max_touchdown_angle_rad</c>, default 0.8); inputs are clamped.</summary>
    public double MaxTouchdownAngleRad { get; init; } = 0.8;

    /// <summary>Largest thrust magnitude in N (<c>max_thrust_n</c>, default 5000); inputs are clamped.</summary>
    public double MaxThrustN { get; init; } = 5000.0;
}
