using Robotics.Control.Loop;
using Robotics.Core.Parameters;
using Robotics.Core.Time;

namespace Robotics.Control.References;

/// <summary>A scalar step: <c>initial_value</c> before <c>step_time_s</c>, <c>final_value</c> from then on.</summary>
/// <remarks>
/// <para><b>Output</b> (size 1). r(t) = initial for t &lt; t_step, final for t &gt;= t_step.</para>
/// <para><b>Parameters.</b> <c>initial_value</c> (default 0), <c>final_value</c> (default 1), <c>step_time_s</c> (default 1 s).</para>
/// </remarks>
public sealed class StepReference : IReferenceSource
{
    private readonly SimTime _stepTime;

    /// <summary>The declared parameters.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        ParameterDescriptor.Double("initial_value", 0.0, "", "Value before the step."),
        ParameterDescriptor.Double("final_value", 1.0, "", "Value from the step time on."),
        ParameterDescriptor.Double("step_time_s", 1.0, "s", "Time of the step.", minimum: 0.0),
    ];

    /// <summary>Creates the step.</summary>
    /// <exception cref="ArgumentException">A value is not finite or the step time is negative.</exception>
    public StepReference(double initialValue, double finalValue, double stepTimeS)
    {
        ReferenceChecks.Finite(initialValue, "initial_value");
        ReferenceChecks.Finite(finalValue, "final_value");
        ReferenceChecks.NonNegative(stepTimeS, "step_time_s");
        InitialValue = initialValue;
        FinalValue = finalValue;
        StepTimeS = stepTimeS;
        _stepTime = SimTime.FromSeconds(stepTimeS);
    }

    /// <summary>Value before the step.</summary>
    public double InitialValue { get; }

    /// <summary>Value from the step time on.</summary>
    public double FinalValue { get; }

    /// <summary>Step time, s.</summary>
    public double StepTimeS { get; }

    /// <inheritdoc />
    public int Size => 1;

    /// <summary>Builds the step from parameters.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public static StepReference FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new StepReference(parameters.GetDouble("initial_value"), parameters.GetDouble("final_value"), parameters.GetDouble("step_time_s"));
    }

    /// <inheritdoc />
    public void Evaluate(SimTime time, Span<double> reference) => reference[0] = time >= _stepTime ? FinalValue : InitialValue;
}
