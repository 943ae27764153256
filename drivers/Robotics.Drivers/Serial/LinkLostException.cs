namespace Robotics.Drivers.Serial;

/// <summary>The serial device went away (hang-up, unplug, I/O error) or stopped accepting bytes.</summary>
public sealed class LinkLostException : IOException
{
    /// <summary>Creates the exception with a message naming the port and the cause.</summary>
    public LinkLostException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public LinkLostException() : base("The serial link was lost.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LinkLostException(string message) : base(message)
    {
    }
}
