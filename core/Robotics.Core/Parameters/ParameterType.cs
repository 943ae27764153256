namespace Robotics.Core.Parameters;

/// <summary>The type of a parameter, matching the ROS 2 parameter types the service uses.</summary>
public enum ParameterType
{
    /// <summary>true or false.</summary>
    Bool,

    /// <summary>A signed 64-bit integer.</summary>
    Integer,

    /// <summary>A 64-bit floating-point number.</summary>
    Double,

    /// <summary>A string.</summary>
    String,

    /// <summary>An array of 64-bit floating-point numbers.</summary>
    DoubleArray,
}
