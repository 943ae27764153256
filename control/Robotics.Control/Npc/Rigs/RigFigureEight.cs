namespace Robotics.Control.Npc.Rigs;

/// <summary>
/// A figure-eight (lemniscate of Gerono) in a rig's output space after a settling hold:
/// y(t) = c for t &lt; t_s, else y = c + A_1 sin(w s) e_1 + A_2 sin(2 w s) e_2 with s = t - t_s, w = 2 pi / T,
/// e_1, e_2 the first two outputs; then projected onto the reachable outputs (tendon: z from x, y).
/// </summary>
public sealed class RigFigureEight
{
    private readonly IRigKinematics _kinematics;
    private readonly double[] _centre;

    /// <summary>Creates the path.</summary>
    /// <exception cref="ArgumentException">A size or value is invalid.</exception>
    public RigFigureEight(IRigKinematics kinematics, double[] centre, double amplitudeFirst, double amplitudeSecond, double periodSeconds, double settleSeconds)
    {
        ArgumentNullException.ThrowIfNull(kinematics);
        ArgumentNullException.ThrowIfNull(centre);
        if (centre.Length != kinematics.OutputCount)
            throw new ArgumentException($"Figure eight: centre has {centre.Length} values; the rig has {kinematics.OutputCount} outputs.", nameof(centre));
        if (!(periodSeconds > 0) || !double.IsFinite(periodSeconds))
            throw new ArgumentException($"Figure eight: period = {periodSeconds} s must be finite and > 0.", nameof(periodSeconds));
        if (!(settleSeconds >= 0) || !double.IsFinite(settleSeconds))
            throw new ArgumentException($"Figure eight: settle = {settleSeconds} s must be finite and >= 0.", nameof(settleSeconds));
        _kinematics = kinematics;
        _centre = (double[])centre.Clone();
        AmplitudeFirst = amplitudeFirst;
        AmplitudeSecond = amplitudeSecond;
        PeriodSeconds = periodSeconds;
        SettleSeconds = settleSeconds;
    }

    /// <summary>Amplitude on the first output.</summary>
    public double AmplitudeFirst { get; }

    /// <summary>Amplitude on the second output (at twice the frequency).</summary>
    public double AmplitudeSecond { get; }

    /// <summary>Period T of one figure eight, s.</summary>
    public double PeriodSeconds { get; }

    /// <summary>Hold at the centre before the figure eight starts, s.</summary>
    public double SettleSeconds { get; }

    /// <summary>Number of outputs.</summary>
    public int Size => _centre.Length;

    /// <summary>The tendon rig's path: tip x = 25 mm sin(w s), y = 12.5 mm sin(2 w s) around the straight backbone, T = 8 s.</summary>
    public static RigFigureEight Tendon(double settleSeconds = 1.0) =>
        new(new TendonKinematics(), [0.0, 0.0, TendonKinematics.BackboneLength], 0.025, 0.0125, 8.0, settleSeconds);

    /// <summary>The HASEL rig's path: roll = 0.05 rad sin(w s), pitch = 0.025 rad sin(2 w s) at 2 mm heave, T = 4 s
    /// (rim excursion R roll = 1.5 mm; strokes stay within 0.3..3.7 mm of the 4 mm range).</summary>
    public static RigFigureEight Hasel(double settleSeconds = 1.0) =>
        new(new HaselKinematics(), [0.0, 0.0, 0.002], 0.05, 0.025, 4.0, settleSeconds);

    /// <summary>Writes the path at time <paramref name="seconds"/> into <paramref name="outputs"/> (allocation-free).</summary>
    public void Evaluate(double seconds, Span<double> outputs)
    {
        for (int i = 0; i < _centre.Length; i++) outputs[i] = _centre[i];
        double s = seconds - SettleSeconds;
        if (s > 0)
        {
            double w = 2.0 * Math.PI / PeriodSeconds;
            outputs[0] += AmplitudeFirst * Math.Sin(w * s);
            outputs[1] += AmplitudeSecond * Math.Sin(2.0 * w * s);
        }

        _kinematics.Project(outputs);
    }
}
