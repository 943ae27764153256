namespace Robotics.Drivers.Serial;

/// <summary>A PARAM_VALUE frame: the answer to PARAM_GET or PARAM_SET.</summary>
/// <param name="Id">The parameter.</param>
/// <param name="Value">Its current value (NaN for unknown or unsupported ids).</param>
/// <param name="Status">Whether the request succeeded.</param>
public readonly record struct RigParameterValue(RigParameterId Id, float Value, RigParameterStatus Status)
{
    /// <summary>Body size on the wire.</summary>
    public const int BodySize = 6;
}
