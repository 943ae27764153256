namespace Robotics.Control.Npc.Rigs;

/// <summary>
/// Kinematics of the HASEL tilting platform (hil-rigs/hasel/hasel_sim.c): coordinates are the six actuator strokes
/// z_i (m), outputs roll (rad), pitch (rad), heave (m).
/// </summary>
/// <remarks>
/// <para>Actuator i sits at angle a_i = i 60 deg on radius R = 30 mm. Forward (least-squares plane):
/// heave = mean z, roll = sum z_i sin a_i / (3R), pitch = -sum z_i cos a_i / (3R). Inverse (the plane itself):
/// z_i = heave + R (roll sin a_i - pitch cos a_i), exact for the forward map since sum sin^2 a_i = sum cos^2 a_i = 3
/// and sum sin a_i cos a_i = sum sin a_i = sum cos a_i = 0. Statics: a drive u in [-0.5, 0.5] settles at
/// z = z_max (u + 0.5)^2 with z_max = 4 mm, so u = sqrt(z / z_max) - 0.5. Dynamics: 4 ms charging, then a 12 Hz,
/// zeta 0.7 second-order stroke, approximated by one time constant 4 ms + 2 zeta / omega_n = 22.6 ms.</para>
/// <para>Path error (m): the displacement of a point on the platform rim at radius R plus heave,
/// sqrt((R droll)^2 + (R dpitch)^2 + dheave^2).</para>
/// </remarks>
public sealed class HaselKinematics : IRigKinematics
{
    /// <summary>Actuator circle radius R, m.</summary>
    public const double Radius = 0.03;

    /// <summary>Stroke at full voltage z_max, m.</summary>
    public const double MaxStroke = 0.004;

    private static readonly double[] Min = [-0.5, -0.5, -0.5, -0.5, -0.5, -0.5];
    private static readonly double[] Max = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
    private static readonly double[] Sin = new double[6], Cos = new double[6];

    static HaselKinematics()
    {
        for (int i = 0; i < 6; i++)
        {
            Sin[i] = Math.Sin(Math.PI / 3.0 * i);
            Cos[i] = Math.Cos(Math.PI / 3.0 * i);
        }
    }

    /// <inheritdoc />
    public int OutputCount => 3;

    /// <inheritdoc />
    public int ActuatorCount => 6;

    /// <inheritdoc />
    public ReadOnlySpan<double> CommandMin => Min;

    /// <inheritdoc />
    public ReadOnlySpan<double> CommandMax => Max;

    /// <inheritdoc />
    public ReadOnlySpan<double> SafeCommand => Min;

    /// <inheritdoc />
    public double TimeConstantSeconds => 0.004 + 2.0 * 0.7 / (2.0 * Math.PI * 12.0);

    /// <inheritdoc />
    public double Backlash => 0.0;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<double> q, Span<double> outputs)
    {
        double heave = 0, roll = 0, pitch = 0;
        for (int i = 0; i < 6; i++)
        {
            heave += q[i] / 6.0;
            roll += q[i] * Sin[i] / (3.0 * Radius);
            pitch -= q[i] * Cos[i] / (3.0 * Radius);
        }

        outputs[0] = roll;
        outputs[1] = pitch;
        outputs[2] = heave;
    }

    /// <inheritdoc />
    public void Inverse(ReadOnlySpan<double> outputs, Span<double> q)
    {
        for (int i = 0; i < 6; i++) q[i] = outputs[2] + Radius * (outputs[0] * Sin[i] - outputs[1] * Cos[i]);
    }

    /// <inheritdoc />
    public void Project(Span<double> outputs)
    {
    }

    /// <inheritdoc />
    public double CommandFor(int i, double q) => Math.Sqrt(Math.Max(q, 0.0) / MaxStroke) - 0.5;

    /// <inheritdoc />
    public double CoordinateFor(int i, double u)
    {
        double v = Math.Clamp(u + 0.5, 0.0, 1.0);
        return MaxStroke * v * v;
    }

    /// <inheritdoc />
    public double PathError(ReadOnlySpan<double> y, ReadOnlySpan<double> r)
    {
        double a = Radius * (y[0] - r[0]), b = Radius * (y[1] - r[1]), c = y[2] - r[2];
        return Math.Sqrt(a * a + b * b + c * c);
    }
}
