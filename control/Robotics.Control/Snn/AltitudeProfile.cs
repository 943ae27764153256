using Robotics.Core.Randomness;

namespace Robotics.Control.Snn;

/// <summary>
/// A piecewise-constant altitude reference: holds of given set-points, used to train and benchmark altitude
/// controllers (step, staircase and random-step profiles).
/// </summary>
public sealed class AltitudeProfile
{
    private readonly double[] _times, _values;

    /// <summary>Creates a profile from hold start times (first must be 0, increasing) and set-points.</summary>
    /// <param name="name">Name for reports.</param>
    /// <param name="startTimesS">Start time of each hold, s; strictly increasing, first 0.</param>
    /// <param name="setpointsM">Set-point of each hold, m.</param>
    /// <param name="durationS">Total duration, s (after the last start).</param>
    /// <exception cref="ArgumentException">The lists are empty, of different length, or not increasing.</exception>
    public AltitudeProfile(string name, IReadOnlyList<double> startTimesS, IReadOnlyList<double> setpointsM, double durationS)
    {
        ArgumentNullException.ThrowIfNull(startTimesS);
        ArgumentNullException.ThrowIfNull(setpointsM);
        if (startTimesS.Count == 0 || startTimesS.Count != setpointsM.Count || startTimesS[0] != 0.0)
        {
            throw new ArgumentException($"Altitude profile '{name}': give as many start times as set-points (>= 1), the first at 0 s.");
        }

        for (int i = 1; i < startTimesS.Count; i++)
        {
            if (!(startTimesS[i] > startTimesS[i - 1]))
            {
                throw new ArgumentException($"Altitude profile '{name}': start times must increase (entry {i} = {startTimesS[i]} s).");
            }
        }

        if (!(durationS > startTimesS[^1]))
        {
            throw new ArgumentException($"Altitude profile '{name}': duration {durationS} s must exceed the last hold start {startTimesS[^1]} s.");
        }

        Name = name;
        _times = [.. startTimesS];
        _values = [.. setpointsM];
        DurationS = durationS;
    }

    /// <summary>Profile name.</summary>
    public string Name { get; }

    /// <summary>Total duration, s.</summary>
    public double DurationS { get; }

    /// <summary>Number of holds.</summary>
    public int HoldCount => _times.Length;

    /// <summary>Start time of hold <paramref name="i"/>, s.</summary>
    public double HoldStart(int i) => _times[i];

    /// <summary>End time of hold <paramref name="i"/>, s.</summary>
    public double HoldEnd(int i) => i + 1 < _times.Length ? _times[i + 1] : DurationS;

    /// <summary>Set-point of hold <paramref name="i"/>, m.</summary>
    public double Setpoint(int i) => _values[i];

    /// <summary>The set-point at time <paramref name="t"/> (the hold whose start is the last one &lt;= t).</summary>
    public double Evaluate(double t)
    {
        int i = _times.Length - 1;
        while (i > 0 && _times[i] > t) i--;
        return _values[i];
    }

    /// <summary>A single step from <paramref name="from"/> to <paramref name="to"/> at <paramref name="stepTimeS"/>.</summary>
    public static AltitudeProfile Step(double from, double to, double stepTimeS, double durationS) =>
        new($"step {from:0.##}->{to:0.##} m", [0.0, stepTimeS], [from, to], durationS);

    /// <summary>A staircase: holds of <paramref name="holdS"/> through the given levels.</summary>
    public static AltitudeProfile Staircase(IReadOnlyList<double> levels, double holdS)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var times = new double[levels.Count];
        for (int i = 0; i < times.Length; i++) times[i] = i * holdS;
        return new AltitudeProfile($"staircase {string.Join('/', levels.Select(l => l.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)))} m", times, levels, levels.Count * holdS);
    }

    /// <summary>Random steps (the paper's dataset: random set-points held for a random time), seeded.</summary>
    /// <param name="rng">Random stream.</param>
    /// <param name="start">First set-point, m.</param>
    /// <param name="minAltitude">Lowest set-point, m.</param>
    /// <param name="maxAltitude">Highest set-point, m.</param>
    /// <param name="holdMinS">Shortest hold, s.</param>
    /// <param name="holdMaxS">Longest hold, s.</param>
    /// <param name="durationS">Total duration, s.</param>
    public static AltitudeProfile RandomSteps(Rng rng, double start, double minAltitude, double maxAltitude, double holdMinS, double holdMaxS, double durationS)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var times = new List<double> { 0.0 };
        var values = new List<double> { start };
        double t = rng.NextUniform(holdMinS, holdMaxS);
        while (t < durationS - holdMinS * 0.5)
        {
            times.Add(t);
            values.Add(rng.NextUniform(minAltitude, maxAltitude));
            t += rng.NextUniform(holdMinS, holdMaxS);
        }

        return new AltitudeProfile("random steps", times, values, durationS);
    }
}
