using System.Buffers.Binary;

namespace Robotics.Drivers.Serial;

/// <summary>
/// Body encoders and decoders for every rig message (little-endian, packed, f32 = IEEE-754 binary32),
/// mirroring hil-rigs/common/proto.h. Decoders accept longer bodies (a newer minor version appends fields)
/// and return false when a body is too short. Allocation-free.
/// </summary>
public static class RigWire
{
    /// <summary>HELLO_REQ body size.</summary>
    public const int HelloRequestSize = 6;

    /// <summary>HEARTBEAT body size.</summary>
    public const int HeartbeatSize = 8;

    /// <summary>Fixed part of a CMD body (cmd_seq u32, host_us u64).</summary>
    public const int CommandFixedSize = 12;

    /// <summary>Writes a HELLO_REQ body; returns its length.</summary>
    public static int WriteHelloRequest(Span<byte> body, uint nonce, byte major, byte minor)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(body, nonce);
        body[4] = major;
        body[5] = minor;
        return HelloRequestSize;
    }

    /// <summary>Reads a HELLO_REQ body.</summary>
    public static bool TryReadHelloRequest(ReadOnlySpan<byte> body, out uint nonce, out byte major, out byte minor)
    {
        nonce = 0;
        major = minor = 0;
        if (body.Length < HelloRequestSize) return false;
        nonce = BinaryPrimitives.ReadUInt32LittleEndian(body);
        major = body[4];
        minor = body[5];
        return true;
    }

    /// <summary>Writes a HELLO_RSP body; returns its length.</summary>
    public static int WriteHelloResponse(Span<byte> body, in RigHello hello)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(body, hello.Nonce);
        body[4] = hello.Major;
        body[5] = hello.Minor;
        BinaryPrimitives.WriteUInt32LittleEndian(body[6..], hello.FirmwareBuild);
        body[10] = (byte)hello.RigType;
        body[11] = hello.InputCount;
        body[12] = hello.OutputCount;
        body[13] = hello.ChannelCount;
        BinaryPrimitives.WriteUInt16LittleEndian(body[14..], hello.StreamHz);
        BinaryPrimitives.WriteUInt16LittleEndian(body[16..], hello.WatchdogMilliseconds);
        BinaryPrimitives.WriteUInt16LittleEndian(body[18..], (ushort)hello.Capabilities);
        BinaryPrimitives.WriteUInt64LittleEndian(body[20..], hello.McuMicroseconds);
        return RigHello.BodySize;
    }

    /// <summary>Reads a HELLO_RSP body.</summary>
    public static bool TryReadHelloResponse(ReadOnlySpan<byte> body, out RigHello hello)
    {
        hello = default;
        if (body.Length < RigHello.BodySize) return false;
        hello = new RigHello(
            BinaryPrimitives.ReadUInt32LittleEndian(body),
            body[4],
            body[5],
            BinaryPrimitives.ReadUInt32LittleEndian(body[6..]),
            (RigType)body[10],
            body[11],
            body[12],
            body[13],
            BinaryPrimitives.ReadUInt16LittleEndian(body[14..]),
            BinaryPrimitives.ReadUInt16LittleEndian(body[16..]),
            (RigCapabilities)BinaryPrimitives.ReadUInt16LittleEndian(body[18..]),
            BinaryPrimitives.ReadUInt64LittleEndian(body[20..]));
        return true;
    }

    /// <summary>Writes a SAMPLE body from <paramref name="sample"/>; returns its length.</summary>
    public static int WriteSample(Span<byte> body, RigSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        BinaryPrimitives.WriteUInt32LittleEndian(body, sample.SampleSequence);
        BinaryPrimitives.WriteUInt64LittleEndian(body[4..], sample.McuMicroseconds);
        BinaryPrimitives.WriteUInt32LittleEndian(body[12..], sample.LastCommandSequence);
        BinaryPrimitives.WriteUInt64LittleEndian(body[16..], sample.CommandAppliedMicroseconds);
        body[24] = (byte)sample.Status;
        int offset = RigSample.FixedSize;
        offset = WriteFloats(body, offset, sample.Channels);
        offset = WriteFloats(body, offset, sample.Outputs);
        return WriteFloats(body, offset, sample.Actuators);
    }

    /// <summary>Reads a SAMPLE body into <paramref name="sample"/> (whose counts fix the expected size).</summary>
    public static bool TryReadSample(ReadOnlySpan<byte> body, RigSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (body.Length < sample.BodySize) return false;
        sample.SampleSequence = BinaryPrimitives.ReadUInt32LittleEndian(body);
        sample.McuMicroseconds = BinaryPrimitives.ReadUInt64LittleEndian(body[4..]);
        sample.LastCommandSequence = BinaryPrimitives.ReadUInt32LittleEndian(body[12..]);
        sample.CommandAppliedMicroseconds = BinaryPrimitives.ReadUInt64LittleEndian(body[16..]);
        sample.Status = (RigSampleStatus)body[24];
        int offset = RigSample.FixedSize;
        offset = ReadFloats(body, offset, sample.Channels);
        offset = ReadFloats(body, offset, sample.Outputs);
        ReadFloats(body, offset, sample.Actuators);
        return true;
    }

    /// <summary>Writes a CMD body; returns its length.</summary>
    public static int WriteCommand(Span<byte> body, uint commandSequence, ulong hostMicroseconds, ReadOnlySpan<float> actuators)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(body, commandSequence);
        BinaryPrimitives.WriteUInt64LittleEndian(body[4..], hostMicroseconds);
        return WriteFloats(body, CommandFixedSize, actuators);
    }

    /// <summary>Reads a CMD body header; the actuator floats follow at <see cref="CommandFixedSize"/>.</summary>
    public static bool TryReadCommand(ReadOnlySpan<byte> body, out uint commandSequence, out ulong hostMicroseconds, Span<float> actuators)
    {
        commandSequence = 0;
        hostMicroseconds = 0;
        if (body.Length < CommandFixedSize + 4 * actuators.Length) return false;
        commandSequence = BinaryPrimitives.ReadUInt32LittleEndian(body);
        hostMicroseconds = BinaryPrimitives.ReadUInt64LittleEndian(body[4..]);
        ReadFloats(body, CommandFixedSize, actuators);
        return true;
    }

    /// <summary>Writes a HEARTBEAT body; returns its length.</summary>
    public static int WriteHeartbeat(Span<byte> body, ulong hostMicroseconds)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(body, hostMicroseconds);
        return HeartbeatSize;
    }

    /// <summary>Writes a HEARTBEAT_RSP body; returns its length.</summary>
    public static int WriteHeartbeatReply(Span<byte> body, in RigHeartbeatReply reply)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(body, reply.EchoHostMicroseconds);
        BinaryPrimitives.WriteUInt64LittleEndian(body[8..], reply.McuMicroseconds);
        BinaryPrimitives.WriteUInt32LittleEndian(body[16..], reply.ReceivedOk);
        BinaryPrimitives.WriteUInt32LittleEndian(body[20..], reply.CrcErrors);
        BinaryPrimitives.WriteUInt32LittleEndian(body[24..], reply.CobsErrors);
        BinaryPrimitives.WriteUInt32LittleEndian(body[28..], reply.CommandGaps);
        BinaryPrimitives.WriteUInt32LittleEndian(body[32..], reply.TransmitDrops);
        return RigHeartbeatReply.BodySize;
    }

    /// <summary>Reads a HEARTBEAT_RSP body.</summary>
    public static bool TryReadHeartbeatReply(ReadOnlySpan<byte> body, out RigHeartbeatReply reply)
    {
        reply = default;
        if (body.Length < RigHeartbeatReply.BodySize) return false;
        reply = new RigHeartbeatReply(
            BinaryPrimitives.ReadUInt64LittleEndian(body),
            BinaryPrimitives.ReadUInt64LittleEndian(body[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(body[16..]),
            BinaryPrimitives.ReadUInt32LittleEndian(body[20..]),
            BinaryPrimitives.ReadUInt32LittleEndian(body[24..]),
            BinaryPrimitives.ReadUInt32LittleEndian(body[28..]),
            BinaryPrimitives.ReadUInt32LittleEndian(body[32..]));
        return true;
    }

    /// <summary>Writes a FAULT body; returns its length.</summary>
    public static int WriteFault(Span<byte> body, in RigFault fault)
    {
        body[0] = (byte)fault.Code;
        BinaryPrimitives.WriteUInt32LittleEndian(body[1..], fault.Detail);
        BinaryPrimitives.WriteUInt64LittleEndian(body[5..], fault.McuMicroseconds);
        return RigFault.BodySize;
    }

    /// <summary>Reads a FAULT body.</summary>
    public static bool TryReadFault(ReadOnlySpan<byte> body, out RigFault fault)
    {
        fault = default;
        if (body.Length < RigFault.BodySize) return false;
        fault = new RigFault((RigFaultCode)body[0], BinaryPrimitives.ReadUInt32LittleEndian(body[1..]), BinaryPrimitives.ReadUInt64LittleEndian(body[5..]));
        return true;
    }

    /// <summary>Writes a PARAM_GET body; returns its length.</summary>
    public static int WriteParameterGet(Span<byte> body, RigParameterId id)
    {
        body[0] = (byte)id;
        return 1;
    }

    /// <summary>Writes a PARAM_SET body; returns its length.</summary>
    public static int WriteParameterSet(Span<byte> body, RigParameterId id, float value)
    {
        body[0] = (byte)id;
        BinaryPrimitives.WriteSingleLittleEndian(body[1..], value);
        return 5;
    }

    /// <summary>Writes a PARAM_VALUE body; returns its length.</summary>
    public static int WriteParameterValue(Span<byte> body, in RigParameterValue value)
    {
        body[0] = (byte)value.Id;
        BinaryPrimitives.WriteSingleLittleEndian(body[1..], value.Value);
        body[5] = (byte)value.Status;
        return RigParameterValue.BodySize;
    }

    /// <summary>Reads a PARAM_VALUE body.</summary>
    public static bool TryReadParameterValue(ReadOnlySpan<byte> body, out RigParameterValue value)
    {
        value = default;
        if (body.Length < RigParameterValue.BodySize) return false;
        value = new RigParameterValue((RigParameterId)body[0], BinaryPrimitives.ReadSingleLittleEndian(body[1..]), (RigParameterStatus)body[5]);
        return true;
    }

    /// <summary>Writes a SETPOINT body; returns its length.</summary>
    public static int WriteSetpoint(Span<byte> body, ReadOnlySpan<float> targets) => WriteFloats(body, 0, targets);

    private static int WriteFloats(Span<byte> body, int offset, ReadOnlySpan<float> values)
    {
        foreach (float v in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(body[offset..], v);
            offset += 4;
        }

        return offset;
    }

    private static int ReadFloats(ReadOnlySpan<byte> body, int offset, Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(body[offset..]);
            offset += 4;
        }

        return offset;
    }
}
