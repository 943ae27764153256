using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Robotics.Drivers.Serial;

/// <summary>
/// A rig firmware stand-in written in C#, on the master side of an in-process <see cref="PseudoTerminal"/>:
/// it answers HELLO, HEARTBEAT and PARAM_GET/SET, applies CMDs, streams SAMPLEs, runs the command watchdog
/// and injects faults (garbage, truncated frame, bad CRC, stall, unplug/replug). It speaks the same protocol
/// as the C firmware (hil-rigs/) so the link, session and supervisor can be tested, benchmarked and demoed
/// without building it. Its "plant" is a deterministic first-order lag, not rig physics.
/// </summary>
/// <remarks>
/// Clock: mcu_us = host monotonic microseconds + <see cref="InProcessRigPeerOptions.ClockOffsetMicroseconds"/>.
/// Samples stream only after a HELLO since the last (re)plug, like the fault scripts of the C emulator are
/// timed from the first HELLO. Writes that the pseudo-terminal cannot take are dropped and counted (tx_drop).
/// </remarks>
public sealed class InProcessRigPeer : IDisposable
{
    private readonly InProcessRigPeerOptions _options;
    private readonly object _lock = new();
    private readonly byte[] _txBody = new byte[FrameCodec.MaxBodyLength];
    private readonly byte[] _txFrame = new byte[FrameCodec.MaxEncodedLength];
    private readonly float[] _command;
    private readonly float[] _params = new float[256];
    private readonly RigSample _sample;
    private readonly FrameCodec _codec;
    private PseudoTerminal? _pty;
    private PosixTtyLink? _rx;
    private Thread? _streamThread;
    private volatile bool _stop;
    private volatile bool _helloSeen;
    private byte _txSeq;
    private uint _sampleSeq;
    private uint _lastCommandSeq;
    private ulong _commandAppliedMicros;
    private long _lastHostFrameTicks;
    private long _stallUntilTicks;
    private bool _armed, _faultLatched;
    private uint _rxOk, _crcErr, _cobsErr, _cmdGaps, _txDrop;

    /// <summary>Creates a peer (not started).</summary>
    public InProcessRigPeer(InProcessRigPeerOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _command = new float[options.InputCount];
        _sample = new RigSample(options.ChannelCount, options.OutputCount, options.InputCount);
        _codec = new FrameCodec(OnFrame);
        _params.AsSpan().Fill(float.NaN);
        _params[(int)RigParameterId.StreamHz] = options.StreamHz;
        _params[(int)RigParameterId.WatchdogMs] = options.WatchdogMilliseconds;
        _params[(int)RigParameterId.ActuatorMin] = -1;
        _params[(int)RigParameterId.ActuatorMax] = 1;
        _params[(int)RigParameterId.SafeValue] = 0;
    }

    /// <summary>The path the host should open: the symlink if one was configured, else the PTY slave.</summary>
    public string PortName => _options.SymlinkPath ?? _pty?.SlavePath ?? throw new InvalidOperationException("The peer is not started.");

    /// <summary>Good frames received from the host.</summary>
    public long FramesReceived => Volatile.Read(ref _rxOk);

    /// <summary>Commands applied (armed, finite values).</summary>
    public long CommandsApplied { get; private set; }

    /// <summary>Times the command watchdog tripped.</summary>
    public long WatchdogTrips { get; private set; }

    /// <summary>HELLO requests answered.</summary>
    public long HellosAnswered { get; private set; }

    /// <summary>The last applied actuator command.</summary>
    public float[] LastCommand
    {
        get
        {
            lock (_lock) return (float[])_command.Clone();
        }
    }

    /// <summary>True while armed (HELLO received, no latched fault).</summary>
    public bool IsArmed
    {
        get
        {
            lock (_lock) return _armed && !_faultLatched;
        }
    }

    /// <summary>Creates the pseudo-terminal (and symlink) and starts answering and streaming.</summary>
    public void Start()
    {
        if (_streamThread is not null) throw new InvalidOperationException("The peer is already started.");
        Plug();
        _streamThread = new Thread(StreamLoop) { IsBackground = true, Name = "rig-peer-stream" };
        _streamThread.Start();
    }

    private void Plug()
    {
        var pty = PseudoTerminal.Open();
        if (_options.SymlinkPath is not null) pty.PublishSymlink(_options.SymlinkPath);
        lock (_lock)
        {
            _pty = pty;
            _helloSeen = false;
            _armed = false;
            _faultLatched = false;
            _codec.Reset();
        }

        _rx = pty.OpenMasterLink();
        _rx.Start(bytes => _codec.Push(bytes), _ => { });
    }

    private void Unplug()
    {
        PosixTtyLink? rx;
        PseudoTerminal? pty;
        lock (_lock)
        {
            rx = _rx;
            pty = _pty;
            _rx = null;
            _pty = null;
            _helloSeen = false;
        }

        rx?.Dispose();
        pty?.Dispose();
    }

    /// <summary>Closes the pseudo-terminal (the host sees a hang-up), waits, then creates a new one behind the same symlink.</summary>
    public void UnplugFor(TimeSpan duration)
    {
        Unplug();
        if (duration > TimeSpan.Zero) Thread.Sleep(duration);
        if (!_stop) Plug();
    }

    /// <summary>Stops sending anything (samples, answers) for <paramref name="duration"/>; the host's receive watchdog should fire.</summary>
    public void StallFor(TimeSpan duration) =>
        Interlocked.Exchange(ref _stallUntilTicks, Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency));

    /// <summary>Sends <paramref name="count"/> pseudo-random bytes including some 0x00 (seeded, reproducible).</summary>
    public void InjectGarbage(int count, ulong seed = 7)
    {
        var rng = new Robotics.Core.Randomness.Rng(seed);
        var bytes = new byte[count];
        for (int i = 0; i < count; i++) bytes[i] = (byte)rng.NextInt(256);
        if (count > 8)
        {
            bytes[count / 3] = 0;
            bytes[2 * count / 3] = 0;
        }

        lock (_lock) WriteRawLocked(bytes);
    }

    /// <summary>
    /// Sends the first half of a SAMPLE frame without its delimiter, then the next SAMPLE in full: the receiver
    /// sees one corrupt block and loses both samples (a sequence gap of 2).
    /// </summary>
    public void InjectTruncatedFrame()
    {
        lock (_lock)
        {
            int length = BuildSampleFrameLocked(advanceSequence: true);
            WriteRawLocked(_txFrame.AsSpan(0, length / 2));
            length = BuildSampleFrameLocked(advanceSequence: true);
            WriteRawLocked(_txFrame.AsSpan(0, length));
        }
    }

    /// <summary>Sends a well-formed frame whose CRC is wrong (a HEARTBEAT_RSP-sized body).</summary>
    public void InjectBadCrc()
    {
        lock (_lock)
        {
            Span<byte> raw = stackalloc byte[3 + 13 + 2];
            raw[0] = FrameCodec.ProtocolVersion;
            raw[1] = (byte)RigMessageType.Fault;
            raw[2] = _txSeq++;
            raw[3] = (byte)RigFaultCode.Sensor;
            ushort crc = Crc16CcittFalse.Compute(raw[..^2]);
            raw[^2] = (byte)(crc ^ 0x5A);
            raw[^1] = (byte)(crc >> 8);
            Span<byte> wire = stackalloc byte[64];
            int n = Cobs.Encode(raw, wire);
            wire[n++] = 0;
            WriteRawLocked(wire[..n]);
        }
    }

    private void OnFrame(byte type, byte linkSequence, ReadOnlySpan<byte> body)
    {
        lock (_lock)
        {
            _rxOk++;
            _crcErr = (uint)_codec.CrcErrors;
            _cobsErr = (uint)(_codec.CobsErrors + _codec.LengthErrors + _codec.VersionErrors);
            long now = Stopwatch.GetTimestamp();
            switch ((RigMessageType)type)
            {
                case RigMessageType.HelloRequest when RigWire.TryReadHelloRequest(body, out uint nonce, out byte major, out _):
                    if (major != 1)
                    {
                        SendLocked(RigMessageType.Fault, RigWire.WriteFault(_txBody, new RigFault(RigFaultCode.Version, major, McuMicros())));
                        return;
                    }

                    _helloSeen = true;
                    _armed = true;
                    _faultLatched = false;
                    _lastHostFrameTicks = now;
                    HellosAnswered++;
                    SendLocked(RigMessageType.HelloResponse, RigWire.WriteHelloResponse(_txBody, new RigHello(
                        nonce, 1, 0, _options.FirmwareBuild, _options.RigType, (byte)_options.InputCount, (byte)_options.OutputCount,
                        (byte)_options.ChannelCount, (ushort)_options.StreamHz, (ushort)_options.WatchdogMilliseconds,
                        RigCapabilities.Parameters | RigCapabilities.Heartbeat | RigCapabilities.Emulated, McuMicros())));
                    break;
                case RigMessageType.Heartbeat when body.Length >= 8:
                    _lastHostFrameTicks = now;
                    ulong echo = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(body);
                    SendLocked(RigMessageType.HeartbeatResponse, RigWire.WriteHeartbeatReply(_txBody,
                        new RigHeartbeatReply(echo, McuMicros(), _rxOk, _crcErr, _cobsErr, _cmdGaps, _txDrop)));
                    break;
                case RigMessageType.Command:
                    Span<float> values = stackalloc float[_command.Length];
                    if (!RigWire.TryReadCommand(body, out uint seq, out _, values)) return;
                    _lastHostFrameTicks = now;
                    if (!_armed || _faultLatched)
                    {
                        SendLocked(RigMessageType.Fault, RigWire.WriteFault(_txBody, new RigFault(RigFaultCode.NotArmed, seq, McuMicros())));
                        return;
                    }

                    if (_lastCommandSeq != 0 && seq > _lastCommandSeq + 1) _cmdGaps += seq - _lastCommandSeq - 1;
                    values.CopyTo(_command);
                    _lastCommandSeq = seq;
                    _commandAppliedMicros = McuMicros();
                    CommandsApplied++;
                    break;
                case RigMessageType.ParameterGet when body.Length >= 1:
                    SendParameterLocked(body[0]);
                    break;
                case RigMessageType.ParameterSet when body.Length >= 5:
                    byte id = body[0];
                    float value = System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(body[1..]);
                    if (id is (byte)RigParameterId.StreamHz or (byte)RigParameterId.WatchdogMs or (byte)RigParameterId.NoiseScale)
                    {
                        _params[id] = value;
                    }

                    SendParameterLocked(id, float.IsNaN(_params[id]) ? RigParameterStatus.UnknownId : id >= 0x20 ? RigParameterStatus.ReadOnly : RigParameterStatus.Ok);
                    break;
            }
        }
    }

    private void SendParameterLocked(byte id, RigParameterStatus? status = null)
    {
        float value = _params[id];
        var s = status ?? (float.IsNaN(value) ? RigParameterStatus.UnknownId : RigParameterStatus.Ok);
        SendLocked(RigMessageType.ParameterValue, RigWire.WriteParameterValue(_txBody, new RigParameterValue((RigParameterId)id, value, s)));
    }

    private void StreamLoop()
    {
        long next = Stopwatch.GetTimestamp();
        while (!_stop)
        {
            long period = (long)(Stopwatch.Frequency / Math.Max(1.0, _params[(int)RigParameterId.StreamHz]));
            next += period;
            long now = Stopwatch.GetTimestamp();
            if (next < now - 10 * period) next = now; // do not burst after a long pause
            long wait = next - now;
            if (wait > 0) Thread.Sleep(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency));
            lock (_lock)
            {
                if (!_helloSeen || _pty is null) continue;
                long t = Stopwatch.GetTimestamp();
                double watchdogMs = _params[(int)RigParameterId.WatchdogMs];
                if (_armed && !_faultLatched && (t - _lastHostFrameTicks) * 1000.0 / Stopwatch.Frequency > watchdogMs)
                {
                    _faultLatched = true;
                    Array.Clear(_command);
                    WatchdogTrips++;
                    uint since = (uint)((t - _lastHostFrameTicks) * 1000 / Stopwatch.Frequency);
                    SendLocked(RigMessageType.Fault, RigWire.WriteFault(_txBody, new RigFault(RigFaultCode.Watchdog, since, McuMicros())));
                }

                int length = BuildSampleFrameLocked(advanceSequence: true);
                WriteRawLocked(_txFrame.AsSpan(0, length));
            }
        }
    }

    private int BuildSampleFrameLocked(bool advanceSequence)
    {
        // First-order lag of the actuators toward the command (tau = 20 ms at the stream rate), outputs and
        // channels as fixed linear maps of the actuator state: deterministic, enough to close a loop on.
        double dt = 1.0 / Math.Max(1.0, _params[(int)RigParameterId.StreamHz]);
        double alpha = dt / (0.020 + dt);
        Span<float> actuators = _sample.Actuators;
        for (int i = 0; i < actuators.Length; i++) actuators[i] += (float)(alpha * (_command[i] - actuators[i]));
        Span<float> outputs = _sample.Outputs;
        for (int k = 0; k < outputs.Length; k++) outputs[k] = actuators.Length == 0 ? 0 : 0.01f * actuators[k % actuators.Length] * (k + 1);
        Span<float> channels = _sample.Channels;
        for (int c = 0; c < channels.Length; c++) channels[c] = 0.5f + (actuators.Length == 0 ? 0 : 0.1f * actuators[c % actuators.Length]);
        if (advanceSequence) _sampleSeq++;
        _sample.SampleSequence = _sampleSeq;
        _sample.McuMicroseconds = McuMicros();
        _sample.LastCommandSequence = _lastCommandSeq;
        _sample.CommandAppliedMicroseconds = _commandAppliedMicros;
        _sample.Status = (_armed && !_faultLatched ? RigSampleStatus.Armed : RigSampleStatus.None)
            | (_faultLatched ? RigSampleStatus.Fault | RigSampleStatus.Safe : RigSampleStatus.None) | RigSampleStatus.Emulated;
        int bodyLength = RigWire.WriteSample(_txBody, _sample);
        return FrameCodec.Encode((byte)RigMessageType.Sample, _txSeq++, _txBody.AsSpan(0, bodyLength), _txFrame);
    }

    private ulong McuMicros() => (ulong)((long)RigSession.HostMicroseconds() + _options.ClockOffsetMicroseconds);

    private void SendLocked(RigMessageType type, int bodyLength)
    {
        int length = FrameCodec.Encode((byte)type, _txSeq++, _txBody.AsSpan(0, bodyLength), _txFrame);
        WriteRawLocked(_txFrame.AsSpan(0, length));
    }

    private unsafe void WriteRawLocked(ReadOnlySpan<byte> bytes)
    {
        if (_pty is null || Stopwatch.GetTimestamp() < Interlocked.Read(ref _stallUntilTicks)) return;
        int fd = _pty.MasterDescriptor;
        if (fd < 0) return;
        fixed (byte* p = bytes)
        {
            int offset = 0;
            while (offset < bytes.Length)
            {
                nint n = PosixNative.Write(fd, p + offset, (nuint)(bytes.Length - offset));
                if (n > 0)
                {
                    offset += (int)n;
                    continue;
                }

                if (n < 0 && Marshal.GetLastPInvokeError() == PosixNative.EINTR) continue;
                _txDrop++; // full buffer (nobody reading) or gone: drop, as firmware does
                return;
            }
        }
    }

    /// <summary>Stops streaming and closes the pseudo-terminal (and leaves the symlink dangling).</summary>
    public void Dispose()
    {
        _stop = true;
        _streamThread?.Join(TimeSpan.FromSeconds(2));
        Unplug();
    }
}
