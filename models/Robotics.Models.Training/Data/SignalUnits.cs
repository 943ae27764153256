namespace Robotics.Models.Training.Data;

/// <summary>Reads the SI unit from the simulator's signal-name suffixes (e.g. <c>velocity_m_s</c> is m/s).</summary>
public static class SignalUnits
{
    // Longest suffix first so "_m_s2" wins over "_m_s" and "_s2".
    private static readonly (string Suffix, string Unit)[] s_suffixes =
    [
        ("_rad_s2", "rad/s^2"), ("_rad_s", "rad/s"), ("_m_s2", "m/s^2"), ("_n_m", "N m"), ("_m_s", "m/s"),
        ("_rad", "rad"), ("_deg", "deg"), ("_n", "N"), ("_m", "m"), ("_v", "V"), ("_a", "A"), ("_s", "s"),
    ];

    /// <summary>The unit of <paramref name="name"/>, or "1" when the name carries none.</summary>
    public static string FromName(string name)
    {
        foreach (var (suffix, unit) in s_suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal)) return unit;
        }

        return "1";
    }
}
