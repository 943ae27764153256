using Robotics.Core.Randomness;
using Robotics.Core.Time;
using Robotics.Drivers.Hardware;
using Robotics.Sim.Faults;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Hardware;

/// <summary>
/// The simulator's hardware component: an <see cref="IPlant"/> behind the same <see cref="IHardwareComponent"/>
/// contract as a real rig, with a sensor model (noise, quantisation, delay), actuator limits and injected faults.
/// The control loop runs against it exactly as against real hardware.
/// </summary>
/// <remarks>
/// <para><b>Interfaces.</b> State interfaces are the plant's state names, command interfaces its input names; the
/// safe command is <see cref="SimHardwareOptions.SafeCommand"/> (zeros unless configured). Before the first write
/// the plant is driven with the safe command.</para>
/// <para><b>Write(now, ...)</b> first integrates the plant up to <c>now</c> with the previous command, then stores the
/// new command clipped per channel to [command_min, command_max]. A channel under a
/// <see cref="FaultKind.StuckActuator"/> fault keeps the value it had when the fault started (the last applied value)
/// and ignores new commands until the fault ends. A non-finite command is refused with
/// <see cref="HardwareResult.Error"/> and the previous command stays in force. Writes are refused with
/// <see cref="HardwareResult.NotActive"/> unless the component is active (base class).</para>
/// <para><b>Read(now, ...)</b> integrates the plant from <see cref="Time"/> to <c>now</c> holding the last command
/// (zero-order hold) in sub-steps of <c>integration_step_s</c> (or of the Read period when that is 0). All time
/// arithmetic is in integer nanoseconds: full sub-steps, then one shorter sub-step if needed, so the plant reaches
/// <c>now</c> exactly and never drifts. It then samples the sensor: measurement = quantise(true state + noise),
/// noise ~ N(0, (std_i * burst multiplier)^2) drawn from the Rng stream forked as <c>sensor_noise</c> (one draw per
/// channel per read, whatever the std, so faults never shift the random sequence), quantise(v) = q round(v / q)
/// (midpoints away from zero, q = 0 means none). With <c>sensor_delay_ticks</c> = k the measurement returned is the
/// one sampled k reads earlier (until k reads have happened, the first sample is repeated). During a
/// <see cref="FaultKind.SensorDropout"/> fault the affected channels read NaN and the result is
/// <see cref="HardwareResult.Error"/> (the plant keeps moving). A <c>now</c> earlier than <see cref="Time"/> returns
/// <see cref="HardwareResult.Error"/> without changing anything.</para>
/// <para><b>Deactivate</b> applies the safe command (except on stuck channels).</para>
/// <para>Read and Write allocate nothing: all buffers are allocated in the constructor.</para>
/// </remarks>
public sealed class SimHardware : HardwareComponent
{
    private readonly IPlant _plant;
    private readonly FaultSchedule _faults;
    private readonly Rng _noise;
    private readonly double[] _state, _command, _commandMin, _commandMax, _safeCommand, _noiseStd, _quantization;
    private readonly bool[] _stuck;
    private readonly double[] _delayBuffer;
    private readonly int _delaySlots, _stateSize, _inputSize;
    private readonly long _integrationStepNs;
    private int _delayHead;
    private bool _haveSample;
    private SimTime _time;

    /// <summary>Creates the simulated hardware around <paramref name="plant"/>, starting at time 0.</summary>
    /// <param name="plant">The plant to simulate (owned by this component from now on).</param>
    /// <param name="initialState">The plant's state at time 0 (length = plant state size, finite).</param>
    /// <param name="options">Sensor, actuator and integration settings.</param>
    /// <param name="rng">The random stream; the sensor noise uses <c>rng.Fork("sensor_noise")</c>.</param>
    /// <param name="faults">Faults to inject; null for none.</param>
    /// <exception cref="ArgumentException">The initial state, options or faults do not fit the plant; the message says which and how to fix it.</exception>
    public SimHardware(IPlant plant, ReadOnlySpan<double> initialState, SimHardwareOptions options, Rng rng, FaultSchedule? faults = null)
        : base(ValidateAndGetName(plant, options), BuildInterfaces(plant, options))
    {
        ArgumentNullException.ThrowIfNull(rng);
        _plant = plant;
        Options = options;
        _stateSize = plant.StateSize;
        _inputSize = plant.InputSize;

        if (initialState.Length != _stateSize)
        {
            throw new ArgumentException(
                $"SimHardware for plant '{plant.TypeName}': initial state has {initialState.Length} values but the plant has {_stateSize} states ({string.Join(", ", plant.StateNames)}); give one value per state.",
                nameof(initialState));
        }

        for (int i = 0; i < initialState.Length; i++)
        {
            if (!double.IsFinite(initialState[i]))
            {
                throw new ArgumentException(
                    $"SimHardware for plant '{plant.TypeName}': initial state [{i}] ({plant.StateNames[i]}) = {initialState[i]} is not finite; give a finite value.",
                    nameof(initialState));
            }
        }

        _faults = faults ?? FaultSchedule.Empty;
        foreach (var fault in _faults.Faults)
        {
            int limit = fault.Kind == FaultKind.StuckActuator ? _inputSize : _stateSize;
            if (fault.Channel >= limit)
            {
                string what = fault.Kind == FaultKind.StuckActuator ? "inputs" : "states";
                throw new ArgumentException(
                    $"SimHardware for plant '{plant.TypeName}': {fault.Kind} fault at {fault.Start} targets channel {fault.Channel}, but the plant has {limit} {what}; use a channel in [0, {limit - 1}] or -1 for all.",
                    nameof(faults));
            }
        }

        _state = initialState.ToArray();
        _commandMin = new double[_inputSize];
        _commandMax = new double[_inputSize];
        _safeCommand = new double[_inputSize];
        _command = new double[_inputSize];
        _stuck = new bool[_inputSize];
        for (int i = 0; i < _inputSize; i++)
        {
            _commandMin[i] = options.Lower(i);
            _commandMax[i] = options.Upper(i);
            _safeCommand[i] = options.SafeValue(i);
            _command[i] = _safeCommand[i];
        }

        _noiseStd = new double[_stateSize];
        _quantization = new double[_stateSize];
        for (int i = 0; i < _stateSize; i++)
        {
            _noiseStd[i] = SimHardwareOptions.ValueOrZero(options.SensorNoiseStd, i);
            _quantization[i] = SimHardwareOptions.ValueOrZero(options.Quantization, i);
        }

        _delaySlots = options.SensorDelayTicks + 1;
        _delayBuffer = new double[_delaySlots * _stateSize];
        _integrationStepNs = options.IntegrationStepSeconds > 0 ? SimTime.FromSeconds(options.IntegrationStepSeconds).Nanoseconds : 0;
        _noise = rng.Fork("sensor_noise");
        _time = SimTime.Zero;
    }

    /// <summary>The simulated plant.</summary>
    public IPlant Plant => _plant;

    /// <summary>The settings this component was built with.</summary>
    public SimHardwareOptions Options { get; }

    /// <summary>The injected faults.</summary>
    public FaultSchedule Faults => _faults;

    /// <summary>The plant's true (noise-free, undelayed) state at <see cref="Time"/>, for metrics.</summary>
    public ReadOnlySpan<double> TrueState => _state;

    /// <summary>The plant time the true state refers to.</summary>
    public SimTime Time => _time;

    /// <summary>The command currently applied to the plant (after limits and stuck-actuator faults).</summary>
    public ReadOnlySpan<double> AppliedCommand => _command;

    /// <summary>The integration sub-step, or <see cref="SimTime.Zero"/> when the Read period is used.</summary>
    public SimTime IntegrationStep => new(_integrationStepNs);

    /// <inheritdoc />
    protected override HardwareResult OnRead(SimTime now, SimTime period, Span<double> state)
    {
        if (!AdvanceTo(now, period)) return HardwareResult.Error;

        int n = _stateSize;
        int head = _delayHead * n;
        for (int i = 0; i < n; i++)
        {
            double gaussian = _noise.NextGaussian();
            double std = _noiseStd[i];
            if (std > 0) std *= _faults.NoiseMultiplier(i, now);
            double value = _state[i] + std * gaussian;
            double q = _quantization[i];
            if (q > 0) value = q * Math.Round(value / q, MidpointRounding.AwayFromZero);
            _delayBuffer[head + i] = value;
        }

        if (!_haveSample)
        {
            for (int slot = 0; slot < _delaySlots; slot++)
            {
                Array.Copy(_delayBuffer, head, _delayBuffer, slot * n, n);
            }

            _haveSample = true;
        }

        int oldest = (_delayHead + 1) % _delaySlots * n;
        _delayHead = (_delayHead + 1) % _delaySlots;

        bool dropped = false;
        for (int i = 0; i < n; i++)
        {
            if (_faults.IsActive(FaultKind.SensorDropout, i, now))
            {
                state[i] = double.NaN;
                dropped = true;
            }
            else
            {
                state[i] = _delayBuffer[oldest + i];
            }
        }

        return dropped ? HardwareResult.Error : HardwareResult.Ok;
    }

    /// <inheritdoc />
    protected override HardwareResult OnWrite(SimTime now, SimTime period, ReadOnlySpan<double> command)
    {
        for (int i = 0; i < command.Length; i++)
        {
            if (!double.IsFinite(command[i])) return HardwareResult.Error;
        }

        if (now > _time && !AdvanceTo(now, period)) return HardwareResult.Error;

        for (int i = 0; i < _inputSize; i++)
        {
            if (_faults.IsActive(FaultKind.StuckActuator, i, now))
            {
                _stuck[i] = true; // hold the value applied when the fault started
                continue;
            }

            _stuck[i] = false;
            _command[i] = Math.Clamp(command[i], _commandMin[i], _commandMax[i]);
        }

        return HardwareResult.Ok;
    }

    /// <inheritdoc />
    protected override HardwareResult OnDeactivate()
    {
        for (int i = 0; i < _inputSize; i++)
        {
            if (!_stuck[i]) _command[i] = _safeCommand[i];
        }

        return HardwareResult.Ok;
    }

    private bool AdvanceTo(SimTime now, SimTime period)
    {
        long end = now.Nanoseconds;
        long t = _time.Nanoseconds;
        if (end < t) return false;
        if (end == t) return true;

        long step = _integrationStepNs > 0 ? _integrationStepNs : period.Nanoseconds;
        if (step <= 0) return false;

        while (t < end)
        {
            long h = Math.Min(step, end - t);
            _plant.Advance(t / (double)SimTime.NanosecondsPerSecond, h / (double)SimTime.NanosecondsPerSecond, _state, _command);
            t += h;
        }

        _time = now;
        return true;
    }

    private static string ValidateAndGetName(IPlant plant, SimHardwareOptions options)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(plant);
        return string.IsNullOrEmpty(options.Name) ? plant.TypeName : options.Name;
    }

    private static HardwareInterfaceInfo BuildInterfaces(IPlant plant, SimHardwareOptions options)
    {
        var safe = new double[plant.InputSize];
        for (int i = 0; i < safe.Length; i++) safe[i] = options.SafeValue(i);
        return new HardwareInterfaceInfo(plant.StateNames.ToArray(), plant.InputNames.ToArray(), safe);
    }
}
