using Robotics.Control.Loop;
using Robotics.Core.Parameters;
using Robotics.Core.Time;

namespace Robotics.Control.References;

/// <summary>A scalar sinusoid.</summary>
/// <remarks>
/// <para><b>Output</b> (size 1). r(t) = offset + amplitude sin(2 pi f t + phase).</para>
/// <para><b>Parameters.</b> <c>offset</c> (default 0), <c>amplitude</c> (default 1), <c>frequency_hz</c> f
/// (default 0.5 Hz, &gt;= 0), <c>phase_rad</c> (default 0 rad).</para>
/// </remarks>
public sealed class SineReference : IReferenceSource
{
    private readonly double _omega;

    /// <summary>The declared parameters.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        ParameterDescriptor.Double("offset", 0.0, "", "Mean value."),
        ParameterDescriptor.Double("amplitude", 1.0, "", "Amplitude (half the peak-to-peak swing)."),
        ParameterDescriptor.Double("frequency_hz", 0.5, "Hz", "Frequency.", minimum: 0.0),
        ParameterDescriptor.Double("phase_rad", 0.0, "rad", "Phase at t = 0."),
    ];

    /// <summary>Creates the sinusoid.</summary>
    /// <exception cref="ArgumentException">A value is not finite or the frequency is negative.</exception>
    public SineReference(double offset, double amplitude, double frequencyHz, double phaseRad = 0.0)
    {
        ReferenceChecks.Finite(offset, "offset");
        ReferenceChecks.Finite(amplitude, "amplitude");
        ReferenceChecks.NonNegative(frequencyHz, "frequency_hz");
        ReferenceChecks.Finite(phaseRad, "phase_rad");
        Offset = offset;
        Amplitude = amplitude;
        FrequencyHz = frequencyHz;
        PhaseRad = phaseRad;
        _omega = 2.0 * Math.PI * frequencyHz;
    }

    /// <summary>Mean value.</summary>
    public double Offset { get; }

    /// <summary>Amplitude.</summary>
    public double Amplitude { get; }

    /// <summary>Frequency, Hz.</summary>
    public double FrequencyHz { get; }

    /// <summary>Phase at t = 0, rad.</summary>
    public double PhaseRad { get; }

    /// <inheritdoc />
    public int Size => 1;

    /// <summary>Builds the sinusoid from parameters.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public static SineReference FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new SineReference(parameters.GetDouble("offset"), parameters.GetDouble("amplitude"),
            parameters.GetDouble("frequency_hz"), parameters.GetDouble("phase_rad"));
    }

    /// <inheritdoc />
    public void Evaluate(SimTime time, Span<double> reference) =>
        reference[0] = Offset + Amplitude * Math.Sin(_omega * time.Seconds + PhaseRad);
}
