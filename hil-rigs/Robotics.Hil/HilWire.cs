using System.Buffers.Binary;

namespace Robotics.Hil;

/// <summary>The conformance suite's own codec of the wire format (hil-rigs/PROTOCOL.md section 1), written from the
/// document rather than shared with the driver, so a driver bug and a firmware bug cannot cancel out.</summary>
public static class HilWire
{
    public const byte Version = 1;
    public const byte HelloReq = 0x01, HelloRsp = 0x02, Sample = 0x10, Cmd = 0x11, Heartbeat = 0x12, HeartbeatRsp = 0x13,
        Fault = 0x14, ParamGet = 0x20, ParamSet = 0x21, Setpoint = 0x22, ParamValue = 0x23;

    public static ushort Crc16(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }

        return crc;
    }

    /// <summary>COBS-encodes and appends the 0x00 delimiter.</summary>
    public static byte[] Frame(byte type, byte linkSeq, ReadOnlySpan<byte> body)
    {
        var raw = new byte[3 + body.Length + 2];
        raw[0] = Version;
        raw[1] = type;
        raw[2] = linkSeq;
        body.CopyTo(raw.AsSpan(3));
        BinaryPrimitives.WriteUInt16LittleEndian(raw.AsSpan(3 + body.Length), Crc16(raw.AsSpan(0, 3 + body.Length)));
        var output = new List<byte>(raw.Length + 3);
        var block = new List<byte>();
        foreach (var b in raw)
        {
            if (b == 0)
            {
                output.Add((byte)(block.Count + 1));
                output.AddRange(block);
                block.Clear();
                continue;
            }

            block.Add(b);
            if (block.Count == 254)
            {
                output.Add(0xFF);
                output.AddRange(block);
                block.Clear();
            }
        }

        output.Add((byte)(block.Count + 1));
        output.AddRange(block);
        output.Add(0);
        return [.. output];
    }

    /// <summary>Decodes one COBS frame (without delimiter); null when malformed.</summary>
    public static byte[]? CobsDecode(ReadOnlySpan<byte> encoded)
    {
        var output = new List<byte>(encoded.Length);
        var i = 0;
        while (i < encoded.Length)
        {
            int code = encoded[i++];
            if (code == 0)
                return null;
            for (var k = 1; k < code; k++)
            {
                if (i >= encoded.Length || encoded[i] == 0)
                    return null;
                output.Add(encoded[i++]);
            }

            if (code != 0xFF && i < encoded.Length)
                output.Add(0);
        }

        return [.. output];
    }
}
