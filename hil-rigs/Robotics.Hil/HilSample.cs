using System.Buffers.Binary;

namespace Robotics.Hil;

/// <summary>SAMPLE body (PROTOCOL.md section 3).</summary>
public sealed record HilSample(uint Seq, ulong McuUs, uint LastCmdSeq, ulong CmdAppliedUs, byte Status, float[] Channels,
    float[] Outputs, float[] Actuators)
{
    public const byte Armed = 0x01, Fault = 0x02, Safe = 0x04, Npc = 0x08, Clamped = 0x10, Emulated = 0x20;

    public static HilSample Parse(byte[] b, HilHello hello)
    {
        Assert.True(b.Length >= hello.SampleBodySize, $"SAMPLE body is {b.Length} bytes, expected {hello.SampleBodySize}");
        float F(int i) => BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(25 + (4 * i)));
        var channels = Enumerable.Range(0, hello.Channels).Select(F).ToArray();
        var outputs = Enumerable.Range(hello.Channels, hello.Outputs).Select(F).ToArray();
        var actuators = Enumerable.Range(hello.Channels + hello.Outputs, hello.Inputs).Select(F).ToArray();
        return new HilSample(BinaryPrimitives.ReadUInt32LittleEndian(b), BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(4)),
            BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(12)), BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(16)), b[24],
            channels, outputs, actuators);
    }
}
