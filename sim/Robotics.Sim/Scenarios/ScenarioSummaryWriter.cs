using System.Text;
using System.Text.Json;

namespace Robotics.Sim.Scenarios;

/// <summary>
/// Writes the JSON summary of a run (snake_case keys, fixed order): <c>scenario, seed, ticks, sim_time_s,
/// wall_time_s, real_time_factor, rmse, max_abs_error, final_abs_error, control_effort, passed,
/// failed_criteria, trace_sha256, status_counts, state_bounds, timing</c>. Non-finite numbers are written
/// as null. Wall time is measured by the caller (the CLI), never by the simulator.
/// </summary>
public static class ScenarioSummaryWriter
{
    /// <summary>Writes the summary as indented UTF-8 JSON to <paramref name="stream"/>.</summary>
    /// <param name="stream">Destination.</param>
    /// <param name="result">The run's result.</param>
    /// <param name="wallTimeSeconds">Wall-clock duration of the run measured by the caller; real_time_factor = sim_time_s / wall_time_s (null when not positive).</param>
    public static void Write(Stream stream, ScenarioResult result, double wallTimeSeconds)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("scenario", result.Scenario);
        w.WriteNumber("seed", result.Seed);
        w.WriteNumber("ticks", result.Ticks);
        Number(w, "sim_time_s", result.SimTimeSeconds);
        Number(w, "wall_time_s", wallTimeSeconds);
        Number(w, "real_time_factor", wallTimeSeconds > 0 ? result.SimTimeSeconds / wallTimeSeconds : double.NaN);
        Number(w, "rmse", result.Metrics.Rmse);
        Number(w, "max_abs_error", result.Metrics.MaxAbsError);
        Number(w, "final_abs_error", result.Metrics.FinalAbsError);
        Number(w, "control_effort", result.Metrics.ControlEffort);
        w.WriteBoolean("passed", result.Passed);
        w.WriteStartArray("failed_criteria");
        foreach (var f in result.FailedCriteria)
        {
            w.WriteStartObject();
            w.WriteString("criterion", f.Criterion);
            Number(w, "limit", f.Limit);
            Number(w, "actual", f.Actual);
            w.WriteString("reason", f.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("trace_sha256", result.TraceSha256);
        w.WriteStartObject("status_counts");
        w.WriteNumber("ok", result.StatusCounts.Ok);
        w.WriteNumber("stale_state", result.StatusCounts.StaleState);
        w.WriteNumber("safe_command", result.StatusCounts.SafeCommand);
        w.WriteNumber("write_fault", result.StatusCounts.WriteFault);
        w.WriteEndObject();
        w.WriteStartArray("state_bounds");
        foreach (var b in result.Metrics.StateBounds)
        {
            w.WriteStartObject();
            w.WriteString("state", b.Bound.State);
            Number(w, "min", b.Bound.Min);
            Number(w, "max", b.Bound.Max);
            Number(w, "observed_min", b.ObservedMin);
            Number(w, "observed_max", b.ObservedMax);
            w.WriteNumber("violation_ticks", b.ViolationTicks);
            Number(w, "first_violation_s", b.FirstViolationSeconds ?? double.NaN);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("timing");
        Number(w, "mean_period_s", result.Timing.MeanPeriodSeconds);
        Number(w, "min_period_s", result.Timing.MinPeriodSeconds);
        Number(w, "max_period_s", result.Timing.MaxPeriodSeconds);
        Number(w, "rms_jitter_s", result.Timing.RmsJitterSeconds);
        Number(w, "max_abs_jitter_s", result.Timing.MaxAbsJitterSeconds);
        Number(w, "mean_compute_s", result.Timing.MeanComputeSeconds);
        Number(w, "max_compute_s", result.Timing.MaxComputeSeconds);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The summary as a JSON string (see <see cref="Write"/>).</summary>
    public static string ToJson(ScenarioResult result, double wallTimeSeconds)
    {
        using var stream = new MemoryStream();
        Write(stream, result, wallTimeSeconds);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }
}
