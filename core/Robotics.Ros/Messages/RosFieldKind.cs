namespace Robotics.Ros.Messages;

/// <summary>The element kind of a ROS 2 message field (the type without array decoration).</summary>
public enum RosFieldKind
{
    /// <summary><c>bool</c>, C# <see cref="bool"/>.</summary>
    Bool,
    /// <summary><c>byte</c> (octet), C# <see cref="byte"/>.</summary>
    Byte,
    /// <summary><c>char</c> (uint8 in ROS 2), C# <see cref="byte"/>.</summary>
    Char,
    /// <summary><c>float32</c>, C# <see cref="float"/>.</summary>
    Float32,
    /// <summary><c>float64</c>, C# <see cref="double"/>.</summary>
    Float64,
    /// <summary><c>int8</c>, C# <see cref="sbyte"/>.</summary>
    Int8,
    /// <summary><c>uint8</c>, C# <see cref="byte"/>.</summary>
    UInt8,
    /// <summary><c>int16</c>, C# <see cref="short"/>.</summary>
    Int16,
    /// <summary><c>uint16</c>, C# <see cref="ushort"/>.</summary>
    UInt16,
    /// <summary><c>int32</c>, C# <see cref="int"/>.</summary>
    Int32,
    /// <summary><c>uint32</c>, C# <see cref="uint"/>.</summary>
    UInt32,
    /// <summary><c>int64</c>, C# <see cref="long"/>.</summary>
    Int64,
    /// <summary><c>uint64</c>, C# <see cref="ulong"/>.</summary>
    UInt64,
    /// <summary><c>string</c> (optionally bounded), C# <see cref="string"/>.</summary>
    String,
    /// <summary><c>wstring</c> (UTF-16 on the wire), C# <see cref="string"/>.</summary>
    WString,
    /// <summary>A nested message type.</summary>
    Message,
}
