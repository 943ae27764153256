using System.Globalization;

namespace Robotics.Core.Parameters;

/// <summary>A typed parameter value (one of the <see cref="ParameterType"/> kinds).</summary>
public readonly struct ParameterValue : IEquatable<ParameterValue>
{
    private readonly long _integer;
    private readonly double _double;
    private readonly object? _reference;

    private ParameterValue(ParameterType type, long integer, double number, object? reference)
    {
        Type = type;
        _integer = integer;
        _double = number;
        _reference = reference;
    }

    /// <summary>The value's type.</summary>
    public ParameterType Type { get; }

    /// <summary>A boolean value.</summary>
    public static ParameterValue FromBool(bool value) => new(ParameterType.Bool, value ? 1 : 0, 0, null);

    /// <summary>An integer value.</summary>
    public static ParameterValue FromInteger(long value) => new(ParameterType.Integer, value, 0, null);

    /// <summary>A floating-point value.</summary>
    public static ParameterValue FromDouble(double value) => new(ParameterType.Double, 0, value, null);

    /// <summary>A string value.</summary>
    public static ParameterValue FromString(string value) => new(ParameterType.String, 0, 0, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>An array of doubles (copied).</summary>
    public static ParameterValue FromDoubleArray(ReadOnlySpan<double> value) => new(ParameterType.DoubleArray, 0, 0, value.ToArray());

    /// <summary>The boolean value.</summary>
    public bool AsBool() => Type == ParameterType.Bool ? _integer != 0 : throw WrongType(ParameterType.Bool);

    /// <summary>The integer value.</summary>
    public long AsInteger() => Type == ParameterType.Integer ? _integer : throw WrongType(ParameterType.Integer);

    /// <summary>The value as a double; integers are widened.</summary>
    public double AsDouble() => Type switch
    {
        ParameterType.Double => _double,
        ParameterType.Integer => _integer,
        _ => throw WrongType(ParameterType.Double),
    };

    /// <summary>The string value.</summary>
    public string AsString() => Type == ParameterType.String ? (string)_reference! : throw WrongType(ParameterType.String);

    /// <summary>The array value.</summary>
    public ReadOnlySpan<double> AsDoubleArray() => Type == ParameterType.DoubleArray ? (double[])_reference! : throw WrongType(ParameterType.DoubleArray);

    /// <inheritdoc />
    public bool Equals(ParameterValue other)
    {
        if (Type != other.Type) return false;
        return Type switch
        {
            ParameterType.Bool or ParameterType.Integer => _integer == other._integer,
            ParameterType.Double => _double.Equals(other._double),
            ParameterType.String => string.Equals((string?)_reference, (string?)other._reference, StringComparison.Ordinal),
            ParameterType.DoubleArray => ((double[])_reference!).AsSpan().SequenceEqual((double[])other._reference!),
            _ => false,
        };
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ParameterValue v && Equals(v);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Type, _integer, _double, Type == ParameterType.String ? _reference : null);

    /// <summary>Equality.</summary>
    public static bool operator ==(ParameterValue a, ParameterValue b) => a.Equals(b);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ParameterValue a, ParameterValue b) => !a.Equals(b);

    /// <summary>The value as it would be written in YAML (invariant culture).</summary>
    public override string ToString() => Type switch
    {
        ParameterType.Bool => _integer != 0 ? "true" : "false",
        ParameterType.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        ParameterType.Double => NumberText.Format(_double),
        ParameterType.String => (string)_reference!,
        ParameterType.DoubleArray => "[" + string.Join(", ", ((double[])_reference!).Select(NumberText.Format)) + "]",
        _ => "?",
    };

    private InvalidOperationException WrongType(ParameterType wanted) =>
        new($"Parameter value is of type {Type}, not {wanted}.");
}
