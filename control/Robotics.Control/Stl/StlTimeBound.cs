namespace Robotics.Control.Stl;

/// <summary>One end of a temporal operator's interval: a time in seconds, a number of samples, or infinity.</summary>
/// <param name="Value">Seconds when <see cref="InSteps"/> is false, samples when true; <see cref="double.PositiveInfinity"/> for an unbounded end.</param>
/// <param name="InSteps">True when the bound was written in samples (<c>10 steps</c>), false for seconds (<c>1.5</c>, <c>1.5s</c>, <c>200ms</c>).</param>
public readonly record struct StlTimeBound(double Value, bool InSteps)
{
    /// <summary>An unbounded end (<c>inf</c>).</summary>
    public static StlTimeBound Infinity { get; } = new(double.PositiveInfinity, false);

    /// <summary>True for <c>inf</c>.</summary>
    public bool IsInfinite => double.IsPositiveInfinity(Value);

    /// <summary>
    /// The bound in samples for a trace sampled every <paramref name="samplePeriodSeconds"/>, or null with a reason when a
    /// time bound is not a whole number of samples (the monitor works on samples and will not round silently).
    /// </summary>
    /// <param name="samplePeriodSeconds">The sample period, seconds (&gt; 0).</param>
    /// <param name="steps">The bound in samples (<see cref="int.MaxValue"/> when infinite).</param>
    /// <returns>Null on success, otherwise what is wrong.</returns>
    public string? TryToSteps(double samplePeriodSeconds, out int steps)
    {
        if (IsInfinite)
        {
            steps = int.MaxValue;
            return null;
        }

        double exact = InSteps ? Value : Value / samplePeriodSeconds;
        double rounded = Math.Round(exact);
        if (Math.Abs(exact - rounded) > 1e-6 * Math.Max(1.0, Math.Abs(exact)) || rounded > int.MaxValue / 4)
        {
            steps = 0;
            return InSteps
                ? $"{Value} steps is not a whole number of samples"
                : $"{Value} s is not a whole number of sample periods ({samplePeriodSeconds} s); use a multiple of the period or give the bound in steps";
        }

        steps = (int)rounded;
        return null;
    }

    /// <inheritdoc />
    public override string ToString() =>
        IsInfinite ? "inf" : InSteps ? $"{Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} steps"
        : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
