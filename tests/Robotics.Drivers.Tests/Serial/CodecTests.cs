using System.Text;
using Robotics.Core.Randomness;
using Robotics.Drivers.Serial;

namespace Robotics.Drivers.Tests.Serial;

public sealed class CodecTests
{
    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    [Fact]
    public void Crc_OfCheckString_Is29B1()
    {
        // The CRC-16/CCITT-FALSE catalogue check value (Greg Cook's CRC catalogue; also in proto.h).
        Assert.Equal(0x29B1, Crc16CcittFalse.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Theory]
    // Worked examples from the COBS paper / Wikipedia "Consistent Overhead Byte Stuffing".
    [InlineData("00", "0101")]
    [InlineData("0000", "010101")]
    [InlineData("112200 33", "0311220233")]
    [InlineData("11223344", "0511223344")]
    [InlineData("11000000", "0211010101")]
    [InlineData("", "01")]
    public void Cobs_Encode_MatchesWorkedExamples(string source, string encoded)
    {
        byte[] input = Bytes(source);
        var buffer = new byte[Cobs.MaxEncodedLength(input.Length)];
        int n = Cobs.Encode(input, buffer);
        Assert.Equal(encoded, Hex(buffer.AsSpan(0, n)));
        var decoded = new byte[input.Length + 2];
        Assert.Equal(input.Length, Cobs.Decode(buffer.AsSpan(0, n), decoded));
        Assert.Equal(Hex(input), Hex(decoded.AsSpan(0, input.Length)));
    }

    [Theory]
    [InlineData("0311")] // code runs past the end
    [InlineData("021100")] // zero inside the block
    [InlineData("00")]
    public void Cobs_Decode_RejectsInvalidBlocks(string block)
    {
        Assert.Equal(-1, Cobs.Decode(Bytes(block), new byte[16]));
    }

    [Fact]
    public void Encode_MatchesWireExamplesInProtocolNote()
    {
        // Known answers from hil-rigs (H-fw, /work/notes/rig-protocol.md, checked independently in python there).
        Span<byte> body = stackalloc byte[64];
        Span<byte> wire = stackalloc byte[FrameCodec.MaxEncodedLength];

        int n = RigWire.WriteHelloRequest(body, 0x12345678, 1, 0);
        int w = FrameCodec.Encode((byte)RigMessageType.HelloRequest, 0, body[..n], wire);
        Assert.Equal("03010106785634120103C1DC00", Hex(wire[..w]));

        n = RigWire.WriteCommand(body, 7, 1_000_000, [0.5f, -1f]);
        w = FrameCodec.Encode((byte)RigMessageType.Command, 3, body[..n], wire);
        Assert.Equal("050111030701010440420F01010101010101023F010580BFCFC100", Hex(wire[..w]));

        n = RigWire.WriteHeartbeat(body, 0x0102030405060708);
        w = FrameCodec.Encode((byte)RigMessageType.Heartbeat, 255, body[..n], wire);
        Assert.Equal("0E0112FF0807060504030201AD8600", Hex(wire[..w]));
    }

    [Fact]
    public void CrcCobsAndFrames_MatchTheFirmwareImplementation()
    {
        // Differential test against hil-rigs/common/proto.c compiled with gcc: 300 seeded random inputs.
        using var oracle = new COracle();
        var rng = new Rng(20261128);
        for (int i = 0; i < 100; i++)
        {
            byte[] data = RandomBytes(rng, rng.NextInt(300), zeroChance: 0.2);
            Assert.Equal($"crc {Crc16CcittFalse.Compute(data):X4}", oracle.Ask($"crc {Hex(data)}"));
            var buffer = new byte[Cobs.MaxEncodedLength(data.Length)];
            int n = Cobs.Encode(data, buffer);
            Assert.Equal($"cobs {Hex(buffer.AsSpan(0, n))}", oracle.Ask($"cobs {Hex(data)}"));
        }

        // Runs around the 254-byte COBS block boundary (canonical COBS: no trailing code after a final full block).
        foreach (int length in new[] { 253, 254, 255, 507, 508, 509 })
        {
            byte[] run = Enumerable.Repeat((byte)0x5A, length).ToArray();
            byte[] zeroFirst = [0, .. run];
            foreach (byte[] data in new[] { run, zeroFirst })
            {
                var buffer = new byte[Cobs.MaxEncodedLength(data.Length)];
                int n = Cobs.Encode(data, buffer);
                Assert.Equal($"cobs {Hex(buffer.AsSpan(0, n))}", oracle.Ask($"cobs {Hex(data)}"));
                var decoded = new byte[data.Length];
                Assert.Equal(data.Length, Cobs.Decode(buffer.AsSpan(0, n), decoded));
                Assert.Equal(data, decoded);
            }
        }

        for (int i = 0; i < 200; i++)
        {
            byte[] body = RandomBytes(rng, rng.NextInt(FrameCodec.MaxBodyLength + 1), zeroChance: 0.3);
            byte type = (byte)rng.NextInt(256);
            byte seq = (byte)rng.NextInt(256);
            var wire = new byte[FrameCodec.MaxEncodedLength];
            int w = FrameCodec.Encode(type, seq, body, wire);
            Assert.True(w <= FrameCodec.MaxEncodedLength);
            Assert.Equal($"frame {Hex(wire.AsSpan(0, w))}", oracle.Ask($"frame {type} {seq} {(body.Length == 0 ? "-" : Hex(body))}"));
        }
    }

    [Fact]
    public void Decoder_CountsTheSameErrorsAsTheFirmwareDecoder()
    {
        // A stream of good frames with garbage, truncation and flipped bits, fed to both decoders.
        using var oracle = new COracle();
        var rng = new Rng(99);
        var stream = new List<byte>();
        var wire = new byte[FrameCodec.MaxEncodedLength];
        for (int i = 0; i < 40; i++)
        {
            byte[] body = RandomBytes(rng, rng.NextInt(60), zeroChance: 0.2);
            int w = FrameCodec.Encode(0x10, (byte)i, body, wire);
            byte[] frame = wire.AsSpan(0, w).ToArray();
            switch (i % 8)
            {
                case 3: frame[1 + rng.NextInt(w - 2)] ^= 0x10; break; // bit flip (CRC or COBS error)
                case 5: frame = frame[..(w / 2)]; break; // truncated: no delimiter, glued to the next frame
                case 7: stream.AddRange(RandomBytes(rng, 30, zeroChance: 0.1)); break; // garbage before a good frame
            }

            stream.AddRange(frame);
        }

        var frames = new StringBuilder();
        var codec = new FrameCodec((t, s, b) => frames.Append($" {t:X2}:{s:X2}:{Hex(b)}"));
        codec.Push(stream.ToArray());
        string answer = oracle.Ask($"decode {Hex(stream.ToArray())}");
        // proto.c counts wrong versions and bad lengths as COBS errors; so does the sum here.
        Assert.Equal($"decode ok={codec.Frames} crc={codec.CrcErrors} cobs={codec.CobsErrors + codec.LengthErrors + codec.VersionErrors}{frames}", answer);
        Assert.True(codec.Errors > 0, "the stream must contain errors for this test to mean anything");
    }

    [Fact]
    public void Decoder_RoundTripsEveryFrameSizeAndCountsEachErrorClass()
    {
        var seen = new List<(byte Type, byte Seq, int Length)>();
        var codec = new FrameCodec((t, s, b) => seen.Add((t, s, b.Length)));
        var wire = new byte[FrameCodec.MaxEncodedLength];
        for (int length = 0; length <= FrameCodec.MaxBodyLength; length++)
        {
            int w = FrameCodec.Encode(0x10, (byte)length, new byte[length], wire); // all-zero bodies: worst case for COBS
            codec.Push(wire.AsSpan(0, w));
        }

        Assert.Equal(FrameCodec.MaxBodyLength + 1, seen.Count);
        Assert.Equal(0, codec.Errors);

        // One of each error class.
        int good = FrameCodec.Encode(0x13, 1, [1, 2, 3], wire);
        byte[] badCrc = wire.AsSpan(0, good).ToArray();
        badCrc[^2] ^= 0x01;
        codec.Push(badCrc);
        Assert.Equal(1, codec.CrcErrors);

        codec.Push([0x05, 0x11, 0x00]); // code 5 needs 4 bytes: invalid COBS
        Assert.Equal(1, codec.CobsErrors);

        codec.Push([0x03, 0x01, 0x10, 0x00]); // valid COBS, 3 bytes: shorter than header + CRC
        Assert.Equal(1, codec.LengthErrors);

        codec.Push(Enumerable.Repeat((byte)0x55, FrameCodec.MaxEncodedLength + 10).Append((byte)0).ToArray()); // no delimiter for too long
        Assert.Equal(2, codec.LengthErrors);

        Span<byte> raw = [2, 0x10, 0, 0, 0];
        ushort crc = Crc16CcittFalse.Compute(raw[..3]);
        raw[3] = (byte)crc;
        raw[4] = (byte)(crc >> 8);
        var encoded = new byte[8];
        int e = Cobs.Encode(raw, encoded);
        codec.Push(encoded.AsSpan(0, e));
        codec.Push([0]);
        Assert.Equal(1, codec.VersionErrors);

        codec.Push(wire.AsSpan(0, good)); // and the decoder is still in sync
        Assert.Equal(FrameCodec.MaxBodyLength + 2, seen.Count);
    }

    [Fact]
    public void Encode_RejectsBodiesLongerThanTheProtocolAllows()
    {
        var wire = new byte[FrameCodec.MaxEncodedLength];
        Assert.Throws<ArgumentException>(() => FrameCodec.Encode(0x10, 0, new byte[FrameCodec.MaxBodyLength + 1], wire));
    }

    [Fact]
    public void Messages_RoundTripThroughTheirBodies()
    {
        var body = new byte[FrameCodec.MaxBodyLength];
        var hello = new RigHello(0xCAFEBABE, 1, 2, 77, RigType.Hasel, 6, 3, 18, 500, 100, RigCapabilities.Parameters | RigCapabilities.Heartbeat, 123456789012);
        Assert.Equal(RigHello.BodySize, RigWire.WriteHelloResponse(body, hello));
        Assert.True(RigWire.TryReadHelloResponse(body.AsSpan(0, RigHello.BodySize), out var helloBack));
        Assert.Equal(hello, helloBack);
        Assert.False(RigWire.TryReadHelloResponse(body.AsSpan(0, RigHello.BodySize - 1), out _));

        var sample = new RigSample(11, 3, 2) { SampleSequence = 9, McuMicroseconds = 5, LastCommandSequence = 4, CommandAppliedMicroseconds = 3, Status = RigSampleStatus.Armed };
        sample.Channels[10] = 1.5f;
        sample.Outputs[2] = -0.25f;
        sample.Actuators[1] = 0.75f;
        int n = RigWire.WriteSample(body, sample);
        Assert.Equal(89, n); // 25 + 4 * (11 + 3 + 2), as in PROTOCOL.md
        var back = new RigSample(11, 3, 2);
        Assert.True(RigWire.TryReadSample(body.AsSpan(0, n), back));
        Assert.Equal((9u, 5ul, 4u, 3ul, RigSampleStatus.Armed, 1.5f, -0.25f, 0.75f),
            (back.SampleSequence, back.McuMicroseconds, back.LastCommandSequence, back.CommandAppliedMicroseconds, back.Status, back.Channels[10], back.Outputs[2], back.Actuators[1]));
        Assert.Equal(133, new RigSample(18, 3, 6).BodySize); // HASEL, PROTOCOL.md

        var reply = new RigHeartbeatReply(1, 2, 3, 4, 5, 6, 7);
        RigWire.WriteHeartbeatReply(body, reply);
        Assert.True(RigWire.TryReadHeartbeatReply(body.AsSpan(0, RigHeartbeatReply.BodySize), out var replyBack));
        Assert.Equal(reply, replyBack);

        var fault = new RigFault(RigFaultCode.Watchdog, 101, 999);
        RigWire.WriteFault(body, fault);
        Assert.True(RigWire.TryReadFault(body.AsSpan(0, RigFault.BodySize), out var faultBack));
        Assert.Equal(fault, faultBack);
    }

    private static byte[] RandomBytes(Rng rng, int length, double zeroChance)
    {
        var data = new byte[length];
        for (int i = 0; i < length; i++) data[i] = rng.NextDouble() < zeroChance ? (byte)0 : (byte)rng.NextInt(256);
        return data;
    }
}
