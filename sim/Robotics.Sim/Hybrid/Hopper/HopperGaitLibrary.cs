namespace Robotics.Sim.Hybrid.Hopper;

/// <summary>
/// Builds hopping gaits (fixed points of the apex-to-apex map with zero thrust) at one apex height for several
/// forward speeds, with central-difference linearizations for per-mode LQR design. Design-time (allocates).
/// </summary>
public static class HopperGaitLibrary
{
    /// <summary>
    /// Gaits at apex height <paramref name="apexHeight"/> for each speed in <paramref name="speeds"/>; speeds without
    /// a fixed point (or a failed perturbed hop) are skipped.
    /// </summary>
    public static IReadOnlyList<HopperGait> Build(SlipHopper hopper, double apexHeight, IReadOnlyList<double> speeds, double step = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(hopper);
        ArgumentNullException.ThrowIfNull(speeds);
        var map = new HopperApexMap(hopper, step);
        var gaits = new List<HopperGait>();
        double guess = double.NaN;
        foreach (double v in speeds)
        {
            var gait = FindGait(map, new ApexState(apexHeight, v), guess);
            if (gait is not null)
            {
                gaits.Add(gait);
                guess = gait.TouchdownAngleRad;
            }
        }

        return gaits;
    }

    /// <summary>The gait through <paramref name="apex"/> (null when none is found).</summary>
    public static HopperGait? FindGait(HopperApexMap map, ApexState apex, double angleGuess = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(map);
        double theta = map.FindFixedPointAngle(apex, angleGuess);
        if (double.IsNaN(theta))
        {
            return null;
        }

        var a = new double[4];
        var b = new double[4];
        const double dy = 1e-6, dv = 1e-6, dth = 1e-6, dp = 1e-2;
        if (!Column(map, apex with { HeightM = apex.HeightM + dy }, apex with { HeightM = apex.HeightM - dy }, theta, theta, 0, 0, 2 * dy, a, 0)
            || !Column(map, apex with { SpeedMS = apex.SpeedMS + dv }, apex with { SpeedMS = apex.SpeedMS - dv }, theta, theta, 0, 0, 2 * dv, a, 1)
            || !Column(map, apex, apex, theta + dth, theta - dth, 0, 0, 2 * dth, b, 0)
            || !Column(map, apex, apex, theta, theta, dp, -dp, 2 * dp, b, 1))
        {
            return null;
        }

        return new HopperGait(apex.HeightM, apex.SpeedMS, theta, 0.0, a, b);
    }

    private static bool Column(HopperApexMap map, ApexState xp, ApexState xm, double tp, double tm, double pp, double pm, double h, double[] target, int column)
    {
        if (!map.TryStep(xp, tp, pp, out var fp) || !map.TryStep(xm, tm, pm, out var fm))
        {
            return false;
        }

        target[column] = (fp.HeightM - fm.HeightM) / h;
        target[2 + column] = (fp.SpeedMS - fm.SpeedMS) / h;
        return true;
    }
}
