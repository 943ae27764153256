using System.Diagnostics;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Robotics.Core.Randomness;

namespace Robotics.Drivers.Serial;

/// <summary>
/// Keeps one rig connected: opens the link and shakes hands through a Polly 8 pipeline (retry with
/// exponential backoff and jitter -> circuit breaker -> per-attempt timeout covering open + HELLO), then
/// watches the connection (hang-up, I/O errors, receive watchdog), sends heartbeats and reconnects.
/// Publishes <see cref="RigConnectionState"/> changes and faults as <see cref="RigLinkEvent"/>s.
/// </summary>
/// <remarks>
/// <para>States: Connecting -> Connected -> Lost -> Reconnecting -> Connected ...; when a whole retry round
/// fails (or the rig is incompatible) -> Offline, and a new round starts after
/// <see cref="RigSupervisorOptions.OfflineRetryInterval"/>.</para>
/// <para>The supervisor runs on its own thread (never the thread pool). The control thread uses
/// <see cref="TryCopyLatestSample"/> and <see cref="TrySendCommand(ReadOnlySpan{double})"/>, which return
/// false while the rig is not connected; the hardware component turns that into a failed read/write so the
/// control loop's fault policy applies. After every handshake <see cref="RigSupervisorOptions.InitialCommand"/>
/// (the safe command) is sent before anything else.</para>
/// </remarks>
public sealed class RigSupervisor : IDisposable
{
    private readonly RigSupervisorOptions _options;
    private readonly ResiliencePipeline _pipeline;
    private readonly CancellationTokenSource _stop = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly ManualResetEventSlim _connected = new(false);
    private readonly object _stateLock = new();
    private readonly float[]? _initialCommand;
    private Thread? _thread;
    private volatile RigSession? _session;
    private RigConnectionState _state;
    private bool _everConnected;

    /// <summary>Creates a supervisor (not started).</summary>
    /// <exception cref="ArgumentException">Invalid options; the message names the option.</exception>
    public RigSupervisor(RigSupervisorOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _initialCommand = options.InitialCommand?.ToArray();
        _pipeline = BuildPipeline(options);
    }

    /// <summary>The options.</summary>
    public RigSupervisorOptions Options => _options;

    /// <summary>Statistics across all connections.</summary>
    public RigLinkStatistics Statistics { get; } = new();

    /// <summary>The current state.</summary>
    public RigConnectionState State
    {
        get
        {
            lock (_stateLock) return _state;
        }
    }

    /// <summary>The live session, or null when not connected.</summary>
    public RigSession? Session => _session;

    /// <summary>The last successful handshake's answer, if any.</summary>
    public RigHello? Hello { get; private set; }

    /// <summary>Why the last connection or connect round ended.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Raised on the supervisor or receive thread for state changes, failed attempts and faults.</summary>
    public event Action<RigLinkEvent>? EventRaised;

    /// <summary>Raised on the receive thread for every good frame (console, capture).</summary>
    public FrameHandler? FrameObserver { get; set; }

    /// <summary>Raised on the receive thread for PARAM_VALUE answers.</summary>
    public event Action<RigParameterValue>? ParameterValueReceived;

    /// <summary>Starts the supervisor thread (first connect happens there).</summary>
    public void Start()
    {
        if (_thread is not null) throw new InvalidOperationException("The rig supervisor is already started.");
        _thread = new Thread(Run) { IsBackground = true, Name = "rig-supervisor " + Path.GetFileName(_options.PortName) };
        SetState(RigConnectionState.Connecting, $"Connecting to rig on '{_options.PortName}'.");
        _thread.Start();
    }

    /// <summary>Blocks until connected or the timeout passes; true if connected.</summary>
    public bool WaitForConnection(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            long left = deadline - Stopwatch.GetTimestamp();
            if (left <= 0) return State == RigConnectionState.Connected;
            if (_connected.Wait(TimeSpan.FromSeconds(Math.Min(left / (double)Stopwatch.Frequency, 0.05))) && State == RigConnectionState.Connected) return true;
        }
    }

    /// <summary>Copies the newest sample; false when not connected or no sample yet.</summary>
    public bool TryCopyLatestSample(RigSample destination)
    {
        RigSession? session = _session;
        return session is not null && session.IsConnected && session.TryCopyLatestSample(destination);
    }

    /// <summary>Sends a command; false when not connected (never throws).</summary>
    public bool TrySendCommand(ReadOnlySpan<double> actuators)
    {
        RigSession? session = _session;
        return session is not null && session.IsConnected && session.SendCommand(actuators);
    }

    /// <summary>Sends a command; false when not connected (never throws).</summary>
    public bool TrySendCommand(ReadOnlySpan<float> actuators)
    {
        RigSession? session = _session;
        return session is not null && session.IsConnected && session.SendCommand(actuators);
    }

    /// <summary>Drops the current connection as if the link had failed (tests, operator command).</summary>
    public void ForceReconnect(string reason)
    {
        _session?.MarkLost(new LinkLostException($"Reconnect requested: {reason}"));
        _wake.Set();
    }

    private static ResiliencePipeline BuildPipeline(RigSupervisorOptions options)
    {
        var rng = new Rng(options.JitterSeed).Fork("rig-retry-jitter");
        var transient = new PredicateBuilder()
            .Handle<IOException>()
            .Handle<UnauthorizedAccessException>()
            .Handle<TimeoutRejectedException>()
            .Handle<TimeoutException>()
            .Handle<BrokenCircuitException>();
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                Randomizer = rng.NextDouble,
                // An open circuit says when it will let a probe through: wait for that instead of hammering it.
                DelayGenerator = static args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is BrokenCircuitException { RetryAfter: TimeSpan after } ? after : null),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<IOException>()
                    .Handle<UnauthorizedAccessException>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<TimeoutException>(),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    private RigSession ConnectOnce(CancellationToken cancellationToken)
    {
        ISerialLink link;
        try
        {
            link = SerialLinkFactory.Open(_options.PortName, _options.Link);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Interlocked.Increment(ref Statistics.ConnectFailureCount);
            Raise(RigLinkEventKind.AttemptFailed, $"Open '{_options.PortName}' failed: {ex.Message}");
            throw;
        }

        var session = new RigSession(link, _options.Session, Statistics) { FrameObserver = FrameObserver };
        session.Lost += _ => _wake.Set();
        session.FaultReceived += OnFault;
        session.ParameterValueReceived += v => ParameterValueReceived?.Invoke(v);
        try
        {
            session.Handshake(cancellationToken);
            if (_initialCommand is not null) session.SendCommand(_initialCommand);
            return session;
        }
        catch (Exception ex)
        {
            session.Dispose();
            Interlocked.Increment(ref Statistics.ConnectFailureCount);
            string what = ex is OperationCanceledException ? $"no HELLO answer within {_options.AttemptTimeout.TotalMilliseconds:F0} ms" : ex.Message;
            Raise(RigLinkEventKind.AttemptFailed, $"Handshake on '{_options.PortName}' failed: {what}");
            throw;
        }
    }

    private void OnFault(RigFault fault)
    {
        var e = new RigLinkEvent(Stopwatch.GetTimestamp(), RigLinkEventKind.Fault, State, $"Rig on '{_options.PortName}' reported {fault}.", fault);
        EventRaised?.Invoke(e);
    }

    private void Run()
    {
        CancellationToken token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            RigSession session;
            try
            {
                session = _pipeline.Execute(static (self, ct) => self.ConnectOnce(ct), this, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LastError = ex;
                SetState(RigConnectionState.Offline, $"Rig on '{_options.PortName}' is offline: {ex.GetType().Name}: {ex.Message}");
                // Zero interval: stay offline until disposed.
                if (_options.OfflineRetryInterval == TimeSpan.Zero ? token.WaitHandle.WaitOne() : token.WaitHandle.WaitOne(_options.OfflineRetryInterval)) break;
                SetState(RigConnectionState.Reconnecting, $"Retrying rig on '{_options.PortName}' after being offline.");
                continue;
            }

            Hello = session.Hello;
            _session = session;
            _everConnected = true;
            SetState(RigConnectionState.Connected, $"Connected to {session.Hello} on '{_options.PortName}'.");
            Monitor(session, token);
            _session = null;
            session.Dispose();
            if (token.IsCancellationRequested) break;
            LastError = session.LostReason;
            SetState(RigConnectionState.Lost, $"Lost rig on '{_options.PortName}': {session.LostReason?.Message}");
            SetState(RigConnectionState.Reconnecting, $"Reconnecting to '{_options.PortName}'.");
        }

        SetState(RigConnectionState.Stopped, $"Stopped supervising '{_options.PortName}'.");
    }

    private void Monitor(RigSession session, CancellationToken token)
    {
        long frequency = Stopwatch.Frequency;
        double heartbeatSeconds = _options.HeartbeatInterval.TotalSeconds;
        if (session.Hello.WatchdogMilliseconds > 0) heartbeatSeconds = Math.Min(heartbeatSeconds, session.Hello.WatchdogMilliseconds / 3000.0);
        long heartbeatTicks = (long)(heartbeatSeconds * frequency);
        long rxTimeoutTicks = (long)(_options.ReceiveTimeout.TotalSeconds * frequency);
        long staleTicks = (long)(_options.HeartbeatCommandStaleness.TotalSeconds * frequency);
        long nextHeartbeat = Stopwatch.GetTimestamp();
        int waitMs = (int)Math.Clamp(Math.Min(heartbeatSeconds * 1000, _options.ReceiveTimeout.TotalMilliseconds) / 4, 1, 10);
        while (!token.IsCancellationRequested && !session.IsLost)
        {
            long now = Stopwatch.GetTimestamp();
            if (now - session.LastFrameTimestamp > rxTimeoutTicks)
            {
                Interlocked.Increment(ref Statistics.RxTimeoutCount);
                session.MarkLost(new TimeoutException($"No frame from the rig on '{_options.PortName}' for {(now - session.LastFrameTimestamp) * 1000.0 / frequency:F0} ms (receive timeout {_options.ReceiveTimeout.TotalMilliseconds:F0} ms)."));
                break;
            }

            if (now >= nextHeartbeat)
            {
                long lastCommand = session.LastCommandTimestamp;
                if (lastCommand == 0 || now - lastCommand < staleTicks) session.SendHeartbeat();
                nextHeartbeat = now + heartbeatTicks;
            }

            _wake.WaitOne(waitMs);
        }
    }

    private void SetState(RigConnectionState state, string message)
    {
        lock (_stateLock)
        {
            if (_state == state) return;
            _state = state;
        }

        if (state == RigConnectionState.Connected) _connected.Set();
        else _connected.Reset();
        Raise(RigLinkEventKind.StateChanged, message);
    }

    private void Raise(RigLinkEventKind kind, string message) =>
        EventRaised?.Invoke(new RigLinkEvent(Stopwatch.GetTimestamp(), kind, State, message));

    /// <summary>True once the first connection succeeded (later states may be Lost/Reconnecting).</summary>
    public bool HasEverConnected => _everConnected;

    /// <summary>Stops the supervisor thread and closes the link.</summary>
    public void Dispose()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        _wake.Set();
        _thread?.Join(TimeSpan.FromSeconds(5));
        _session?.Dispose();
        _session = null;
        _stop.Dispose();
        _wake.Dispose();
        _connected.Dispose();
    }
}
