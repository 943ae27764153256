using System.Buffers.Binary;
using System.Diagnostics;

namespace Robotics.Hil;

/// <summary>Protocol-level helpers over a <see cref="HilPort"/>: handshake, commands, heartbeats, parameters.</summary>
public sealed class HilClient(HilPort port) : IDisposable
{
    private static readonly TimeSpan Reply = TimeSpan.FromSeconds(1.5);

    public HilPort Port { get; } = port;

    /// <summary>The last successful handshake.</summary>
    public HilHello? Hello { get; private set; }

    /// <summary>Host clock in microseconds (CLOCK_MONOTONIC on Linux: the emulator's mcu_us uses the same clock).</summary>
    public static ulong HostMicroseconds() => (ulong)(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency * 1e6);

    /// <summary>HELLO_REQ until a HELLO_RSP with this nonce arrives (retry every 100 ms).</summary>
    public HilHello Handshake(uint nonce, byte major = 1)
    {
        var from = Port.Mark();
        var deadline = Stopwatch.GetTimestamp() + (2 * Stopwatch.Frequency);
        var b = new byte[6];
        while (Stopwatch.GetTimestamp() < deadline)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, nonce);
            b[4] = major;
            b[5] = 0;
            Port.Send(HilWire.HelloReq, b);
            var rsp = Port.WaitFor(from, f => f.Type == HilWire.HelloRsp && f.Body.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(f.Body) == nonce,
                TimeSpan.FromMilliseconds(100));
            if (rsp is not null)
                return (Hello = HilHello.Parse(rsp.Body));
        }

        throw new Xunit.Sdk.XunitException($"no HELLO_RSP with nonce {nonce:X8} within 2 s (port lost: {Port.Lost})");
    }

    /// <summary>Sends CMD; returns host_us stamped into it.</summary>
    public ulong Command(uint seq, params float[] actuators)
    {
        var b = new byte[12 + (4 * actuators.Length)];
        var now = HostMicroseconds();
        BinaryPrimitives.WriteUInt32LittleEndian(b, seq);
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(4), now);
        for (var i = 0; i < actuators.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(12 + (4 * i)), actuators[i]);
        Port.Send(HilWire.Cmd, b);
        return now;
    }

    public ulong Heartbeat()
    {
        Span<byte> b = stackalloc byte[8];
        var now = HostMicroseconds();
        BinaryPrimitives.WriteUInt64LittleEndian(b, now);
        Port.Send(HilWire.Heartbeat, b);
        return now;
    }

    public HilParamValue Param(byte id, float? set = null)
    {
        var from = Port.Mark();
        if (set is { } v)
        {
            Span<byte> b = stackalloc byte[5];
            b[0] = id;
            BinaryPrimitives.WriteSingleLittleEndian(b[1..], v);
            Port.Send(HilWire.ParamSet, b);
        }
        else
        {
            Port.Send(HilWire.ParamGet, [id]);
        }

        var rsp = Port.WaitFor(from, f => f.Type == HilWire.ParamValue && f.Body.Length >= 1 && f.Body[0] == id, Reply)
            ?? throw new Xunit.Sdk.XunitException($"no PARAM_VALUE for id 0x{id:X2} within {Reply.TotalSeconds} s");
        return HilParamValue.Parse(rsp.Body);
    }

    public HilSample? WaitSample(int from, Func<HilSample, bool> match, TimeSpan? timeout = null)
    {
        var hello = Hello ?? throw new InvalidOperationException("handshake first");
        var f = Port.WaitFor(from, f => f.Type == HilWire.Sample && match(HilSample.Parse(f.Body, hello)), timeout ?? Reply);
        return f is null ? null : HilSample.Parse(f.Body, hello);
    }

    public HilFault? WaitFault(int from, byte code, TimeSpan? timeout = null)
    {
        var f = Port.WaitFor(from, f => f.Type == HilWire.Fault && f.Body.Length >= 1 && f.Body[0] == code, timeout ?? Reply);
        return f is null ? null : HilFault.Parse(f.Body);
    }

    public List<HilSample> Samples(int from)
    {
        var hello = Hello ?? throw new InvalidOperationException("handshake first");
        return Port.Since(from).Where(f => f.Type == HilWire.Sample).Select(f => HilSample.Parse(f.Body, hello)).ToList();
    }

    public void Dispose() => Port.Dispose();
}
