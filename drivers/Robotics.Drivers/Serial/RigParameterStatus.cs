namespace Robotics.Drivers.Serial;

/// <summary>PARAM_VALUE.status.</summary>
public enum RigParameterStatus : byte
{
    /// <summary>Read or written.</summary>
    Ok = 0,

    /// <summary>No such parameter (value NaN).</summary>
    UnknownId = 1,

    /// <summary>Read-only; value is the unchanged current value.</summary>
    ReadOnly = 2,

    /// <summary>Rejected as out of range; value is the unchanged current value.</summary>
    OutOfRange = 3,

    /// <summary>Not supported by this firmware (value NaN).</summary>
    Unsupported = 4,
}
