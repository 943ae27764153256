namespace Robotics.Core.Parameters;

/// <summary>The outcome of validating a parameter value: valid (with the normalised value) or a reason.</summary>
public readonly record struct ParameterValidation
{
    private ParameterValidation(bool isValid, ParameterValue value, string message)
    {
        IsValid = isValid;
        Value = value;
        Message = message;
    }

    /// <summary>True when the value may be applied.</summary>
    public bool IsValid { get; }

    /// <summary>The value as it will be stored (integers widened to doubles where the type is double).</summary>
    public ParameterValue Value { get; }

    /// <summary>Why the value was rejected: the parameter, the value and what is allowed; empty when valid.</summary>
    public string Message { get; }

    /// <summary>A valid outcome.</summary>
    public static ParameterValidation Valid(ParameterValue value) => new(true, value, "");

    /// <summary>A rejection with a message.</summary>
    public static ParameterValidation Invalid(ParameterDescriptor? descriptor, ParameterValue value, string message) =>
        new(false, value, descriptor is { Description.Length: > 0 } d ? $"{message} ({d.Name}: {d.Description})" : message);
}
