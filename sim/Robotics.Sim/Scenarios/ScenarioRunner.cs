using Robotics.Control.Loop;
using Robotics.Core.Randomness;
using Robotics.Core.Time;
using Robotics.Drivers.Hardware;
using Robotics.Sim.Faults;
using Robotics.Sim.Hardware;

namespace Robotics.Sim.Scenarios;

/// <summary>
/// Runs a <see cref="Scenario"/> through the shared <see cref="ControlLoop"/> against <see cref="SimHardware"/>, paced
/// by a <see cref="ManualClockPacer"/> (as fast as the computer allows) unless the caller gives another pacer (e.g. a
/// real-time one), and evaluates its pass criteria.
/// </summary>
/// <remarks>
/// <para>Set-up: root stream <c>new Rng(seed)</c>; the hardware gets <c>rng.Fork("hardware")</c> (its sensor noise is
/// that stream's <c>Fork("sensor_noise")</c>); plant, controller and reference are built from the catalog;
/// the hardware is configured and activated and the loop started at clock time 0.</para>
/// <para>Tick k = 0 .. N-1 (N = ceil(duration / period)): <c>pacer.WaitForNextDeadline(loop); loop.Tick()</c>, which
/// with the manual clock means the clock jumps to k * period before tick k. The first tick is at t = 0. Every tick is recorded (trace hash, metrics from <see cref="SimHardware.TrueState"/>, optional CSV).</para>
/// <para>The runner reads no wall clock: the caller measures wall time if it wants a real-time factor.</para>
/// </remarks>
public static class ScenarioRunner
{
    /// <summary>Runs the scenario once.</summary>
    /// <param name="scenario">The scenario (normally from <see cref="ScenarioLoader"/>).</param>
    /// <param name="options">Seed/duration overrides, CSV trace and progress; null for none.</param>
    /// <returns>Metrics, pass/fail with reasons, the trace hash and timing statistics.</returns>
    /// <exception cref="ArgumentException">The scenario or an override is invalid (scenarios from the loader are already validated).</exception>
    public static ScenarioResult Run(Scenario scenario, ScenarioRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new ScenarioRunOptions();
        ulong seed = options.Seed ?? scenario.Seed;
        double duration = options.DurationSeconds ?? scenario.DurationSeconds;
        if (!double.IsFinite(duration) || duration <= 0)
        {
            throw new ArgumentException($"Duration override {duration} s must be finite and > 0.", nameof(options));
        }

        SimTime period = scenario.Period;
        long tickCount = scenario.TickCountFor(duration);
        SimTime end = period * tickCount;
        SimTime finalWindowStart = end - SimTime.FromSeconds(1.0);
        if (finalWindowStart < SimTime.Zero) finalWindowStart = SimTime.Zero;

        var plantEntry = ScenarioCatalog.FindPlant(scenario.Plant.Type)
            ?? throw new ArgumentException($"Unknown plant type '{scenario.Plant.Type}'.", nameof(scenario));
        var referenceEntry = ScenarioCatalog.FindReference(scenario.Reference.Type)
            ?? throw new ArgumentException($"Unknown reference type '{scenario.Reference.Type}'.", nameof(scenario));
        var controllerEntry = ScenarioCatalog.FindController(scenario.Controller.Type)
            ?? throw new ArgumentException($"Unknown controller type '{scenario.Controller.Type}'.", nameof(scenario));

        var plant = plantEntry.Create(scenario.Plant.Parameters);
        var model = plantEntry.Create(scenario.Plant.Parameters); // the controller's model, never advanced by the simulator
        var reference = referenceEntry.Create(scenario.Reference.Parameters);
        var controller = controllerEntry.Create(new ControllerBuildContext(scenario.Controller.Parameters, model, period, reference.Size));

        var rng = new Rng(seed);
        var initial = scenario.Plant.InitialState.ToArray();
        var hardware = new SimHardware(plant, initial, scenario.Hardware, rng.Fork("hardware"), new FaultSchedule(scenario.Faults));
        var pacer = options.Pacer ?? new ManualClockPacer();

        options.Trace?.Write(ScenarioRecorder.CsvHeader(plant.StateNames, reference.Size, plant.InputNames) + "\n");
        using var recorder = new ScenarioRecorder(plant.StateSize, reference.Size, plant.InputSize, hardware.CopyTrueState,
            scenario.Tracking, scenario.Pass.StateBounds, period, finalWindowStart, options.Trace);
        var loop = new ControlLoop(hardware, controller, reference, pacer.Clock,
            new ControlLoopOptions { Period = period, ReadFaultToleranceTicks = scenario.ReadFaultToleranceTicks }, recorder);

        Require(hardware.Configure(), "configure");
        Require(hardware.Activate(), "activate");
        loop.Start();
        long progressStep = Math.Max(1, tickCount / 100);
        for (long k = 0; k < tickCount; k++)
        {
            pacer.WaitForNextDeadline(loop);
            loop.Tick();
            if (options.Progress is not null && (k + 1) % progressStep == 0) options.Progress.Report((k + 1) / (double)tickCount);
        }

        options.Progress?.Report(1.0);
        var metrics = recorder.Metrics();
        hardware.Deactivate();
        options.Trace?.Flush();

        var timing = loop.Timing;
        var counts = new ScenarioStatusCounts(loop.StatusCount(TickStatus.Ok), loop.StatusCount(TickStatus.StaleState),
            loop.StatusCount(TickStatus.SafeCommand), loop.StatusCount(TickStatus.WriteFault));
        return new ScenarioResult
        {
            Scenario = scenario.Name,
            Seed = seed,
            Ticks = loop.TickCount,
            SimTimeSeconds = end.Seconds,
            Metrics = metrics,
            FailedCriteria = Evaluate(scenario.Pass, metrics, counts),
            TraceSha256 = recorder.TraceSha256(),
            StatusCounts = counts,
            Timing = new ScenarioTiming(timing.MeanPeriodSeconds, timing.MinPeriodSeconds, timing.MaxPeriodSeconds,
                timing.RmsJitterSeconds, timing.MaxAbsJitterSeconds, timing.MeanComputeSeconds, timing.MaxComputeSeconds),
        };
    }

    private static void CopyTrueState(this SimHardware hardware, Span<double> destination) => hardware.TrueState.CopyTo(destination);

    private static void Require(HardwareResult result, string step)
    {
        if (result != HardwareResult.Ok)
        {
            throw new InvalidOperationException($"Simulated hardware failed to {step} ({result}).");
        }
    }

    /// <summary>Checks every criterion; a non-finite metric fails its criterion.</summary>
    private static FailedCriterion[] Evaluate(PassCriteria pass, ScenarioMetrics m, ScenarioStatusCounts counts)
    {
        var failed = new List<FailedCriterion>();
        void Check(string name, double? limit, double actual, string what)
        {
            if (limit is { } max && !(actual <= max))
            {
                failed.Add(new FailedCriterion(name, max, actual, $"{what} = {actual:G6} exceeds {name} = {max:G6}"));
            }
        }

        Check("rmse_max", pass.RmseMax, m.Rmse, "tracking RMSE");
        Check("max_abs_error_max", pass.MaxAbsErrorMax, m.MaxAbsError, "largest tracking error");
        Check("final_abs_error_max", pass.FinalAbsErrorMax, m.FinalAbsError, "mean tracking error over the last second");
        Check("control_effort_max", pass.ControlEffortMax, m.ControlEffort, "control effort");
        Check("safe_command_ticks_max", pass.SafeCommandTicksMax, counts.SafeCommand, "safe-command ticks");
        for (int i = 0; i < m.StateBounds.Count; i++)
        {
            var b = m.StateBounds[i];
            if (b.ViolationTicks > 0)
            {
                double worst = b.ObservedMax > b.Bound.Max || double.IsNaN(b.ObservedMax) ? b.ObservedMax : b.ObservedMin;
                failed.Add(new FailedCriterion($"state_bounds[{i}]", worst > b.Bound.Max ? b.Bound.Max : b.Bound.Min, worst,
                    $"{b.Bound.State} left [{b.Bound.Min:G6}, {b.Bound.Max:G6}] on {b.ViolationTicks} ticks, first at t = {b.FirstViolationSeconds:G6} s (observed range [{b.ObservedMin:G6}, {b.ObservedMax:G6}])"));
            }
        }

        return failed.ToArray();
    }
}
