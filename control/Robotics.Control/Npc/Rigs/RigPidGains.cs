namespace Robotics.Control.Npc.Rigs;

/// <summary>Gains of <see cref="RigInversePidController"/>, per actuator coordinate (the same for every actuator).</summary>
/// <param name="Proportional">K_p, coordinate per coordinate error (dimensionless).</param>
/// <param name="Integral">K_i, 1/s.</param>
/// <param name="IntegralLimit">|integral term| bound, coordinate units (anti-windup).</param>
/// <param name="BacklashCompensation">Fraction of half the rig's backlash added in the direction of motion (0..1).</param>
public sealed record RigPidGains(double Proportional, double Integral, double IntegralLimit, double BacklashCompensation)
{
    /// <summary>Tendon defaults: K_p 0.5, K_i 20/s, integral within 0.1 rad, full backlash compensation.</summary>
    public static RigPidGains Tendon { get; } = new(0.5, 20.0, 0.1, 1.0);

    /// <summary>HASEL defaults: K_p 0.5, K_i 20/s, integral within 1 mm of stroke.</summary>
    public static RigPidGains Hasel { get; } = new(0.5, 20.0, 0.001, 0.0);

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A gain is negative or not finite.</exception>
    public void Validate()
    {
        Check(Proportional, "proportional");
        Check(Integral, "integral");
        Check(IntegralLimit, "integral_limit");
        if (!(BacklashCompensation >= 0 && BacklashCompensation <= 1))
            throw new ArgumentException($"Rig PID: backlash_compensation = {BacklashCompensation} must lie in [0, 1].", nameof(BacklashCompensation));
    }

    private static void Check(double v, string name)
    {
        if (!(v >= 0) || !double.IsFinite(v)) throw new ArgumentException($"Rig PID: {name} = {v} must be finite and >= 0.", name);
    }
}
