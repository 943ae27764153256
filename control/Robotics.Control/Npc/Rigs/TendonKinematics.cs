namespace Robotics.Control.Npc.Rigs;

/// <summary>
/// Constant-curvature kinematics of the tendon rig (hil-rigs/tendon/tendon_sim.c): coordinates are the bending
/// angles phi_1, phi_2 (rad, the motor angles after backlash), outputs the tip x, y, z (m).
/// </summary>
/// <remarks>
/// <para>kx = r_p phi_1 / (d L), ky = r_p phi_2 / (d L), k = |(kx, ky)|, a = atan2(ky, kx);
/// x = cos(a) (1 - cos kL)/k, y = sin(a) (1 - cos kL)/k, z = sin(kL)/k (k -> 0: (0, 0, L)), with r_p = 5 mm,
/// d = 8 mm, L = 0.12 m. Inverse from (x, y): rho = |(x, y)| = (1 - cos kL)/k is solved for k by Newton's method
/// (monotone for kL &lt; 2.3), then phi = (kx, ky) d L / r_p. Command = coordinate (motor angle), range
/// [-1.75, 0.83] rad, 30 ms motor lag, 0.04 rad backlash. Path error: the Euclidean tip distance.</para>
/// </remarks>
public sealed class TendonKinematics : IRigKinematics
{
    /// <summary>Backbone length L, m.</summary>
    public const double BackboneLength = 0.12;

    /// <summary>Pulley radius r_p, m.</summary>
    public const double PulleyRadius = 0.005;

    /// <summary>Tendon offset d from the backbone, m.</summary>
    public const double TendonOffset = 0.008;

    private const double CurvaturePerAngle = PulleyRadius / (TendonOffset * BackboneLength);
    private static readonly double[] Min = [-1.75, -1.75], Max = [0.83, 0.83], Safe = [0.0, 0.0];

    /// <inheritdoc />
    public int OutputCount => 3;

    /// <inheritdoc />
    public int ActuatorCount => 2;

    /// <inheritdoc />
    public ReadOnlySpan<double> CommandMin => Min;

    /// <inheritdoc />
    public ReadOnlySpan<double> CommandMax => Max;

    /// <inheritdoc />
    public ReadOnlySpan<double> SafeCommand => Safe;

    /// <inheritdoc />
    public double TimeConstantSeconds => 0.030;

    /// <inheritdoc />
    public double Backlash => 0.04;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<double> q, Span<double> outputs)
    {
        double kx = CurvaturePerAngle * q[0], ky = CurvaturePerAngle * q[1];
        double k = Math.Sqrt(kx * kx + ky * ky);
        if (k * BackboneLength < 1e-9)
        {
            outputs[0] = 0.0;
            outputs[1] = 0.0;
            outputs[2] = BackboneLength;
            return;
        }

        double rho = (1.0 - Math.Cos(k * BackboneLength)) / k;
        outputs[0] = kx / k * rho;
        outputs[1] = ky / k * rho;
        outputs[2] = Math.Sin(k * BackboneLength) / k;
    }

    /// <inheritdoc />
    public void Inverse(ReadOnlySpan<double> outputs, Span<double> q)
    {
        double x = outputs[0], y = outputs[1];
        double rho = Math.Sqrt(x * x + y * y);
        if (!(rho > 1e-12))
        {
            q[0] = 0.0;
            q[1] = 0.0;
            return;
        }

        const double L = BackboneLength;
        double k = 2.0 * rho / (L * L); // small-angle start: rho ~ k L^2 / 2
        for (int it = 0; it < 20; it++)
        {
            double kl = k * L;
            double f = (1.0 - Math.Cos(kl)) / k - rho;
            double df = (L * Math.Sin(kl) * k - (1.0 - Math.Cos(kl))) / (k * k);
            if (!(df > 1e-12)) break;
            double next = k - f / df;
            if (next <= 0) next = 0.5 * k;
            if (Math.Abs(next - k) < 1e-12 * Math.Max(1.0, k))
            {
                k = next;
                break;
            }

            k = next;
        }

        q[0] = k * x / rho / CurvaturePerAngle;
        q[1] = k * y / rho / CurvaturePerAngle;
    }

    /// <inheritdoc />
    public void Project(Span<double> outputs)
    {
        Span<double> q = stackalloc double[2];
        Inverse(outputs, q);
        Forward(q, outputs);
    }

    /// <inheritdoc />
    public double CommandFor(int i, double q) => q;

    /// <inheritdoc />
    public double CoordinateFor(int i, double u) => u;

    /// <inheritdoc />
    public double PathError(ReadOnlySpan<double> y, ReadOnlySpan<double> r)
    {
        double dx = y[0] - r[0], dy = y[1] - r[1], dz = y[2] - r[2];
        return Math.Sqrt(dx * dx + dy * dy + dz * dz);
    }
}
