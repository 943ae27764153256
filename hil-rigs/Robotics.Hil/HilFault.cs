using System.Buffers.Binary;

namespace Robotics.Hil;

/// <summary>FAULT body (13 bytes).</summary>
public sealed record HilFault(byte Code, uint Detail, ulong McuUs)
{
    public const byte Watchdog = 1, Version = 2, Malformed = 3, NotArmed = 4, BadValue = 5, Unsupported = 6;

    public static HilFault Parse(byte[] b)
    {
        Assert.True(b.Length >= 13, $"FAULT body is {b.Length} bytes, expected 13");
        return new HilFault(b[0], BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(1)), BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(5)));
    }
}
