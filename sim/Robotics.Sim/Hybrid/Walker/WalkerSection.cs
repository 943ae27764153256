namespace Robotics.Sim.Hybrid.Walker;

/// <summary>
/// A point of the compass gait's Poincare section just after heel strike: the stance angle and the two rates
/// (the swing angle is fixed by the section, phi2 = 2 gamma - phi1).
/// </summary>
/// <param name="StanceAngleRad">Stance leg angle phi1 in rad.</param>
/// <param name="StanceRateRadS">Stance leg rate w1 in rad/s.</param>
/// <param name="SwingRateRadS">Swing leg rate w2 in rad/s.</param>
public readonly record struct WalkerSection(double StanceAngleRad, double StanceRateRadS, double SwingRateRadS)
{
    /// <summary>Component <paramref name="index"/> (0: phi1, 1: w1, 2: w2).</summary>
    public double this[int index] => index switch
    {
        0 => StanceAngleRad,
        1 => StanceRateRadS,
        2 => SwingRateRadS,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "The section has 3 components (0..2)."),
    };

    /// <summary>Returns a copy with component <paramref name="index"/> increased by <paramref name="delta"/>.</summary>
    public WalkerSection Add(int index, double delta) => index switch
    {
        0 => this with { StanceAngleRad = StanceAngleRad + delta },
        1 => this with { StanceRateRadS = StanceRateRadS + delta },
        2 => this with { SwingRateRadS = SwingRateRadS + delta },
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "The section has 3 components (0..2)."),
    };
}
