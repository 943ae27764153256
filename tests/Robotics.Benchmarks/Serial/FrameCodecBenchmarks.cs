using BenchmarkDotNet.Attributes;
using Robotics.Drivers.Serial;

namespace Robotics.Benchmarks.Serial;

/// <summary>
/// The rig wire codec on the hot path: encoding a CMD (what every control tick sends) and decoding a tendon SAMPLE
/// (what arrives at 500 Hz), against computing the CRC of the same bytes alone (the baseline). Both must allocate 0 B.
/// Serial round-trip latency is measured separately (results/Serial.Latency.md), because it is dominated by the
/// operating system, not by this code.
/// </summary>
[MemoryDiagnoser]
public class FrameCodecBenchmarks
{
    private readonly byte[] _wire = new byte[FrameCodec.MaxEncodedLength];
    private readonly byte[] _body = new byte[FrameCodec.MaxBodyLength];
    private readonly float[] _command = [0.25f, -0.5f];
    private readonly RigSample _sample = new(11, 3, 2);
    private byte[] _sampleFrame = [];
    private byte[] _sampleBody = [];
    private FrameCodec _decoder = null!;
    private int _frames;

    /// <summary>Builds one encoded tendon SAMPLE frame (89-byte body).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var sample = new RigSample(11, 3, 2) { SampleSequence = 1234, McuMicroseconds = 987654321, LastCommandSequence = 77, Status = RigSampleStatus.Armed };
        for (int i = 0; i < 11; i++) sample.Channels[i] = 0.1f * i;
        int n = RigWire.WriteSample(_body, sample);
        _sampleBody = _body.AsSpan(0, n).ToArray();
        int w = FrameCodec.Encode((byte)RigMessageType.Sample, 5, _sampleBody, _wire);
        _sampleFrame = _wire.AsSpan(0, w).ToArray();
        _decoder = new FrameCodec(OnFrame);
    }

    private void OnFrame(byte type, byte linkSequence, ReadOnlySpan<byte> body)
    {
        if (RigWire.TryReadSample(body, _sample)) _frames++;
    }

    /// <summary>Baseline: CRC-16 over the 92 bytes a tendon SAMPLE frame protects.</summary>
    [Benchmark(Baseline = true)]
    public ushort Crc16SampleBytes() => Crc16CcittFalse.Compute(_sampleBody);

    /// <summary>Body + frame + COBS for one 2-actuator CMD.</summary>
    [Benchmark]
    public int EncodeCommand()
    {
        int n = RigWire.WriteCommand(_body, 42, 123456789, _command);
        return FrameCodec.Encode((byte)RigMessageType.Command, 9, _body.AsSpan(0, n), _wire);
    }

    /// <summary>Streaming decode (COBS, CRC) and body parse of one tendon SAMPLE frame.</summary>
    [Benchmark]
    public int DecodeSample()
    {
        _decoder.Push(_sampleFrame);
        return _frames;
    }
}
