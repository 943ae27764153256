using Robotics.Control.Loop;
using Robotics.Core.Parameters;
using Robotics.Core.Time;

namespace Robotics.Control.References;

/// <summary>A scalar ramp starting at a given time, optionally saturating.</summary>
/// <remarks>
/// <para><b>Output</b> (size 1). r(t) = r0 for t &lt; t0, and clamp(r0 + s (t - t0), r_min, r_max) from t0 on.</para>
/// <para><b>Parameters.</b> <c>start_value</c> r0 (default 0), <c>slope_per_s</c> s (default 1 per s),
/// <c>start_time_s</c> t0 (default 0 s), <c>output_min</c> r_min (default -inf), <c>output_max</c> r_max (default +inf).
/// r0 must lie within [r_min, r_max].</para>
/// </remarks>
public sealed class RampReference : IReferenceSource
{
    /// <summary>The declared parameters.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        ParameterDescriptor.Double("start_value", 0.0, "", "Value before and at the start time."),
        ParameterDescriptor.Double("slope_per_s", 1.0, "1/s", "Rate of change after the start time (reference units per second)."),
        ParameterDescriptor.Double("start_time_s", 0.0, "s", "Time the ramp starts.", minimum: 0.0),
        ParameterDescriptor.Double("output_min", double.NegativeInfinity, "", "Lower saturation of the ramp; -inf = none."),
        ParameterDescriptor.Double("output_max", double.PositiveInfinity, "", "Upper saturation of the ramp; +inf = none."),
    ];

    /// <summary>Creates the ramp.</summary>
    /// <exception cref="ArgumentException">A value is not finite, the limits are inconsistent or exclude the start value.</exception>
    public RampReference(double startValue, double slopePerS, double startTimeS = 0.0,
        double outputMin = double.NegativeInfinity, double outputMax = double.PositiveInfinity)
    {
        ReferenceChecks.Finite(startValue, "start_value");
        ReferenceChecks.Finite(slopePerS, "slope_per_s");
        ReferenceChecks.NonNegative(startTimeS, "start_time_s");
        if (double.IsNaN(outputMin) || double.IsNaN(outputMax) || !(outputMin <= startValue && startValue <= outputMax))
        {
            throw new ArgumentException(
                $"Parameters 'output_min' = {outputMin} and 'output_max' = {outputMax} must satisfy output_min <= start_value ({startValue}) <= output_max.");
        }

        StartValue = startValue;
        SlopePerS = slopePerS;
        StartTimeS = startTimeS;
        OutputMin = outputMin;
        OutputMax = outputMax;
    }

    /// <summary>Value before and at the start time.</summary>
    public double StartValue { get; }

    /// <summary>Slope, reference units per second.</summary>
    public double SlopePerS { get; }

    /// <summary>Start time, s.</summary>
    public double StartTimeS { get; }

    /// <summary>Lower saturation.</summary>
    public double OutputMin { get; }

    /// <summary>Upper saturation.</summary>
    public double OutputMax { get; }

    /// <inheritdoc />
    public int Size => 1;

    /// <summary>Builds the ramp from parameters.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public static RampReference FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new RampReference(parameters.GetDouble("start_value"), parameters.GetDouble("slope_per_s"), parameters.GetDouble("start_time_s"),
            parameters.GetDouble("output_min"), parameters.GetDouble("output_max"));
    }

    /// <inheritdoc />
    public void Evaluate(SimTime time, Span<double> reference)
    {
        double elapsed = Math.Max(0.0, time.Seconds - StartTimeS);
        reference[0] = Math.Clamp(StartValue + SlopePerS * elapsed, OutputMin, OutputMax);
    }
}
