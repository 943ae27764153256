namespace Robotics.Ros.Messages;

/// <summary>Result of decoding an XCDR1 sample. Decoders never throw on bad bytes; they return one of these.</summary>
public enum CdrStatus
{
    /// <summary>The sample was decoded completely.</summary>
    Ok = 0,

    /// <summary>The data ended before the message was complete.</summary>
    Truncated,

    /// <summary>A length field (string or sequence) is impossible (negative, zero for a string, larger than the data).</summary>
    InvalidLength,

    /// <summary>A string is not NUL-terminated, contains an embedded NUL, or is not valid UTF-8.</summary>
    InvalidString,

    /// <summary>A bounded string or bounded sequence is longer than its bound, or a fixed array has the wrong length.</summary>
    BoundExceeded,

    /// <summary>The 4-byte encapsulation header is missing or is not CDR little/big endian (XCDR1).</summary>
    BadHeader,

    /// <summary>A boolean byte is neither 0 nor 1.</summary>
    InvalidBoolean,

    /// <summary>The target message object is not of the type this support handles.</summary>
    WrongType,
}
