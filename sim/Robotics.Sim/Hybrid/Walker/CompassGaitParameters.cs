namespace Robotics.Sim.Hybrid.Walker;

/// <summary>
/// Parameters of <see cref="CompassGait"/>. Defaults are the paper's compass-gait walker (Meng, Fan,
/// <c>cgw_sim_choi.py</c>): leg length l = 1 m, leg mass mL = 1 kg, hip mass mH = 1 kg, g = 9.81 m/s^2, with the leg
/// mass at the leg's midpoint (a = b = 0.5 m) and slope 0.05 rad.
/// </summary>
public sealed record CompassGaitParameters
{
    /// <summary>Leg mass m in kg (<c>leg_mass_kg</c>, default 1).</summary>
    public double LegMassKg { get; init; } = 1.0;

    /// <summary>Hip mass mH in kg (<c>hip_mass_kg</c>, default 1).</summary>
    public double HipMassKg { get; init; } = 1.0;

    /// <summary>Leg length l = a + b in m (<c>leg_length_m</c>, default 1).</summary>
    public double LegLengthM { get; init; } = 1.0;

    /// <summary>Distance a from the foot to the leg's mass in m (<c>foot_to_mass_m</c>, default 0.5; b = l - a).</summary>
    public double FootToMassM { get; init; } = 0.5;

    /// <summary>Gravitational acceleration g in m/s^2 (<c>gravity_m_s2</c>, default 9.81).</summary>
    public double GravityMPerS2 { get; init; } = 9.81;

    /// <summary>Ground slope gamma in rad, downhill in +x (<c>slope_rad</c>, default 0.05).</summary>
    public double SlopeRad { get; init; } = 0.05;
}
