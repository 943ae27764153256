namespace Robotics.Sim.Plants;

/// <summary>
/// Physical parameters of <see cref="MassSpringDamper"/> in SI units. The defaults describe a lightly damped
/// textbook oscillator (natural frequency 2 rad/s, damping ratio 0.1).
/// </summary>
public sealed record MassSpringDamperParameters
{
    /// <summary>Moving mass m in kg (<c>mass_kg</c>, default 1.0).</summary>
    public double MassKg { get; init; } = 1.0;

    /// <summary>Spring stiffness k in N/m (<c>stiffness_n_m</c>, default 4.0, so omega_n = sqrt(k/m) = 2 rad/s).</summary>
    public double StiffnessNPerM { get; init; } = 4.0;

    /// <summary>Viscous damping c in N s/m (<c>damping_n_s_m</c>, default 0.4, so zeta = c / (2 sqrt(k m)) = 0.1).</summary>
    public double DampingNSPerM { get; init; } = 0.4;
}
