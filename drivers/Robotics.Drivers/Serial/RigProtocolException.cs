namespace Robotics.Drivers.Serial;

/// <summary>
/// The device answered but cannot be used: a different protocol major version, or not the rig (type or
/// channel counts) the configuration expects. Not retried: fix the firmware or the configuration.
/// </summary>
public sealed class RigProtocolException : Exception
{
    /// <summary>Creates the exception with a message naming the port, what was expected and what was found.</summary>
    public RigProtocolException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public RigProtocolException() : base("The rig answered with an incompatible protocol or identity.")
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public RigProtocolException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
