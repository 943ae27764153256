using Robotics.Core.Time;
using Robotics.Drivers.Hardware;

namespace Robotics.Control.Loop;

/// <summary>
/// The one control loop of the service: read -> controller -> write at a fixed period, identical on the
/// robot and in the simulator. Time comes from a <see cref="TimeProvider"/>: a <see cref="ManualClock"/>
/// that the simulator advances, or the monotonic clock on a robot, where a pacer in nodes/ calls
/// <see cref="Tick"/> at absolute deadlines.
/// </summary>
/// <remarks>
/// <para>Tick contract, in order:</para>
/// <list type="number">
/// <item>now = clock time since <see cref="Start"/>; timing statistics record period, jitter against the
/// deadline origin + k * period, and compute time.</item>
/// <item><c>hardware.Read(now, period, state)</c>. On failure the last good state is reused for up to
/// <see cref="ControlLoopOptions.ReadFaultToleranceTicks"/> ticks (<see cref="TickStatus.StaleState"/>),
/// after which the safe command is written (<see cref="TickStatus.SafeCommand"/>).</item>
/// <item><c>reference.Evaluate(now)</c>, then <c>controller.Update</c>. A failed controller or a non-finite
/// command gives the safe command.</item>
/// <item><c>hardware.Write(now, period, command)</c>; a refusal is reported as <see cref="TickStatus.WriteFault"/>.</item>
/// <item>The observer (recorder, telemetry) sees the tick's state, reference and command.</item>
/// </list>
/// <para>All buffers are allocated in the constructor; a steady-state tick allocates nothing.</para>
/// </remarks>
public sealed class ControlLoop
{
    private readonly IHardwareComponent _hardware;
    private readonly IController _controller;
    private readonly IReferenceSource _reference;
    private readonly TimeProvider _clock;
    private readonly IControlLoopObserver? _observer;
    private readonly double[] _state, _lastGoodState, _referenceValues, _command, _safeCommand;
    private long _originTimestamp;
    private long _deadlineIndex;
    private SimTime _lastStart;
    private bool _started, _haveGoodState;
    private int _consecutiveReadFaults;

    /// <summary>Builds a loop and checks that the pieces fit together.</summary>
    /// <exception cref="ArgumentException">Sizes do not match or the options are invalid; the message says which.</exception>
    public ControlLoop(IHardwareComponent hardware, IController controller, IReferenceSource reference, TimeProvider clock,
        ControlLoopOptions options, IControlLoopObserver? observer = null)
    {
        _hardware = hardware ?? throw new ArgumentNullException(nameof(hardware));
        _controller = controller ?? throw new ArgumentNullException(nameof(controller));
        _reference = reference ?? throw new ArgumentNullException(nameof(reference));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _observer = observer;

        int stateSize = hardware.Interfaces.StateInterfaces.Count;
        int commandSize = hardware.Interfaces.CommandInterfaces.Count;
        Require(controller.StateSize == stateSize,
            $"controller '{controller.Name}' expects a state of {controller.StateSize} values but hardware '{hardware.Name}' provides {stateSize} ({string.Join(", ", hardware.Interfaces.StateInterfaces)})");
        Require(controller.CommandSize == commandSize,
            $"controller '{controller.Name}' writes {controller.CommandSize} commands but hardware '{hardware.Name}' takes {commandSize} ({string.Join(", ", hardware.Interfaces.CommandInterfaces)})");
        Require(controller.ReferenceSize == reference.Size,
            $"controller '{controller.Name}' expects a reference of {controller.ReferenceSize} values but the reference provides {reference.Size}");

        _state = new double[stateSize];
        _lastGoodState = new double[stateSize];
        _referenceValues = new double[reference.Size];
        _command = new double[commandSize];
        _safeCommand = hardware.Interfaces.SafeCommand.ToArray();
    }

    /// <summary>The loop's settings.</summary>
    public ControlLoopOptions Options { get; }

    /// <summary>The tick period.</summary>
    public SimTime Period => Options.Period;

    /// <summary>Number of ticks run since <see cref="Start"/>.</summary>
    public long TickCount { get; private set; }

    /// <summary>Timing statistics since <see cref="Start"/>.</summary>
    public LoopTimingStatistics Timing { get; } = new();

    /// <summary>The state used by the last tick.</summary>
    public ReadOnlySpan<double> State => _state;

    /// <summary>The reference of the last tick.</summary>
    public ReadOnlySpan<double> Reference => _referenceValues;

    /// <summary>The command written by the last tick.</summary>
    public ReadOnlySpan<double> Command => _command;

    /// <summary>
    /// Ticks that started a whole period or more after their deadline. The loop does not burst to catch
    /// up: the next deadline is the next period boundary after the late tick.
    /// </summary>
    public long Overruns { get; private set; }

    /// <summary>Clock time since <see cref="Start"/> (what the next tick would see as its time now).</summary>
    public SimTime LoopTime => TimeProviderExtensions.TimestampToSimTime(_clock.GetTimestamp() - _originTimestamp, _clock.TimestampFrequency);

    /// <summary>Status of the last tick.</summary>
    public TickStatus LastStatus { get; private set; }

    private readonly long[] _statusCounts = new long[4];

    /// <summary>How many ticks since <see cref="Start"/> ended with <paramref name="status"/>.</summary>
    public long StatusCount(TickStatus status) => _statusCounts[(int)status];

    /// <summary>Marks the current clock time as loop time zero and resets the controller and statistics.</summary>
    public void Start()
    {
        _originTimestamp = _clock.GetTimestamp();
        _started = true;
        _haveGoodState = false;
        _consecutiveReadFaults = 0;
        TickCount = 0;
        _deadlineIndex = 0;
        Overruns = 0;
        Array.Clear(_statusCounts);
        Timing.Reset();
        _controller.Reset();
    }

    /// <summary>The time of the next tick's deadline, relative to <see cref="Start"/>: a multiple of the period.</summary>
    public SimTime NextDeadline => Period * _deadlineIndex;

    /// <summary>Runs one tick now. See the class remarks for the contract.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Start"/> was not called.</exception>
    public TickStatus Tick()
    {
        if (!_started)
        {
            throw new InvalidOperationException("Call Start() before the first Tick().");
        }

        long startTimestamp = _clock.GetTimestamp();
        SimTime now = TimeProviderExtensions.TimestampToSimTime(startTimestamp - _originTimestamp, _clock.TimestampFrequency);
        SimTime measuredPeriod = TickCount == 0 ? Period : now - _lastStart;
        SimTime jitter = now - NextDeadline;
        _lastStart = now;
        _deadlineIndex++;
        if (jitter >= Period)
        {
            // Missed whole periods: skip them instead of running a burst of catch-up ticks.
            Overruns++;
            _deadlineIndex = now.Nanoseconds / Period.Nanoseconds + 1;
        }

        TickStatus status = TickStatus.Ok;
        bool useSafeCommand = false;
        if (_hardware.Read(now, Period, _state) == HardwareResult.Ok && AllFinite(_state))
        {
            _consecutiveReadFaults = 0;
            _haveGoodState = true;
            _state.AsSpan().CopyTo(_lastGoodState);
        }
        else
        {
            _consecutiveReadFaults++;
            if (_haveGoodState && _consecutiveReadFaults <= Options.ReadFaultToleranceTicks)
            {
                _lastGoodState.AsSpan().CopyTo(_state);
                status = TickStatus.StaleState;
            }
            else
            {
                useSafeCommand = true;
            }
        }

        _reference.Evaluate(now, _referenceValues);
        if (!useSafeCommand)
        {
            var controllerStatus = _controller.Update(now, Period, _state, _referenceValues, _command);
            useSafeCommand = controllerStatus == ControllerStatus.Failed || !AllFinite(_command);
        }

        if (useSafeCommand)
        {
            _safeCommand.AsSpan().CopyTo(_command);
            status = TickStatus.SafeCommand;
        }

        if (_hardware.Write(now, Period, _command) != HardwareResult.Ok)
        {
            status = TickStatus.WriteFault;
        }

        LastStatus = status;
        _statusCounts[(int)status]++;
        _observer?.OnTick(TickCount, now, _state, _referenceValues, _command, status);
        TickCount++;

        long endTimestamp = _clock.GetTimestamp();
        Timing.Record(measuredPeriod, jitter,
            TimeProviderExtensions.TimestampToSimTime(endTimestamp - startTimestamp, _clock.TimestampFrequency));
        return status;
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) return false;
        }

        return true;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException(message + ".");
    }
}
