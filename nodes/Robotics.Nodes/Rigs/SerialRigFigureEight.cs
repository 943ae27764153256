using System.Diagnostics;
using Robotics.Control.Loop;
using Robotics.Control.Npc;
using Robotics.Control.Npc.Rigs;
using Robotics.Core.Time;
using Robotics.Drivers.Emulation;
using Robotics.Drivers.Hardware;
using Robotics.Drivers.Hasel;
using Robotics.Drivers.Serial;
using Robotics.Drivers.Tendon;
using Robotics.Models.Dynamics;

namespace Robotics.Nodes.Rigs;

/// <summary>
/// The closed-loop acceptance run of issue 6: the emulated rig firmware (rig_emu) on a pseudo-terminal, the real
/// serial stack (<see cref="PosixTtyLink"/> -> <see cref="RigSession"/>/<see cref="RigSupervisor"/> ->
/// <see cref="TendonRig"/> or <see cref="HaselRig"/>), the shared <see cref="ControlLoop"/> paced by <see cref="FixedRateRunner"/> on the
/// monotonic clock, a figure-eight reference and the PID baseline or the Newton NPC.
/// </summary>
/// <remarks>
/// <para><b>What the controller sees.</b> The rig outputs of the SAMPLE frame (state[0..3)). In emulation these are
/// the simulated ground truth (status bit EMULATED); on hardware the firmware fills them with its on-device model's
/// estimate (PROTOCOL.md). The sensor channels are not used for feedback in this run.</para>
/// <para><b>Error.</b> At every tick after the settling hold: the path error (<see cref="IRigKinematics.PathError"/>)
/// between the outputs of the newest sample and the path at the tick's loop time (so transport delay counts
/// against the controller). RMS and max over the measured ticks.</para>
/// <para><b>Timing.</b> The loop's own statistics (period, jitter against absolute deadlines, compute, overruns),
/// the driver's sample age at arrival and command latency (MCU clock = host monotonic clock in emulation), and
/// the age of the sample at the tick that used it.</para>
/// </remarks>
public static class SerialRigFigureEight
{
    /// <summary>Latency added to the feed-forward lead for transport (sample age + command latency + firmware tick), s.</summary>
    public const double TransportLeadSeconds = 0.003;

    /// <summary>Builds the figure-eight path of a rig.</summary>
    public static RigFigureEight PathFor(RigType rig, double settleSeconds) =>
        rig == RigType.Tendon ? RigFigureEight.Tendon(settleSeconds) : RigFigureEight.Hasel(settleSeconds);

    /// <summary>Builds the kinematics of a rig.</summary>
    public static IRigKinematics KinematicsFor(RigType rig) => rig == RigType.Tendon ? new TendonKinematics() : new HaselKinematics();

    /// <summary>Builds the controller and its reference for a rig, at period <paramref name="periodSeconds"/>.</summary>
    /// <param name="kind">PID or NPC.</param>
    /// <param name="rig">The rig.</param>
    /// <param name="path">The figure eight.</param>
    /// <param name="stateSize">Length of the rig's state vector.</param>
    /// <param name="periodSeconds">Control period, s.</param>
    /// <param name="predictor">The NPC's model (null: the analytic first-order lag <see cref="RigLagPredictor"/>).</param>
    public static (IController Controller, IReferenceSource Reference) ControllerFor(SerialRigControllerKind kind, RigType rig, RigFigureEight path,
        int stateSize, double periodSeconds, INarxPredictor? predictor = null)
    {
        var k = KinematicsFor(rig);
        if (kind == SerialRigControllerKind.Pid)
        {
            double lead = k.TimeConstantSeconds + 0.5 * periodSeconds + TransportLeadSeconds;
            var gains = rig == RigType.Tendon ? RigPidGains.Tendon : RigPidGains.Hasel;
            return (new RigInversePidController(k, gains, stateSize), new FigureEightReference(path, 0.0, lead));
        }

        int m = k.ActuatorCount;
        double[] min = k.CommandMin.ToArray(), max = k.CommandMax.ToArray();
        var centre = new double[m];
        var range = new double[m];
        for (int i = 0; i < m; i++)
        {
            centre[i] = 0.5 * (min[i] + max[i]);
            range[i] = (max[i] - min[i]) * 1.02;
        }

        var options = rig == RigType.Tendon
            ? new NewtonNpcOptions
            {
                OutputWeights = [1e6, 1e6, 1e6], // (mm)^2
                InputChangeWeights = [1.0, 1.0],
                FallbackCommand = [0.0, 0.0],
                FiniteDifferenceStep = 1e-3,
                BarrierCentre = centre, BarrierRange = range, CommandMin = min, CommandMax = max,
            }
            : new NewtonNpcOptions
            {
                // roll and pitch weighted by R^2: (mm at the rim)^2, heave (mm)^2
                OutputWeights = [1e6 * HaselKinematics.Radius * HaselKinematics.Radius, 1e6 * HaselKinematics.Radius * HaselKinematics.Radius, 1e6],
                InputChangeWeights = [.. Enumerable.Repeat(1e-2, m)],
                FallbackCommand = [.. Enumerable.Repeat(0.0, m)], // mid-range: at -0.5 (0 V) the stroke has zero slope
                FiniteDifferenceStep = 1e-3,
                // The V^2 stroke makes the cost's Hessian indefinite away from the target (the -2 Q e d2y/du2 term beats
                // the Gauss-Newton term); damping keeps the Newton step a descent step.
                HessianDamping = 20.0,
                BarrierCentre = centre, BarrierRange = range,
                CommandMin = [.. Enumerable.Repeat(-0.4, m)], // keep off the zero-slope end (0 V); the path needs u >= -0.23
                CommandMax = max,
            };
        var npc = new NewtonNpcController(predictor ?? new RigLagPredictor(k, periodSeconds), options, stateSize, k.OutputCount);
        return (npc, new FigureEightReference(path, periodSeconds + TransportLeadSeconds));
    }

    /// <summary>
    /// Starts rig_emu for <paramref name="options"/> (rig, seed, executable, watchdog) and connects the rig's serial
    /// hardware to it (configured and active). The caller disposes both, the rig first.
    /// </summary>
    /// <param name="options">The run settings.</param>
    /// <param name="what">The command, for the error message.</param>
    /// <param name="cancellationToken">Stops the emulator start.</param>
    /// <exception cref="InvalidOperationException">The rig did not connect.</exception>
    internal static (RigEmulatorProcess Emulator, SerialRigHardware Rig) ConnectEmulated(SerialRigFigureEightOptions options, string what, CancellationToken cancellationToken)
    {
        var emulator = RigEmulatorProcess.Start(new RigEmulatorOptions
        {
            Rig = options.Rig == RigType.Tendon ? EmulatedRig.Tendon : EmulatedRig.Hasel,
            Seed = options.Seed,
            ExecutablePath = options.EmulatorExecutable,
            WatchdogMs = options.FirmwareWatchdogMs,
        }, cancellationToken);
        var supervisorOptions = new RigSupervisorOptions
        {
            PortName = emulator.LinkPath,
            Link = new SerialLinkOptions { Kind = options.Link },
            AttemptTimeout = TimeSpan.FromSeconds(1), // a loaded machine; the default is 250 ms
        };
        SerialRigHardware rig = options.Rig == RigType.Tendon ? new TendonRig(supervisorOptions) : new HaselRig(supervisorOptions);
        if (rig.Configure() != HardwareResult.Ok || rig.Activate() != HardwareResult.Ok)
        {
            string message = $"{what}: the {options.Rig} rig on {emulator.LinkPath} did not connect: {rig.Supervisor.LastError?.Message}";
            rig.Dispose();
            emulator.Dispose();
            throw new InvalidOperationException(message);
        }

        return (emulator, rig);
    }

    /// <summary>Starts the emulator, runs the figure eight and returns the measurements.</summary>
    /// <param name="options">The run settings.</param>
    /// <param name="progress">Called about every 5 s with a progress line (may be null).</param>
    /// <param name="cancellationToken">Stops the run early.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="InvalidOperationException">The rig could not be configured or activated.</exception>
    public static SerialRigFigureEightResult Run(SerialRigFigureEightOptions options, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var connection = ConnectEmulated(options, "Figure eight", cancellationToken);
        using var emulator = connection.Emulator;
        using var rig = connection.Rig;

        double period = 1.0 / options.RateHz;
        var path = PathFor(options.Rig, options.SettleSeconds);
        int stateSize = rig.Interfaces.StateInterfaces.Count;
        INarxPredictor? learned = null;
        if (options.ModelPath is { } modelPath && options.Controller == SerialRigControllerKind.Npc)
        {
            var predictor = new DynamicsModelPredictor(ModelLoader.Load(modelPath));
            if (Math.Abs(predictor.TimeStep - period) > 1e-9 || predictor.InputSize != KinematicsFor(options.Rig).ActuatorCount || predictor.OutputSize != KinematicsFor(options.Rig).OutputCount)
                throw new ArgumentException($"Figure eight: model '{modelPath}' (dt {predictor.TimeStep} s, {predictor.InputSize} inputs, {predictor.OutputSize} outputs) does not fit the {options.Rig} rig at {options.RateHz} Hz; record and train at this rate.");
            learned = predictor;
        }

        var (controller, reference) = ControllerFor(options.Controller, options.Rig, path, stateSize, period, learned);
        long expectedTicks = (long)Math.Ceiling((options.SettleSeconds + options.DurationSeconds) * options.RateHz) + 16;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var observer = new Observer(rig, path, KinematicsFor(options.Rig), options.SettleSeconds, options.SettleSeconds + options.DurationSeconds, expectedTicks, stop);
        var loop = new ControlLoop(rig, controller, reference, TimeProvider.System,
            new ControlLoopOptions { Period = SimTime.FromRate(options.RateHz), ReadFaultToleranceTicks = 5 }, observer);

        // JIT the controller and reference before the loop starts (loop.Start resets the controller): a first tick delayed
        // past the firmware's 100 ms command watchdog would trip it and force a reconnect.
        var warmState = new double[stateSize];
        var warmReference = new double[reference.Size];
        var warmCommand = new double[controller.CommandSize];
        reference.Evaluate(SimTime.Zero, warmReference);
        path.Evaluate(0.0, warmState);
        controller.Update(SimTime.Zero, SimTime.FromRate(options.RateHz), warmState, warmReference, warmCommand);
        rig.Write(SimTime.Zero, SimTime.Zero, rig.Interfaces.SafeCommand.ToArray());

        // Counters from here on: the handshake's frames are not part of the run.
        var before = rig.Statistics.Snapshot();
        rig.Statistics.SampleAge.Clear();
        rig.Statistics.CommandLatency.Clear();
        var runner = new FixedRateRunner(loop, TimeProvider.System);
        var task = runner.RunAsync(long.MaxValue, stop.Token);
        var watch = Stopwatch.StartNew();
        while (!task.Wait(TimeSpan.FromSeconds(5)))
        {
            progress?.Invoke($"  {watch.Elapsed.TotalSeconds:F0} s: {loop.TickCount} ticks, RMS error so far {observer.RmsError * 1e3:F3} mm, overruns {loop.Overruns}");
        }

        long ticks = task.Result;
        var after = rig.Statistics.Snapshot();
        rig.Deactivate();
        var fw = after.LastFirmwareCounters;
        var fwBefore = before.LastFirmwareCounters;
        return new SerialRigFigureEightResult
        {
            Options = options,
            Ticks = ticks,
            MeasuredTicks = observer.Count,
            RmsErrorMeters = observer.RmsError,
            MaxErrorMeters = observer.MaxError,
            PathRmsExcursionMeters = observer.RmsExcursion,
            MeanPeriodSeconds = loop.Timing.MeanPeriodSeconds,
            MinPeriodSeconds = loop.Timing.MinPeriodSeconds,
            MaxPeriodSeconds = loop.Timing.MaxPeriodSeconds,
            RmsJitterSeconds = loop.Timing.RmsJitterSeconds,
            MaxJitterSeconds = loop.Timing.MaxAbsJitterSeconds,
            Overruns = loop.Overruns,
            MeanComputeSeconds = loop.Timing.MeanComputeSeconds,
            MaxComputeSeconds = loop.Timing.MaxComputeSeconds,
            StatusCounts = [loop.StatusCount(TickStatus.Ok), loop.StatusCount(TickStatus.StaleState), loop.StatusCount(TickStatus.SafeCommand), loop.StatusCount(TickStatus.WriteFault)],
            ControllerFailures = controller is NewtonNpcController npc ? npc.FallbackCount : 0,
            SampleAgeAtUseMedianMicroseconds = observer.AgePercentile(0.5),
            SampleAgeAtUseP99Microseconds = observer.AgePercentile(0.99),
            Link = after,
            SampleGaps = after.SampleGaps - before.SampleGaps,
            DecodeErrors = after.DecodeErrors - before.DecodeErrors,
            FirmwareCommandGaps = fw is { } f ? f.CommandGaps - (fwBefore?.CommandGaps ?? 0) : -1,
            FirmwareDecodeErrors = fw is { } g ? g.CrcErrors + g.CobsErrors - (fwBefore is { } h ? h.CrcErrors + h.CobsErrors : 0) : -1,
            LinkLosses = after.LinkLosses - before.LinkLosses,
            Faults = after.Faults - before.Faults,
        };
    }

    /// <summary>Measures the path error and the sample age at use on the control thread (no allocation per tick).</summary>
    private sealed class Observer : IControlLoopObserver
    {
        private readonly SerialRigHardware _rig;
        private readonly RigFigureEight _path;
        private readonly IRigKinematics _kinematics;
        private readonly double _start, _end;
        private readonly double[] _r, _centre, _ages;
        private readonly CancellationTokenSource _stop;
        private double _sumSquares, _sumExcursion;
        private int _ageCount;

        public Observer(SerialRigHardware rig, RigFigureEight path, IRigKinematics kinematics, double start, double end, long capacity, CancellationTokenSource stop)
        {
            _rig = rig;
            _path = path;
            _kinematics = kinematics;
            _start = start;
            _end = end;
            _stop = stop;
            _r = new double[path.Size];
            _centre = new double[path.Size];
            path.Evaluate(0.0, _centre);
            _ages = new double[capacity];
        }

        public long Count { get; private set; }

        public double MaxError { get; private set; }

        public double RmsError => Count == 0 ? double.NaN : Math.Sqrt(_sumSquares / Count);

        public double RmsExcursion => Count == 0 ? double.NaN : Math.Sqrt(_sumExcursion / Count);

        public void OnTick(long tickIndex, SimTime now, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, ReadOnlySpan<double> command, TickStatus status)
        {
            double t = now.Seconds;
            if (t >= _end)
            {
                _stop.Cancel();
                return;
            }

            if (t < _start) return;
            _path.Evaluate(t, _r);
            double e = _kinematics.PathError(state, _r);
            double x = _kinematics.PathError(_centre, _r);
            _sumSquares += e * e;
            _sumExcursion += x * x;
            if (e > MaxError || double.IsNaN(e)) MaxError = e;
            Count++;
            if (_ageCount < _ages.Length)
            {
                // mcu_us is CLOCK_MONOTONIC in emulation and Stopwatch is CLOCK_MONOTONIC on Linux; the offset corrects hardware clocks.
                double nowMicros = Stopwatch.GetTimestamp() * (1e6 / Stopwatch.Frequency);
                _ages[_ageCount++] = nowMicros - (_rig.LastSample.McuMicroseconds - _rig.Statistics.ClockOffsetMicroseconds);
            }
        }

        public double AgePercentile(double p)
        {
            if (_ageCount == 0) return double.NaN;
            var sorted = _ages.AsSpan(0, _ageCount).ToArray();
            Array.Sort(sorted);
            return sorted[Math.Min(_ageCount - 1, (int)Math.Floor(p * (_ageCount - 1) + 0.5))];
        }
    }
}
