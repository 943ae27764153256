using Robotics.Control.Loop;
using Robotics.Core.Parameters;
using Robotics.Core.Time;

namespace Robotics.Control.References;

/// <summary>
/// A planar figure-eight trajectory (lemniscate of Gerono) for car-like vehicles, with heading and speed
/// from its analytic derivative.
/// </summary>
/// <remarks>
/// <para><b>Output</b> (size 4): [x_m, y_m, yaw_rad, speed_m_s].</para>
/// <para><b>Equations.</b> With centre (cx, cy), half-width a (<c>size_m</c>), period T and w = 2 pi / T,
/// theta = w t:</para>
/// <code>
/// x = cx + a sin(theta)              x' = a w cos(theta)
/// y = cy + (a / 2) sin(2 theta)      y' = a w cos(2 theta)
/// yaw = atan2(y', x') in [-pi, pi],  speed = sqrt(x'^2 + y'^2) = a w sqrt(cos^2(theta) + cos^2(2 theta))
/// </code>
/// <para>The curve starts at the centre heading 45 degrees left of +x, reaches (cx + a, cy) at t = T/4 heading
/// -pi/2 (speed a w), crosses the centre again at T/2 and closes at T. The speed never vanishes (cos(theta) = 0
/// forces cos(2 theta) = -1), so the yaw is always defined. The path curvature peaks at about 4.79 / a (near
/// theta = 0.29 pi, where the speed is low), so a car of wheelbase L needs steering up to atan(4.79 L / a): size
/// the figure accordingly.
/// The yaw wraps at +/-pi; consumers must wrap angle differences.</para>
/// <para><b>Parameters.</b> <c>centre_x_m</c> (default 0), <c>centre_y_m</c> (default 0), <c>size_m</c> (half-width a,
/// default 5 m), <c>period_s</c> (default 30 s).</para>
/// </remarks>
public sealed class FigureEightReference : IReferenceSource
{
    private readonly double _omega;

    /// <summary>The declared parameters.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        ParameterDescriptor.Double("centre_x_m", 0.0, "m", "x of the crossing point of the figure eight."),
        ParameterDescriptor.Double("centre_y_m", 0.0, "m", "y of the crossing point of the figure eight."),
        ParameterDescriptor.Double("size_m", 5.0, "m", "Half-width a of the figure eight along x (its height along y is a).", minimum: 0.0),
        ParameterDescriptor.Double("period_s", 30.0, "s", "Time for one full figure eight.", minimum: 1e-3),
    ];

    /// <summary>Creates the trajectory.</summary>
    /// <exception cref="ArgumentException">A value is not finite, the size is not positive or the period is not positive.</exception>
    public FigureEightReference(double centreXM, double centreYM, double sizeM, double periodS)
    {
        ReferenceChecks.Finite(centreXM, "centre_x_m");
        ReferenceChecks.Finite(centreYM, "centre_y_m");
        ReferenceChecks.Positive(sizeM, "size_m");
        ReferenceChecks.Positive(periodS, "period_s");
        CentreXM = centreXM;
        CentreYM = centreYM;
        SizeM = sizeM;
        PeriodS = periodS;
        _omega = 2.0 * Math.PI / periodS;
    }

    /// <summary>x of the centre, m.</summary>
    public double CentreXM { get; }

    /// <summary>y of the centre, m.</summary>
    public double CentreYM { get; }

    /// <summary>Half-width a, m.</summary>
    public double SizeM { get; }

    /// <summary>Period, s.</summary>
    public double PeriodS { get; }

    /// <inheritdoc />
    public int Size => 4;

    /// <summary>Builds the trajectory from parameters.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public static FigureEightReference FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new FigureEightReference(parameters.GetDouble("centre_x_m"), parameters.GetDouble("centre_y_m"),
            parameters.GetDouble("size_m"), parameters.GetDouble("period_s"));
    }

    /// <inheritdoc />
    public void Evaluate(SimTime time, Span<double> reference)
    {
        // Reduce the phase with integer nanoseconds first so long runs keep full precision.
        long periodNs = (long)Math.Round(PeriodS * SimTime.NanosecondsPerSecond);
        long phaseNs = periodNs > 0 ? time.Nanoseconds % periodNs : time.Nanoseconds;
        double theta = _omega * (phaseNs / (double)SimTime.NanosecondsPerSecond);
        double a = SizeM;
        double dx = a * _omega * Math.Cos(theta);
        double dy = a * _omega * Math.Cos(2.0 * theta);
        reference[0] = CentreXM + a * Math.Sin(theta);
        reference[1] = CentreYM + 0.5 * a * Math.Sin(2.0 * theta);
        reference[2] = Math.Atan2(dy, dx);
        reference[3] = Math.Sqrt(dx * dx + dy * dy);
    }
}
