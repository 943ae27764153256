using Robotics.Control.Loop;
using Robotics.Core.Parameters;
using Robotics.Core.Time;

namespace Robotics.Control.References;

/// <summary>A constant reference vector (set-point regulation).</summary>
/// <remarks>
/// <para><b>Output.</b> r(t) = values for all t; size = number of values (at least one).</para>
/// <para><b>Parameters.</b> <c>values</c> (double array, default [0]).</para>
/// </remarks>
public sealed class ConstantReference : IReferenceSource
{
    private readonly double[] _values;

    /// <summary>The declared parameters.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        ParameterDescriptor.DoubleArray("values", [0.0], "", "The constant reference vector, in the units of the quantities it sets."),
    ];

    /// <summary>Creates the reference (the values are copied).</summary>
    /// <exception cref="ArgumentException">No values, or a value is not finite.</exception>
    public ConstantReference(params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw new ArgumentException("Parameter 'values' is empty; give at least one value.", nameof(values));
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Parameter 'values'[{i}] = {values[i]} is not finite; give finite values.", nameof(values));
            }
        }

        _values = (double[])values.Clone();
    }

    /// <inheritdoc />
    public int Size => _values.Length;

    /// <summary>Builds the reference from <c>values</c>.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public static ConstantReference FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new ConstantReference(parameters.GetDoubleArray("values").ToArray());
    }

    /// <inheritdoc />
    public void Evaluate(SimTime time, Span<double> reference) => _values.AsSpan().CopyTo(reference);
}
