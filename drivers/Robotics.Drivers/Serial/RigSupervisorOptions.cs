namespace Robotics.Drivers.Serial;

/// <summary>
/// How a <see cref="RigSupervisor"/> connects, watches and reconnects. Defaults follow the measured design
/// in serial-hil.md section 5.
/// </summary>
public sealed record RigSupervisorOptions
{
    /// <summary>Device path or stable symlink (e.g. /dev/serial/by-id/..., or the emulator's link).</summary>
    public required string PortName { get; init; }

    /// <summary>Link settings (implementation, baud, DTR).</summary>
    public SerialLinkOptions Link { get; init; } = new();

    /// <summary>Handshake expectations.</summary>
    public RigSessionOptions Session { get; init; } = new();

    /// <summary>Per-attempt timeout covering open + HELLO (Polly timeout strategy).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Retries after the first attempt before the round fails (Polly retry).</summary>
    public int MaxRetryAttempts { get; init; } = 12;

    /// <summary>First retry delay; doubles per attempt with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Largest retry delay.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Circuit breaker: failure ratio that opens it.</summary>
    public double BreakerFailureRatio { get; init; } = 0.9;

    /// <summary>Circuit breaker: attempts needed in the sampling window before it can open.</summary>
    public int BreakerMinimumThroughput { get; init; } = 8;

    /// <summary>Circuit breaker: sampling window.</summary>
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Circuit breaker: how long it stays open before a half-open probe.</summary>
    public TimeSpan BreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Receive watchdog: no good frame for this long counts as a lost link (at least 20 sample periods).</summary>
    public TimeSpan ReceiveTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Heartbeat period (keeps an idle rig's watchdog fed, collects the firmware's counters and the round trip).
    /// Capped at a third of the watchdog period the rig reports in HELLO.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>
    /// Once commands have been sent on a connection, heartbeats are only sent while the last command is younger
    /// than this: a stalled control loop must let the firmware watchdog trip instead of being masked by heartbeats.
    /// </summary>
    public TimeSpan HeartbeatCommandStaleness { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>After the pipeline gives up (Offline), wait this long and start a new round; zero stays offline.</summary>
    public TimeSpan OfflineRetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Actuator values sent right after every handshake (the safe command), or null to send nothing.</summary>
    public IReadOnlyList<float>? InitialCommand { get; init; }

    /// <summary>Seed of the retry jitter (explicit, so runs are reproducible).</summary>
    public ulong JitterSeed { get; init; } = 1;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it, the value and the range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(PortName, nameof(PortName));
        Link.Validate();
        Positive(AttemptTimeout, nameof(AttemptTimeout), "250 ms");
        Positive(RetryBaseDelay, nameof(RetryBaseDelay), "25 ms");
        Positive(RetryMaxDelay, nameof(RetryMaxDelay), "400 ms");
        Positive(BreakerSamplingDuration, nameof(BreakerSamplingDuration), "3 s");
        Positive(BreakerBreakDuration, nameof(BreakerBreakDuration), "1 s");
        Positive(ReceiveTimeout, nameof(ReceiveTimeout), "200 ms");
        Positive(HeartbeatInterval, nameof(HeartbeatInterval), "30 ms");
        Positive(HeartbeatCommandStaleness, nameof(HeartbeatCommandStaleness), "50 ms");
        if (MaxRetryAttempts is < 0 or > 1000)
            throw new ArgumentException($"Rig option max_retry_attempts = {MaxRetryAttempts} is outside 0..1000; the default is 12.", nameof(MaxRetryAttempts));
        if (BreakerFailureRatio is <= 0 or > 1)
            throw new ArgumentException($"Rig option breaker_failure_ratio = {BreakerFailureRatio} is outside (0, 1]; the default is 0.9.", nameof(BreakerFailureRatio));
        if (BreakerMinimumThroughput < 2)
            throw new ArgumentException($"Rig option breaker_minimum_throughput = {BreakerMinimumThroughput} must be at least 2 (Polly); the default is 8.", nameof(BreakerMinimumThroughput));
        if (OfflineRetryInterval < TimeSpan.Zero)
            throw new ArgumentException($"Rig option offline_retry_interval = {OfflineRetryInterval} is negative; use zero to stay offline.", nameof(OfflineRetryInterval));
    }

    private static void Positive(TimeSpan value, string name, string typical)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromMinutes(10))
            throw new ArgumentException($"Rig option {name} = {value.TotalMilliseconds} ms must be in (0, 10 min]; typical {typical}.", name);
    }
}
