using System.Buffers.Binary;

namespace Robotics.Hil;

/// <summary>HELLO_RSP body (28 bytes, PROTOCOL.md section 3).</summary>
public sealed record HilHello(uint Nonce, byte Major, byte Minor, uint FwBuild, byte RigType, byte Inputs, byte Outputs,
    byte Channels, ushort StreamHz, ushort WatchdogMs, ushort Capabilities, ulong McuUs)
{
    public static HilHello Parse(byte[] b)
    {
        Assert.True(b.Length >= 28, $"HELLO_RSP body is {b.Length} bytes, expected at least 28");
        return new HilHello(BinaryPrimitives.ReadUInt32LittleEndian(b), b[4], b[5], BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(6)),
            b[10], b[11], b[12], b[13], BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(14)), BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(16)),
            BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(18)), BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(20)));
    }

    public int SampleBodySize => 25 + (4 * (Channels + Outputs + Inputs));
}
