namespace Robotics.Sim.Plants;

/// <summary>
/// Physical parameters of <see cref="CartPole"/> in SI units. The defaults are the classic benchmark values of
/// Barto, Sutton and Anderson (1983), also used by Florian (2007) and OpenAI Gym's CartPole: 1 kg cart, 0.1 kg
/// uniform pole of half-length 0.5 m (full length 1 m), g = 9.81 m/s^2.
/// </summary>
public sealed record CartPoleParameters
{
    /// <summary>Cart mass M in kg (<c>cart_mass_kg</c>, default 1.0).</summary>
    public double CartMassKg { get; init; } = 1.0;

    /// <summary>Pole mass m in kg (<c>pole_mass_kg</c>, default 0.1).</summary>
    public double PoleMassKg { get; init; } = 0.1;

    /// <summary>Distance l from the pivot to the pole's centre of mass in m, i.e. half the length of the uniform
    /// rod (<c>pole_half_length_m</c>, default 0.5).</summary>
    public double PoleHalfLengthM { get; init; } = 0.5;

    /// <summary>Gravitational acceleration g in m/s^2 (<c>gravity_m_s2</c>, default 9.81).</summary>
    public double GravityMPerS2 { get; init; } = 9.81;
}
