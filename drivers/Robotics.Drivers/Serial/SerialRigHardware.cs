using System.Diagnostics;
using Robotics.Core.Time;
using Robotics.Drivers.Hardware;

namespace Robotics.Drivers.Serial;

/// <summary>
/// A rig on a serial port as an <see cref="IHardwareComponent"/>: a <see cref="RigSupervisor"/> keeps it
/// connected; <c>Read</c> copies the newest SAMPLE, <c>Write</c> sends a CMD. The Tendon and HASEL drivers
/// derive from it and fix the interface names, sizes and safe command.
/// </summary>
/// <remarks>
/// <para>State layout: outputs (n_outputs), then actuator state (n_inputs), then sensor channels (n_channels),
/// converted from f32. Command: actuators (n_inputs).</para>
/// <para>Fault policy: while the link is down, or the newest sample is older than
/// <see cref="SerialRigOptions.MaxSampleAge"/>, <c>Read</c> returns <see cref="HardwareResult.Error"/> and
/// <c>Write</c> returns <see cref="HardwareResult.Error"/>: the control loop reuses the last state for a few
/// ticks and then writes the safe command. After every (re)connect the supervisor sends the safe command
/// before anything else, so the rig restarts safe. A latched firmware watchdog fault triggers a reconnect
/// (HELLO re-arms the firmware).</para>
/// <para>Read and Write do not allocate and never throw.</para>
/// </remarks>
public abstract class SerialRigHardware : HardwareComponent, IDisposable
{
    private readonly RigSample _sample;
    private readonly double[] _safeCommand;
    private readonly long _maxSampleAgeTicks;
    private readonly SerialRigOptions _rigOptions;

    /// <summary>Creates the component; nothing is opened until Configure.</summary>
    /// <exception cref="ArgumentException">Sizes do not match the interface names or options are invalid.</exception>
    protected SerialRigHardware(string name, HardwareInterfaceInfo interfaces, RigType rigType, int inputCount, int outputCount, int channelCount,
        RigSupervisorOptions supervisorOptions, SerialRigOptions? rigOptions = null)
        : base(name, interfaces)
    {
        ArgumentNullException.ThrowIfNull(supervisorOptions);
        _rigOptions = rigOptions ?? new SerialRigOptions();
        _rigOptions.Validate();
        if (interfaces.StateInterfaces.Count != outputCount + inputCount + channelCount)
            throw new ArgumentException($"Rig '{name}' declares {interfaces.StateInterfaces.Count} state interfaces; outputs + actuators + channels = {outputCount + inputCount + channelCount}.", nameof(interfaces));
        if (interfaces.CommandInterfaces.Count != inputCount)
            throw new ArgumentException($"Rig '{name}' declares {interfaces.CommandInterfaces.Count} command interfaces for {inputCount} actuators.", nameof(interfaces));
        RigType = rigType;
        _sample = new RigSample(channelCount, outputCount, inputCount);
        _safeCommand = interfaces.SafeCommand.ToArray();
        _maxSampleAgeTicks = (long)(_rigOptions.MaxSampleAge.TotalSeconds * Stopwatch.Frequency);
        var safe = new float[inputCount];
        for (int i = 0; i < inputCount; i++) safe[i] = (float)_safeCommand[i];
        Supervisor = new RigSupervisor(supervisorOptions with
        {
            Session = supervisorOptions.Session with
            {
                ExpectedRigType = rigType,
                ExpectedInputCount = inputCount,
                ExpectedOutputCount = outputCount,
                ExpectedChannelCount = channelCount,
            },
            InitialCommand = safe,
        });
        Supervisor.EventRaised += OnSupervisorEvent;
    }

    /// <summary>The rig type this driver accepts.</summary>
    public RigType RigType { get; }

    /// <summary>The connection supervisor (state, events, statistics).</summary>
    public RigSupervisor Supervisor { get; }

    /// <summary>Link statistics (published as diagnostics by the node).</summary>
    public RigLinkStatistics Statistics => Supervisor.Statistics;

    /// <summary>Reads that failed because the link was down or the sample stale.</summary>
    public long FailedReads { get; private set; }

    /// <summary>The newest sample the last successful read used (status bits, sequence, firmware time).</summary>
    public RigSample LastSample => _sample;

    private void OnSupervisorEvent(RigLinkEvent e)
    {
        if (_rigOptions.RearmAfterWatchdogFault && e.Kind == RigLinkEventKind.Fault && e.Fault?.Code == RigFaultCode.Watchdog)
        {
            Supervisor.ForceReconnect("firmware watchdog fault latched; HELLO re-arms it");
        }
    }

    /// <inheritdoc />
    protected override HardwareResult OnConfigure()
    {
        if (Supervisor.State == RigConnectionState.Stopped && !Supervisor.HasEverConnected) Supervisor.Start();
        return Supervisor.WaitForConnection(_rigOptions.ConfigureTimeout) ? HardwareResult.Ok : HardwareResult.Error;
    }

    /// <inheritdoc />
    protected override HardwareResult OnActivate() =>
        Supervisor.State == RigConnectionState.Connected ? HardwareResult.Ok : HardwareResult.Error;

    /// <inheritdoc />
    protected override HardwareResult OnDeactivate() =>
        Supervisor.TrySendCommand(_safeCommand) ? HardwareResult.Ok : HardwareResult.Error;

    /// <inheritdoc />
    protected override HardwareResult OnRead(SimTime now, SimTime period, Span<double> state)
    {
        if (!Supervisor.TryCopyLatestSample(_sample) || Stopwatch.GetTimestamp() - _sample.HostReceivedTimestamp > _maxSampleAgeTicks)
        {
            FailedReads++;
            return HardwareResult.Error;
        }

        int k = 0;
        foreach (float v in _sample.Outputs) state[k++] = v;
        foreach (float v in _sample.Actuators) state[k++] = v;
        foreach (float v in _sample.Channels) state[k++] = v;
        return HardwareResult.Ok;
    }

    /// <inheritdoc />
    protected override HardwareResult OnWrite(SimTime now, SimTime period, ReadOnlySpan<double> command) =>
        Supervisor.TrySendCommand(command) ? HardwareResult.Ok : HardwareResult.Error;

    /// <summary>Sends the safe command if possible and stops the supervisor.</summary>
    public void Dispose()
    {
        Shutdown();
        Supervisor.TrySendCommand(_safeCommand);
        Supervisor.Dispose();
        GC.SuppressFinalize(this);
    }
}
