using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Robotics.Sim.Scenarios;

namespace Robotics.Sim.Tests.Scenarios;

/// <summary>
/// Runner, trace hash, CSV and summary on tiny scenarios whose every tick is known by hand: the mass-spring-damper has
/// no spring and no damper and its actuator limits are [0, 0], so the applied force is 0 and the true state stays at
/// the initial state exactly; the PID is a pure P controller (kp = 2), so the command is 2 * (reference - position).
/// </summary>
public sealed class ScenarioRunnerTests
{
    /// <summary>Two ticks at 1 kHz; the second has a sensor dropout and zero fault tolerance, so it writes the safe command.</summary>
    private const string TwoTicks = """
        name: two-ticks
        rate_hz: 1000
        duration_s: 0.002
        read_fault_tolerance_ticks: 0
        plant:
          type: mass_spring_damper
          parameters: { mass_kg: 1.0, stiffness_n_m: 0.0, damping_n_s_m: 0.0 }
          initial_state: [0.25, 0.0]
        hardware: { command_min: [0.0], command_max: [0.0] }
        controller: { type: pid, parameters: { kp: 2.0, ki: 0.0, kd: 0.0 } }
        reference: { type: constant, parameters: { values: [0.75] } }
        tracking: [{ state: position_m, reference: 0 }]
        faults: [{ kind: sensor_dropout, start_s: 0.001, duration_s: 0.001 }]
        """;

    private static Scenario Parse(string yaml) => ScenarioLoader.Parse(yaml, "test.yaml");

    [Fact]
    public void TraceHash_TwoTicks_EqualsSha256OfTheDocumentedRecords()
    {
        var result = ScenarioRunner.Run(Parse(TwoTicks));

        // Tick 0, t = 0: state [0.25, 0], reference [0.75], command 2 * 0.5 = 1, status ok (0).
        // Tick 1, t = 1 ms: both channels dropped (NaN), reference [0.75], safe command 0, status safe_command (2).
        var bytes = new List<byte>();
        void Int64(long v) { var b = new byte[8]; BinaryPrimitives.WriteInt64LittleEndian(b, v); bytes.AddRange(b); }
        void Double(double v) { var b = new byte[8]; BinaryPrimitives.WriteDoubleLittleEndian(b, v); bytes.AddRange(b); }
        Int64(0); Double(0.25); Double(0.0); Double(0.75); Double(1.0); bytes.Add(0);
        Int64(1_000_000); Double(double.NaN); Double(double.NaN); Double(0.75); Double(0.0); bytes.Add(2);
        Assert.Equal(2 * (8 + 8 * 4 + 1), bytes.Count);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())), result.TraceSha256);
        Assert.Equal(2, result.Ticks);
        Assert.Equal(new ScenarioStatusCounts(1, 0, 1, 0), result.StatusCounts);
    }

    [Fact]
    public void Metrics_TwoTicks_ComeFromTheTrueState()
    {
        var result = ScenarioRunner.Run(Parse(TwoTicks));

        // The true position stays 0.25 (the measurement is NaN on tick 1), so the error is 0.5 on both ticks.
        Assert.Equal(0.5, result.Metrics.Rmse, 15);
        Assert.Equal(0.5, result.Metrics.MaxAbsError, 15);
        Assert.Equal(0.5, result.Metrics.FinalAbsError, 15);
        // Effort = (1^2 + 0^2) * 0.001 s.
        Assert.Equal(0.001, result.Metrics.ControlEffort, 15);
        Assert.Equal([0.25, 0.0], result.Metrics.FinalTrueState);
        Assert.Equal(0.002, result.SimTimeSeconds, 15);
        Assert.True(result.Passed);
    }

    [Fact]
    public void CsvTrace_TwoTicks_HasTheDocumentedHeaderAndRows()
    {
        var csv = new StringWriter(CultureInfo.InvariantCulture);
        ScenarioRunner.Run(Parse(TwoTicks), new ScenarioRunOptions { Trace = csv });
        Assert.Equal(
            "time_s,position_m,velocity_m_s,ref_0,force_n,status\n" +
            "0,0.25,0,0.75,1,ok\n" +
            "0.001,NaN,NaN,0.75,0,safe_command\n",
            csv.ToString());
    }

    /// <summary>15 ticks at 10 Hz; the reference steps from 0.25 (= the position) to 0.75 at t = 1 s.</summary>
    private const string StepAtOneSecond = """
        name: step
        rate_hz: 10
        duration_s: 1.5
        plant:
          type: mass_spring_damper
          parameters: { stiffness_n_m: 0.0, damping_n_s_m: 0.0 }
          initial_state: [0.25, 0.0]
        hardware: { command_min: [0.0], command_max: [0.0] }
        controller: { type: pid, parameters: { kp: 2.0 } }
        reference: { type: step, parameters: { initial_value: 0.25, final_value: 0.75, step_time_s: 1.0 } }
        tracking: [{ state: position_m, reference: 0 }]
        pass:
          rmse_max: 0.25
          max_abs_error_max: 0.5
          final_abs_error_max: 0.3
          control_effort_max: 0.4
          state_bounds: [{ state: position_m, min: 0.0, max: 0.2 }]
        """;

    [Fact]
    public void Metrics_StepAtOneSecond_MatchHandComputedValues()
    {
        var result = ScenarioRunner.Run(Parse(StepAtOneSecond));

        // Ticks at t = 0.0 .. 1.4 s: error 0 on the 10 ticks before 1 s, 0.5 on the 5 from 1 s on.
        Assert.Equal(15, result.Ticks);
        Assert.Equal(Math.Sqrt(5 * 0.25 / 15), result.Metrics.Rmse, 12);
        Assert.Equal(0.5, result.Metrics.MaxAbsError, 15);
        // Last second = ticks with t >= 1.5 - 1 = 0.5 s: 5 ticks of error 0 and 5 of error 0.5.
        Assert.Equal(0.25, result.Metrics.FinalAbsError, 12);
        // Command 2 * 0.5 = 1 N on 5 ticks of 0.1 s.
        Assert.Equal(0.5, result.Metrics.ControlEffort, 12);
        var bound = Assert.Single(result.Metrics.StateBounds);
        Assert.Equal(15, bound.ViolationTicks);
        Assert.Equal(0.0, bound.FirstViolationSeconds);
    }

    [Fact]
    public void PassCriteria_StepAtOneSecond_ReportEachFailure()
    {
        var result = ScenarioRunner.Run(Parse(StepAtOneSecond));

        // rmse 0.2887 > 0.25, effort 0.5 > 0.4, bound violated; max error 0.5 <= 0.5 and final 0.25 <= 0.3 hold.
        Assert.False(result.Passed);
        Assert.Equal(["rmse_max", "control_effort_max", "state_bounds[0]"], result.FailedCriteria.Select(f => f.Criterion));
        Assert.Contains("position_m left [0, 0.2] on 15 ticks, first at t = 0 s", result.FailedCriteria[2].Reason);
    }

    [Fact]
    public void Overrides_DurationAndSeed_AreApplied()
    {
        var result = ScenarioRunner.Run(Parse(StepAtOneSecond), new ScenarioRunOptions { DurationSeconds = 0.25, Seed = 9 });
        // ceil(0.25 / 0.1) = 3 ticks.
        Assert.Equal(3, result.Ticks);
        Assert.Equal(9UL, result.Seed);
    }

    [Fact]
    public void Progress_IsReportedUpToOne()
    {
        var seen = new List<double>();
        ScenarioRunner.Run(Parse(StepAtOneSecond), new ScenarioRunOptions { Progress = new SynchronousProgress(seen) });
        Assert.NotEmpty(seen);
        Assert.Equal(1.0, seen[^1]);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First <= p.Second));
    }

    [Fact]
    public void Summary_HasTheDocumentedKeysInOrder()
    {
        var result = ScenarioRunner.Run(Parse(StepAtOneSecond));
        using var json = JsonDocument.Parse(ScenarioSummaryWriter.ToJson(result, wallTimeSeconds: 0.5));
        var root = json.RootElement;
        Assert.Equal(
            ["scenario", "seed", "ticks", "sim_time_s", "wall_time_s", "real_time_factor", "rmse", "max_abs_error", "final_abs_error",
             "control_effort", "passed", "failed_criteria", "trace_sha256", "status_counts", "state_bounds", "timing"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("step", root.GetProperty("scenario").GetString());
        Assert.Equal(15, root.GetProperty("ticks").GetInt64());
        // real_time_factor = sim_time / wall_time = 1.5 s / 0.5 s.
        Assert.Equal(3.0, root.GetProperty("real_time_factor").GetDouble(), 12);
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.Equal(3, root.GetProperty("failed_criteria").GetArrayLength());
        Assert.Equal(15, root.GetProperty("status_counts").GetProperty("ok").GetInt64());
        Assert.Equal(result.TraceSha256, root.GetProperty("trace_sha256").GetString());
    }

    [Fact]
    public void Summary_ZeroWallTime_WritesNullRealTimeFactor()
    {
        var result = ScenarioRunner.Run(Parse(StepAtOneSecond));
        using var json = JsonDocument.Parse(ScenarioSummaryWriter.ToJson(result, wallTimeSeconds: 0.0));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("real_time_factor").ValueKind);
    }

    [Fact]
    public void Run_LongerDuration_AllocatesNothingPerTick()
    {
        // Everything per run (loop, hardware, hash, result) is allocated up front, so a 5 s run allocates about as much
        // as a 1 s run; 4000 extra ticks must cost less than one byte each.
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryPaths.ScenariosFolder, "msd-pid.yaml"));
        ScenarioRunner.Run(scenario, new ScenarioRunOptions { DurationSeconds = 1 }); // warm up
        long start = GC.GetAllocatedBytesForCurrentThread();
        ScenarioRunner.Run(scenario, new ScenarioRunOptions { DurationSeconds = 1 });
        long afterShort = GC.GetAllocatedBytesForCurrentThread();
        ScenarioRunner.Run(scenario, new ScenarioRunOptions { DurationSeconds = 5 });
        long afterLong = GC.GetAllocatedBytesForCurrentThread();
        long extra = (afterLong - afterShort) - (afterShort - start);
        Assert.True(extra < 4000, $"the 5 s run allocated {extra} B more than the 1 s run");
    }

    [Fact]
    public void Catalog_EveryEntryHasADescriptionAndUniqueName()
    {
        var names = ScenarioCatalog.Plants.Select(e => e.TypeName)
            .Concat(ScenarioCatalog.Controllers.Select(e => e.TypeName))
            .Concat(ScenarioCatalog.References.Select(e => e.TypeName)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(ScenarioCatalog.Plants, e => Assert.False(string.IsNullOrWhiteSpace(e.Description)));
        Assert.All(ScenarioCatalog.Controllers, e => Assert.False(string.IsNullOrWhiteSpace(e.Description)));
        Assert.All(ScenarioCatalog.References, e => Assert.False(string.IsNullOrWhiteSpace(e.Description)));
        Assert.Equal(["pid", "lqr", "trajectory_tracking", "mppi", "cem", "gradient_mpc"], ScenarioCatalog.Controllers.Select(e => e.TypeName));
    }

    private sealed class SynchronousProgress(List<double> seen) : IProgress<double>
    {
        public void Report(double value) => seen.Add(value);
    }
}
