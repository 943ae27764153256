namespace Robotics.Core.Parameters;

/// <summary>
/// Describes one parameter: name, type, default, allowed range, unit, whether it may change after
/// start-up, and what it means. Mirrors rcl_interfaces/ParameterDescriptor so parameters can be served
/// over ROS 2 unchanged.
/// </summary>
public sealed record ParameterDescriptor
{
    /// <summary>Creates a descriptor; the default must itself be valid.</summary>
    /// <exception cref="ArgumentException">The descriptor is inconsistent (bad name, bad range, invalid default).</exception>
    public ParameterDescriptor(string name, ParameterType type, ParameterValue defaultValue, string description,
        string unit = "", double? minimum = null, double? maximum = null, bool readOnly = false, int? arrayLength = null)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '.')))
        {
            throw new ArgumentException($"Parameter name '{name}' must be lower_snake words separated by '.'.", nameof(name));
        }

        if (minimum is { } lo && maximum is { } hi && lo > hi)
        {
            throw new ArgumentException($"Parameter '{name}': minimum {lo} is above maximum {hi}.");
        }

        Name = name;
        Type = type;
        Description = description;
        Unit = unit;
        Minimum = minimum;
        Maximum = maximum;
        ReadOnly = readOnly;
        ArrayLength = arrayLength;
        var check = Validate(defaultValue);
        if (!check.IsValid)
        {
            throw new ArgumentException($"Default of parameter '{name}' is invalid: {check.Message}");
        }

        DefaultValue = check.Value;
    }

    /// <summary>The parameter's name (lower_snake, dots separate namespaces).</summary>
    public string Name { get; }

    /// <summary>The parameter's type.</summary>
    public ParameterType Type { get; }

    /// <summary>The value used when none is given.</summary>
    public ParameterValue DefaultValue { get; }

    /// <summary>What the parameter means.</summary>
    public string Description { get; }

    /// <summary>The SI unit, e.g. <c>kg</c>, <c>N/m</c>, <c>rad/s</c>; empty for dimensionless.</summary>
    public string Unit { get; }

    /// <summary>Inclusive lower bound for numbers (every element of an array).</summary>
    public double? Minimum { get; }

    /// <summary>Inclusive upper bound for numbers (every element of an array).</summary>
    public double? Maximum { get; }

    /// <summary>True when the value is fixed after start-up.</summary>
    public bool ReadOnly { get; }

    /// <summary>Required array length, or null for any length.</summary>
    public int? ArrayLength { get; }

    /// <summary>A double parameter with an optional range.</summary>
    public static ParameterDescriptor Double(string name, double defaultValue, string unit, string description,
        double? minimum = null, double? maximum = null, bool readOnly = false) =>
        new(name, ParameterType.Double, ParameterValue.FromDouble(defaultValue), description, unit, minimum, maximum, readOnly);

    /// <summary>An integer parameter with an optional range.</summary>
    public static ParameterDescriptor Integer(string name, long defaultValue, string unit, string description,
        long? minimum = null, long? maximum = null, bool readOnly = false) =>
        new(name, ParameterType.Integer, ParameterValue.FromInteger(defaultValue), description, unit, minimum, maximum, readOnly);

    /// <summary>A boolean parameter.</summary>
    public static ParameterDescriptor Bool(string name, bool defaultValue, string description, bool readOnly = false) =>
        new(name, ParameterType.Bool, ParameterValue.FromBool(defaultValue), description, readOnly: readOnly);

    /// <summary>A string parameter.</summary>
    public static ParameterDescriptor String(string name, string defaultValue, string description, bool readOnly = false) =>
        new(name, ParameterType.String, ParameterValue.FromString(defaultValue), description, readOnly: readOnly);

    /// <summary>A double-array parameter with an optional fixed length and per-element range.</summary>
    public static ParameterDescriptor DoubleArray(string name, double[] defaultValue, string unit, string description,
        int? length = null, double? minimum = null, double? maximum = null, bool readOnly = false) =>
        new(name, ParameterType.DoubleArray, ParameterValue.FromDoubleArray(defaultValue), description, unit, minimum, maximum, readOnly, length);

    /// <summary>
    /// Checks a value against the type, range and length. Integers are accepted for double parameters and
    /// widened. The message names the parameter, the value and the allowed range.
    /// </summary>
    public ParameterValidation Validate(ParameterValue value)
    {
        if (Type == ParameterType.Double && value.Type == ParameterType.Integer)
        {
            value = ParameterValue.FromDouble(value.AsDouble());
        }

        if (value.Type != Type)
        {
            return ParameterValidation.Invalid(this, value,
                $"parameter '{Name}' must be of type {TypeName(Type)}, but the value '{value}' is of type {TypeName(value.Type)}");
        }

        switch (Type)
        {
            case ParameterType.Double:
            case ParameterType.Integer:
                return CheckNumber(value.AsDouble(), value, "");
            case ParameterType.DoubleArray:
                var array = value.AsDoubleArray();
                if (ArrayLength is { } n && array.Length != n)
                {
                    return ParameterValidation.Invalid(this, value,
                        $"parameter '{Name}' must have {n} elements, but '{value}' has {array.Length}");
                }

                for (int i = 0; i < array.Length; i++)
                {
                    var check = CheckNumber(array[i], value, $"[{i}]");
                    if (!check.IsValid) return check;
                }

                return ParameterValidation.Valid(value);
            default:
                return ParameterValidation.Valid(value);
        }
    }

    /// <summary>The allowed range as text, e.g. <c>[0, 100] N/m</c>, or empty when unbounded.</summary>
    public string RangeText()
    {
        if (Minimum is null && Maximum is null) return "";
        string lo = Minimum is { } a ? NumberText.Format(a) : "-inf";
        string hi = Maximum is { } b ? NumberText.Format(b) : "+inf";
        return $"[{lo}, {hi}]" + (Unit.Length > 0 ? " " + Unit : "");
    }

    private ParameterValidation CheckNumber(double x, ParameterValue value, string element)
    {
        if (double.IsNaN(x) || (Type != ParameterType.Integer && double.IsInfinity(x) && Minimum is not null && Maximum is not null))
        {
            return ParameterValidation.Invalid(this, value, $"parameter '{Name}{element}' = {Format(x)} is not a finite number; allowed range is {RangeText()}");
        }

        if ((Minimum is { } lo && x < lo) || (Maximum is { } hi && x > hi))
        {
            return ParameterValidation.Invalid(this, value,
                $"parameter '{Name}{element}' = {Format(x)} is outside the allowed range {RangeText()}; set a value within it");
        }

        return ParameterValidation.Valid(value);
    }

    private static string Format(double x) => NumberText.Format(x);

    internal static string TypeName(ParameterType type) => type switch
    {
        ParameterType.Bool => "bool",
        ParameterType.Integer => "integer",
        ParameterType.Double => "double",
        ParameterType.String => "string",
        ParameterType.DoubleArray => "double array",
        _ => type.ToString(),
    };
}
