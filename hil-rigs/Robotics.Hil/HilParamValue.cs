using System.Buffers.Binary;

namespace Robotics.Hil;

/// <summary>PARAM_VALUE body (6 bytes).</summary>
public sealed record HilParamValue(byte Id, float Value, byte Status)
{
    public const byte Ok = 0, UnknownId = 1, ReadOnly = 2, OutOfRange = 3, Unsupported = 4;
    public const byte StreamHz = 0x01, WatchdogMs = 0x02, UMin = 0x20, UMax = 0x21, SafeValue = 0x22, LoopHz = 0x23;

    public static HilParamValue Parse(byte[] b)
    {
        Assert.True(b.Length >= 6, $"PARAM_VALUE body is {b.Length} bytes, expected 6");
        return new HilParamValue(b[0], BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(1)), b[5]);
    }
}
