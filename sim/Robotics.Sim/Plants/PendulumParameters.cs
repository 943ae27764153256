namespace Robotics.Sim.Plants;

/// <summary>
/// Physical parameters of <see cref="Pendulum"/> in SI units: a point mass on a massless rigid rod.
/// The defaults are the textbook 1 kg, 1 m ideal pendulum (small-angle period 2 pi sqrt(L/g) = 2.006 s).
/// </summary>
public sealed record PendulumParameters
{
    /// <summary>Bob mass m in kg (<c>mass_kg</c>, default 1.0).</summary>
    public double MassKg { get; init; } = 1.0;

    /// <summary>Rod length L from pivot to the point mass in m (<c>length_m</c>, default 1.0).</summary>
    public double LengthM { get; init; } = 1.0;

    /// <summary>Viscous pivot friction b in N m s/rad (<c>damping_n_m_s</c>, default 0: ideal, energy-conserving).</summary>
    public double DampingNMS { get; init; }

    /// <summary>Gravitational acceleration g in m/s^2 (<c>gravity_m_s2</c>, default 9.81, standard gravity rounded).</summary>
    public double GravityMPerS2 { get; init; } = 9.81;
}
