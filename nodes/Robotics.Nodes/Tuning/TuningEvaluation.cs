using System.Globalization;
using System.Text;
using Robotics.Control.Racing;
using Robotics.Control.Tuning;
using Robotics.Core.Parameters;
using Robotics.Sim.Racing;
using Serilog;

namespace Robotics.Nodes.Tuning;

/// <summary>
/// The paper's control-adaptability evaluation on the racing sim: for every phrasing of the cases centre, refvel,
/// reverse and smooth, the car races <see cref="WarmTicks"/> ticks with default parameters, the instruction goes through
/// <see cref="TuningSession"/> (model, validation, all-or-nothing application between two ticks), and the next
/// <see cref="MeasureTicks"/> ticks are measured; the same window of a run that keeps the defaults is the baseline.
/// </summary>
public static class TuningEvaluation
{
    /// <summary>Ticks (0.05 s) driven with defaults before the instruction.</summary>
    public const int WarmTicks = 100;

    /// <summary>Ticks measured after the instruction.</summary>
    public const int MeasureTicks = 400;

    private const string Centre = "new_mpc_params = {'qn': 80, 'qalpha': 50}\nRationale: a higher lateral and heading weight keeps the car on the centreline.";
    private const string Reverse = "new_mpc_params = {'v_max': -1.0, 'v_min': -1.5, 'qv': 20}\nRationale: a negative speed window makes the car drive backwards.";
    private const string Smooth = "new_mpc_params = {'qac': 0.6, 'qddelta': 50, 'alat_max': 4, 'a_min': -3, 'a_max': 3}\nRationale: heavier effort weights and tighter acceleration bounds smooth the driving.";

    private static string RefVel(double v) => string.Create(CultureInfo.InvariantCulture,
        $"new_mpc_params = {{'v_max': {v}, 'v_min': {v - 0.3}, 'qv': 20}}\nRationale: a narrow speed window at {v} m/s with a high speed weight.");

    /// <summary>The cases, several phrasings each (paper: centre, refvel, reverse, smooth).</summary>
    public static IReadOnlyList<TuningEvalCase> Cases { get; } =
    [
        new("centre", "Stay on the centreline.", "lateral_rmse_m", 0, Centre),
        new("centre", "Drive in the middle of the track, away from both walls.", "lateral_rmse_m", 0, Centre),
        new("centre", "Follow the centre line as closely as you can.", "lateral_rmse_m", 0, Centre),
        new("refvel", "Drive at 3.5 m/s.", "speed_rmse_m_s", 3.5, RefVel(3.5)),
        new("refvel", "Keep your speed at 2.2 metres per second.", "speed_rmse_m_s", 2.2, RefVel(2.2)),
        new("refvel", "Hold a reference velocity of 4.5 m/s.", "speed_rmse_m_s", 4.5, RefVel(4.5)),
        new("reverse", "Drive backwards at 1 m/s.", "speed_rmse_m_s", -1.0, Reverse),
        new("reverse", "Reverse the car.", "speed_rmse_m_s", -1.0, Reverse),
        new("reverse", "Go in reverse, slowly.", "speed_rmse_m_s", -1.0, Reverse),
        new("smooth", "Drive smoothly.", "accel_rms_m_s2", 0, Smooth),
        new("smooth", "Be gentle on the throttle and the steering.", "accel_rms_m_s2", 0, Smooth),
        new("smooth", "Drive comfortably, as if carrying passengers.", "accel_rms_m_s2", 0, Smooth),
    ];

    /// <summary>
    /// The scripted responder: reads the fenced instruction from the prompt and replays the sensible proposal for it by
    /// keywords (centre/middle, reverse/backwards, smooth/gentle/comfort, a speed in m/s); anything else gets prose.
    /// </summary>
    public static string ScriptedResponder(string userMessage)
    {
        ArgumentNullException.ThrowIfNull(userMessage);
        int start = userMessage.LastIndexOf("<instruction>", StringComparison.Ordinal);
        int end = userMessage.LastIndexOf("</instruction>", StringComparison.Ordinal);
        string text = (start >= 0 && end > start ? userMessage[(start + 13)..end] : userMessage).ToLowerInvariant();
        if (text.Contains("revers", StringComparison.Ordinal) || text.Contains("backward", StringComparison.Ordinal)) return Reverse;
        if (text.Contains("centre", StringComparison.Ordinal) || text.Contains("center", StringComparison.Ordinal) || text.Contains("middle", StringComparison.Ordinal)) return Centre;
        if (text.Contains("smooth", StringComparison.Ordinal) || text.Contains("gentle", StringComparison.Ordinal) || text.Contains("comfort", StringComparison.Ordinal)) return Smooth;
        var speed = System.Text.RegularExpressions.Regex.Match(text, @"(-?\d+(?:\.\d+)?)\s*(?:m/s|metres per second|meters per second)");
        if (speed.Success) return RefVel(double.Parse(speed.Groups[1].Value, CultureInfo.InvariantCulture));
        return "I am not sure what to change; keeping the current parameters.";
    }

    /// <summary>Runs every case with <paramref name="model"/>.</summary>
    /// <param name="model">The language model (scripted server or a real endpoint).</param>
    /// <param name="logger">Receives the tuning decisions.</param>
    /// <param name="progress">Progress lines.</param>
    /// <param name="cancellationToken">Cancels between cases.</param>
    public static async Task<IReadOnlyList<TuningEvalRow>> RunAsync(ResilientLanguageModel model, ILogger logger, Action<string>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var track = TrackProfile.Default;
        progress?.Invoke("baseline run (default parameters)");
        var baseline = NewRun(track, out _, out _);
        baseline.Run(WarmTicks);
        baseline.ClearRecord();
        baseline.Run(MeasureTicks);
        var rows = new List<TuningEvalRow>();
        var memory = new TuningMemory(RacingTuning.DefaultHints);
        foreach (var c in Cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var run = NewRun(track, out var controller, out var parameters);
            run.Run(WarmTicks);
            var target = new ParameterSetTuningTarget(parameters, controller.ApplyParameters);
            var session = new TuningSession(model, target, memory, RacingTuning.ControllerDescription, RacingTuning.Tunable, logger);
            var result = await session.TuneAsync(c.Instruction, run.Summary(), cancellationToken).ConfigureAwait(false);
            run.ClearRecord();
            run.Run(MeasureTicks);
            var row = new TuningEvalRow(c.Case, c.Instruction, c.Metric, Measure(baseline, c), Measure(run, c), result.Detail);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"{c.Case,-8} {c.Metric,-15} default {row.DefaultValue:F3} tuned {row.TunedValue:F3} adaptability {row.Adaptability:+0.0%;-0.0%}  ({c.Instruction})"));
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Markdown table of the rows plus the per-case mean adaptability.</summary>
    public static string ToMarkdown(IReadOnlyList<TuningEvalRow> rows, string backend)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("# tune-eval: control adaptability of the LLM tuning adapter");
        sb.AppendLine();
        sb.AppendLine(string.Create(inv, $"Backend: {backend}. Racing MPPI on the default track (stadium, 15 m straights, 3 m radius, 1 m half width), 0.05 s ticks; ") +
            string.Create(inv, $"{WarmTicks} ticks with defaults, then the instruction, then {MeasureTicks} ticks measured; baseline = the same window without the instruction. ") +
            "Adaptability = (RMSE_default - RMSE_tuned) / RMSE_default (positive = moved in the instructed direction).");
        sb.AppendLine();
        sb.AppendLine("| case | instruction | metric | default | tuned | adaptability | decision |");
        sb.AppendLine("|---|---|---|---:|---:|---:|---|");
        foreach (var r in rows)
        {
            string detail = r.Detail.Replace("|", "/", StringComparison.Ordinal);
            if (detail.Length > 160) detail = detail[..160] + "…";
            sb.AppendLine(inv, $"| {r.Case} | {r.Instruction} | {r.Metric} | {r.DefaultValue:F3} | {r.TunedValue:F3} | {r.Adaptability:+0.0%;-0.0%} | {detail} |");
        }

        sb.AppendLine();
        sb.AppendLine("| case | mean adaptability | phrasings moving in the instructed direction |");
        sb.AppendLine("|---|---:|---:|");
        foreach (var g in rows.GroupBy(r => r.Case))
        {
            sb.AppendLine(inv, $"| {g.Key} | {g.Average(r => r.Adaptability):+0.0%;-0.0%} | {g.Count(r => r.Adaptability > 0)}/{g.Count()} |");
        }

        return sb.ToString();
    }

    private static double Measure(RacingRun run, TuningEvalCase c)
    {
        var m = run.Metrics(c.TargetSpeedMS);
        return c.Metric switch
        {
            "lateral_rmse_m" => m.LateralRmseM,
            "speed_rmse_m_s" => m.SpeedRmseMS,
            _ => m.AccelerationRmsMS2,
        };
    }

    private static RacingRun NewRun(TrackProfile track, out RacingMpcController controller, out ParameterSet parameters)
    {
        parameters = RacingMpcController.DefaultParameters();
        controller = new RacingMpcController(parameters, track);
        return new RacingRun(new FrenetRacingPlant(track), controller);
    }
}
