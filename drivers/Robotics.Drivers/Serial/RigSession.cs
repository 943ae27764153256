using System.Diagnostics;

namespace Robotics.Drivers.Serial;

/// <summary>
/// One connection to a rig over an open <see cref="ISerialLink"/>: the HELLO handshake (with a nonce, so
/// stale answers are ignored), sample sequence tracking, a latest-sample slot the control thread copies
/// from, command/heartbeat/parameter sending, clock-offset estimation and link statistics.
/// </summary>
/// <remarks>
/// <para>Threads: frames are decoded on the link's receive thread; <see cref="TryCopyLatestSample"/> and the
/// send methods may be called from any thread. Send methods return false instead of throwing when the link is
/// gone, so a control tick never throws.</para>
/// <para>Clock: host times are <see cref="Stopwatch"/> microseconds (CLOCK_MONOTONIC on Linux). The
/// firmware-minus-host offset is taken from the HELLO exchange and then from the heartbeat with the smallest
/// round trip among the last 16 (error at most half that round trip); an emulated rig shares the host clock
/// (<see cref="RigSessionOptions.TrustEmulatedClock"/>). Sample age = host receive time -
/// (mcu_us - offset); command latency = (cmd_applied_us - offset) - host send time.</para>
/// </remarks>
public sealed class RigSession : IDisposable
{
    private const int CommandRingSize = 256;
    private const int OffsetWindow = 16;

    private readonly ISerialLink _link;
    private readonly RigSessionOptions _options;
    private readonly FrameCodec _codec;
    private readonly object _txLock = new();
    private readonly object _sampleLock = new();
    private readonly byte[] _txBody = new byte[FrameCodec.MaxBodyLength];
    private readonly byte[] _txFrame = new byte[FrameCodec.MaxEncodedLength];
    private readonly ulong[] _commandSendMicros = new ulong[CommandRingSize];
    private readonly uint[] _commandSendSeq = new uint[CommandRingSize];
    private readonly double[] _offsetRtt = new double[OffsetWindow];
    private readonly double[] _offsetValue = new double[OffsetWindow];
    private readonly ManualResetEventSlim _helloReceived = new(false);
    private RigSample? _incoming, _latest;
    private bool _hasSample;
    private byte _txSeq;
    private uint _commandSeq;
    private uint _nonce;
    private ulong _helloSentMicros;
    private long _lastFrameTimestamp;
    private long _lastCommandTimestamp;
    private uint _lastSampleSeq;
    private bool _haveSampleSeq;
    private uint _lastAppliedSeq;
    private int _offsetCount;
    private double _offsetMicros;
    private long _lastCrc, _lastCobs, _lastLength, _lastVersion;
    private int _lost;
    private int _handshakeDone;

    /// <summary>Creates a session over an open link (not started yet: <see cref="Handshake"/> starts it).</summary>
    public RigSession(ISerialLink link, RigSessionOptions? options = null, RigLinkStatistics? statistics = null)
    {
        _link = link ?? throw new ArgumentNullException(nameof(link));
        _options = options ?? new RigSessionOptions();
        Statistics = statistics ?? new RigLinkStatistics();
        _codec = new FrameCodec(OnFrame);
        _lastFrameTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>The link underneath.</summary>
    public ISerialLink Link => _link;

    /// <summary>Counters and latencies (shared across reconnects when a supervisor passes its own).</summary>
    public RigLinkStatistics Statistics { get; }

    /// <summary>The rig's HELLO answer (valid after <see cref="Handshake"/>).</summary>
    public RigHello Hello { get; private set; }

    /// <summary>True after a successful handshake while the link is up.</summary>
    public bool IsConnected => Volatile.Read(ref _handshakeDone) != 0 && !IsLost;

    /// <summary>True once the link was lost or <see cref="MarkLost"/> was called.</summary>
    public bool IsLost => Volatile.Read(ref _lost) != 0;

    /// <summary>Why the session was lost.</summary>
    public Exception? LostReason { get; private set; }

    /// <summary>Host timestamp (Stopwatch ticks) of the last good frame.</summary>
    public long LastFrameTimestamp => Interlocked.Read(ref _lastFrameTimestamp);

    /// <summary>Host timestamp (Stopwatch ticks) of the last command sent, 0 if none.</summary>
    public long LastCommandTimestamp => Interlocked.Read(ref _lastCommandTimestamp);

    /// <summary>The cmd_seq of the last command sent.</summary>
    public uint LastCommandSequence => Volatile.Read(ref _commandSeq);

    /// <summary>Raised on the receive thread for every FAULT frame.</summary>
    public event Action<RigFault>? FaultReceived;

    /// <summary>Raised on the receive thread for every PARAM_VALUE frame.</summary>
    public event Action<RigParameterValue>? ParameterValueReceived;

    /// <summary>Raised on the receive thread for every HEARTBEAT_RSP, with the round trip in microseconds.</summary>
    public event Action<RigHeartbeatReply, double>? HeartbeatReplyReceived;

    /// <summary>Raised once when the link is lost or <see cref="MarkLost"/> is called.</summary>
    public event Action<Exception>? Lost;

    /// <summary>Sees every good frame (type, link_seq, body) on the receive thread before it is handled: for consoles and captures.</summary>
    public FrameHandler? FrameObserver { get; set; }

    /// <summary>The host monotonic clock in microseconds (the time base of host_us fields).</summary>
    public static ulong HostMicroseconds() => (ulong)(Stopwatch.GetTimestamp() / (Stopwatch.Frequency / 1_000_000.0));

    /// <summary>
    /// Starts the link and shakes hands: sends HELLO_REQ with a fresh nonce (repeated every
    /// <see cref="RigSessionOptions.HelloResendInterval"/>) until the matching HELLO_RSP arrives. Everything
    /// before that answer is ignored. Cancel through <paramref name="cancellationToken"/> (the supervisor's
    /// per-attempt timeout does).
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled before the rig answered.</exception>
    /// <exception cref="LinkLostException">The link went away while waiting.</exception>
    /// <exception cref="RigProtocolException">The rig speaks another major version or is not the expected rig.</exception>
    public RigHello Handshake(CancellationToken cancellationToken)
    {
        _link.Start(OnBytes, OnLinkLost);
        _nonce = (uint)Random.Shared.Next(1, int.MaxValue);
        var handles = new[] { _helloReceived.WaitHandle, cancellationToken.WaitHandle };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsLost) throw new LinkLostException($"Serial link '{_link.PortName}' was lost during the handshake: {LostReason?.Message}", LostReason);
            SendHello();
            int signalled = WaitHandle.WaitAny(handles, _options.HelloResendInterval);
            if (signalled == 0) break;
            if (signalled == 1) cancellationToken.ThrowIfCancellationRequested();
        }

        RigHello hello = Hello;
        CheckIdentity(hello);
        Volatile.Write(ref _handshakeDone, 1);
        Interlocked.Increment(ref Statistics.ConnectCount);
        Interlocked.Exchange(ref _lastFrameTimestamp, Stopwatch.GetTimestamp());
        return hello;
    }

    private void CheckIdentity(RigHello hello)
    {
        string port = _link.PortName;
        if (hello.Major != _options.ProtocolMajor)
            throw new RigProtocolException($"Rig on '{port}' speaks protocol {hello.Major}.{hello.Minor}; this host speaks {_options.ProtocolMajor}.x. Update the firmware or the host.");
        if (_options.ExpectedRigType != RigType.Unknown && hello.RigType != _options.ExpectedRigType)
            throw new RigProtocolException($"Rig on '{port}' is a {hello.RigType} rig; the configuration expects {_options.ExpectedRigType}. Check the port name or --rig.");
        Require(_options.ExpectedInputCount, hello.InputCount, "n_inputs");
        Require(_options.ExpectedOutputCount, hello.OutputCount, "n_outputs");
        Require(_options.ExpectedChannelCount, hello.ChannelCount, "n_channels");

        void Require(int? expected, int actual, string what)
        {
            if (expected is int e && e != actual)
                throw new RigProtocolException($"Rig on '{port}' reports {what} = {actual}; the {hello.RigType} driver needs {e}. Firmware and driver disagree.");
        }
    }

    /// <summary>Copies the newest sample into <paramref name="destination"/>; false if none arrived yet.</summary>
    public bool TryCopyLatestSample(RigSample destination)
    {
        lock (_sampleLock)
        {
            if (!_hasSample || _latest is null) return false;
            _latest.CopyTo(destination);
            return true;
        }
    }

    /// <summary>Sends CMD with the next cmd_seq. Returns false if the link is gone. Allocation-free.</summary>
    public bool SendCommand(ReadOnlySpan<float> actuators)
    {
        lock (_txLock)
        {
            uint seq = ++_commandSeq;
            ulong now = HostMicroseconds();
            int slot = (int)(seq % CommandRingSize);
            _commandSendMicros[slot] = now;
            _commandSendSeq[slot] = seq;
            int length = RigWire.WriteCommand(_txBody, seq, now, actuators);
            bool ok = SendLocked(RigMessageType.Command, length);
            if (ok)
            {
                Interlocked.Increment(ref Statistics.CommandsCount);
                Interlocked.Exchange(ref _lastCommandTimestamp, Stopwatch.GetTimestamp());
            }

            return ok;
        }
    }

    /// <summary>Sends CMD from doubles (converted to f32). Returns false if the link is gone.</summary>
    public bool SendCommand(ReadOnlySpan<double> actuators)
    {
        Span<float> values = stackalloc float[Math.Min(actuators.Length, 48)];
        for (int i = 0; i < values.Length; i++) values[i] = (float)actuators[i];
        return SendCommand(values);
    }

    /// <summary>Sends HEARTBEAT with the current host time. Returns false if the link is gone.</summary>
    public bool SendHeartbeat()
    {
        lock (_txLock)
        {
            int length = RigWire.WriteHeartbeat(_txBody, HostMicroseconds());
            bool ok = SendLocked(RigMessageType.Heartbeat, length);
            if (ok) Interlocked.Increment(ref Statistics.HeartbeatsSentCount);
            return ok;
        }
    }

    /// <summary>Sends PARAM_GET; the answer arrives through <see cref="ParameterValueReceived"/>.</summary>
    public bool SendParameterGet(RigParameterId id)
    {
        lock (_txLock) return SendLocked(RigMessageType.ParameterGet, RigWire.WriteParameterGet(_txBody, id));
    }

    /// <summary>Sends PARAM_SET; the answer arrives through <see cref="ParameterValueReceived"/>.</summary>
    public bool SendParameterSet(RigParameterId id, float value)
    {
        lock (_txLock) return SendLocked(RigMessageType.ParameterSet, RigWire.WriteParameterSet(_txBody, id, value));
    }

    /// <summary>Sends SETPOINT (output targets for the on-device NPC).</summary>
    public bool SendSetpoint(ReadOnlySpan<float> targets)
    {
        lock (_txLock) return SendLocked(RigMessageType.Setpoint, RigWire.WriteSetpoint(_txBody, targets));
    }

    /// <summary>Sends an arbitrary frame (tests and the console's raw mode).</summary>
    public bool SendRaw(RigMessageType type, ReadOnlySpan<byte> body)
    {
        lock (_txLock)
        {
            body.CopyTo(_txBody);
            return SendLocked(type, body.Length);
        }
    }

    private void SendHello()
    {
        lock (_txLock)
        {
            _helloSentMicros = HostMicroseconds();
            SendLocked(RigMessageType.HelloRequest, RigWire.WriteHelloRequest(_txBody, _nonce, _options.ProtocolMajor, _options.ProtocolMinor));
        }
    }

    private bool SendLocked(RigMessageType type, int bodyLength)
    {
        if (IsLost) return false;
        int length = FrameCodec.Encode((byte)type, _txSeq++, _txBody.AsSpan(0, bodyLength), _txFrame);
        try
        {
            _link.Write(_txFrame.AsSpan(0, length));
        }
        catch (LinkLostException ex)
        {
            MarkLost(ex);
            return false;
        }

        Interlocked.Increment(ref Statistics.FramesSentCount);
        Interlocked.Add(ref Statistics.BytesSentCount, length);
        return true;
    }

    /// <summary>Declares the session lost (e.g. the supervisor's receive watchdog); raises <see cref="Lost"/> once.</summary>
    public void MarkLost(Exception reason)
    {
        if (Interlocked.Exchange(ref _lost, 1) != 0) return;
        LostReason = reason;
        Interlocked.Increment(ref Statistics.LinkLossCount);
        Lost?.Invoke(reason);
    }

    private void OnLinkLost(Exception reason) => MarkLost(reason);

    private void OnBytes(ReadOnlySpan<byte> bytes)
    {
        Interlocked.Add(ref Statistics.BytesReceivedCount, bytes.Length);
        _codec.Push(bytes);
        AddDelta(_codec.CrcErrors, ref _lastCrc, ref Statistics.CrcErrorCount);
        AddDelta(_codec.CobsErrors, ref _lastCobs, ref Statistics.CobsErrorCount);
        AddDelta(_codec.LengthErrors, ref _lastLength, ref Statistics.LengthErrorCount);
        AddDelta(_codec.VersionErrors, ref _lastVersion, ref Statistics.VersionErrorCount);
    }

    private static void AddDelta(long current, ref long last, ref long total)
    {
        if (current == last) return;
        Interlocked.Add(ref total, current - last);
        last = current;
    }

    private void OnFrame(byte type, byte linkSequence, ReadOnlySpan<byte> body)
    {
        long nowTicks = Stopwatch.GetTimestamp();
        FrameObserver?.Invoke(type, linkSequence, body);
        var messageType = (RigMessageType)type;
        if (Volatile.Read(ref _handshakeDone) == 0)
        {
            // Before the matching HELLO_RSP everything is stale (queued while nobody had the port open).
            if (messageType == RigMessageType.HelloResponse && RigWire.TryReadHelloResponse(body, out var hello) && hello.Nonce == _nonce)
            {
                Hello = hello;
                ulong now = HostMicroseconds();
                UpdateOffset(_helloSentMicros, now, hello.McuMicroseconds);
                lock (_sampleLock)
                {
                    _incoming = new RigSample(hello.ChannelCount, hello.OutputCount, hello.InputCount);
                    _latest = new RigSample(hello.ChannelCount, hello.OutputCount, hello.InputCount);
                }

                _helloReceived.Set();
            }

            return;
        }

        Interlocked.Exchange(ref _lastFrameTimestamp, nowTicks);
        Interlocked.Increment(ref Statistics.FramesReceivedCount);
        switch (messageType)
        {
            case RigMessageType.Sample:
                OnSample(body, nowTicks);
                break;
            case RigMessageType.HeartbeatResponse:
                if (RigWire.TryReadHeartbeatReply(body, out var reply))
                {
                    ulong now = HostMicroseconds();
                    double rtt = now >= reply.EchoHostMicroseconds ? now - reply.EchoHostMicroseconds : 0;
                    Statistics.RoundTrip.Record((long)(rtt * 1000));
                    UpdateOffset(reply.EchoHostMicroseconds, now, reply.McuMicroseconds);
                    Statistics.LastFirmwareCounters = reply;
                    Interlocked.Increment(ref Statistics.HeartbeatsReceivedCount);
                    HeartbeatReplyReceived?.Invoke(reply, rtt);
                }
                else
                {
                    Interlocked.Increment(ref Statistics.MalformedCount);
                }

                break;
            case RigMessageType.Fault:
                if (RigWire.TryReadFault(body, out var fault))
                {
                    Statistics.LastFault = fault;
                    Interlocked.Increment(ref Statistics.FaultCount);
                    FaultReceived?.Invoke(fault);
                }
                else
                {
                    Interlocked.Increment(ref Statistics.MalformedCount);
                }

                break;
            case RigMessageType.ParameterValue:
                if (RigWire.TryReadParameterValue(body, out var value)) ParameterValueReceived?.Invoke(value);
                else Interlocked.Increment(ref Statistics.MalformedCount);
                break;
            case RigMessageType.HelloResponse:
                break; // a repeated answer to a resent HELLO_REQ
            default:
                Interlocked.Increment(ref Statistics.UnknownCount);
                break;
        }
    }

    private void OnSample(ReadOnlySpan<byte> body, long nowTicks)
    {
        RigSample? incoming = _incoming;
        if (incoming is null || !RigWire.TryReadSample(body, incoming))
        {
            Interlocked.Increment(ref Statistics.MalformedCount);
            return;
        }

        uint seq = incoming.SampleSequence;
        if (_haveSampleSeq)
        {
            uint delta = unchecked(seq - _lastSampleSeq);
            if (delta == 0 || delta > int.MaxValue)
            {
                Interlocked.Increment(ref Statistics.SampleReorderCount);
                return;
            }

            if (delta > 1) Interlocked.Add(ref Statistics.SampleGapCount, delta - 1);
        }

        _haveSampleSeq = true;
        _lastSampleSeq = seq;
        incoming.HostReceivedTimestamp = nowTicks;
        Interlocked.Increment(ref Statistics.SamplesCount);

        double nowMicros = nowTicks / (Stopwatch.Frequency / 1_000_000.0);
        double offset = _offsetMicros;
        Statistics.SampleAge.Record((long)((nowMicros - (incoming.McuMicroseconds - offset)) * 1000));
        uint applied = incoming.LastCommandSequence;
        if (applied != 0 && applied != _lastAppliedSeq)
        {
            _lastAppliedSeq = applied;
            int slot = (int)(applied % CommandRingSize);
            if (_commandSendSeq[slot] == applied)
            {
                double latency = incoming.CommandAppliedMicroseconds - offset - _commandSendMicros[slot];
                Statistics.CommandLatency.Record((long)(latency * 1000));
            }
        }

        lock (_sampleLock)
        {
            incoming.CopyTo(_latest!);
            _hasSample = true;
        }
    }

    private void UpdateOffset(ulong hostSendMicros, ulong hostReceiveMicros, ulong mcuMicros)
    {
        if (_options.TrustEmulatedClock && (Hello.Capabilities & RigCapabilities.Emulated) != 0)
        {
            _offsetMicros = 0; // same CLOCK_MONOTONIC on both sides
            Statistics.ClockOffsetMicroseconds = 0;
            return;
        }

        double rtt = hostReceiveMicros >= hostSendMicros ? hostReceiveMicros - hostSendMicros : 0;
        double offset = mcuMicros - (hostSendMicros + hostReceiveMicros) / 2.0;
        int slot = _offsetCount++ % OffsetWindow;
        _offsetRtt[slot] = rtt;
        _offsetValue[slot] = offset;
        int n = Math.Min(_offsetCount, OffsetWindow);
        int best = 0;
        for (int i = 1; i < n; i++)
        {
            if (_offsetRtt[i] < _offsetRtt[best]) best = i;
        }

        _offsetMicros = _offsetValue[best];
        Statistics.ClockOffsetMicroseconds = _offsetMicros;
    }

    /// <summary>Closes the link.</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _lost, 1);
        _link.Dispose();
        _helloReceived.Dispose();
    }
}
