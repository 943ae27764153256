namespace Robotics.Ros.Recording;

/// <summary>An MCAP file is malformed: bad magic, truncated record, CRC mismatch or inconsistent index. The message names the offset.</summary>
public sealed class McapFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, where (file offset) and, when known, how to fix it.</param>
    public McapFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public McapFormatException()
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public McapFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
