using System.Globalization;
using System.Text;

namespace Robotics.Sim.Risk;

/// <summary>
/// Runs the closed-loop risk benchmark: seeded trials of each scenario for risk-checked MPC, MPC without risk and MPC
/// with inflated obstacles; trial i of every planner uses seed <c>baseSeed + i</c>, so the planners face the same
/// uncertainty draws.
/// </summary>
public static class RiskBenchmarkRunner
{
    /// <summary>The planners in table order.</summary>
    public static IReadOnlyList<RiskPlannerKind> Planners { get; } = [RiskPlannerKind.RiskChecked, RiskPlannerKind.NoRisk, RiskPlannerKind.Inflated];

    /// <summary>Table name of a driving layout.</summary>
    /// <param name="layout">The layout.</param>
    /// <returns><c>driving</c> or <c>driving-gap</c>.</returns>
    public static string ScenarioName(DrivingRiskLayout layout) => layout == DrivingRiskLayout.NarrowGap ? "driving-gap" : "driving";

    /// <summary>Runs the driving scenario (the layout of <paramref name="options"/>).</summary>
    /// <param name="trials">Trials per planner (&gt;= 1).</param>
    /// <param name="baseSeed">Seed of trial 0.</param>
    /// <param name="options">Planner settings (defaults if null).</param>
    /// <param name="progress">Called with a progress line every 10 trials (may be null).</param>
    /// <returns>One summary per planner.</returns>
    public static IReadOnlyList<RiskBenchmarkSummary> RunDriving(int trials, ulong baseSeed, DrivingRiskOptions? options = null, Action<string>? progress = null)
    {
        if (trials < 1)
        {
            throw new ArgumentException($"trials must be >= 1, got {trials}.", nameof(trials));
        }

        var scenario = new DrivingRiskScenario(options);
        return Run(ScenarioName(scenario.Options.Layout), trials, baseSeed, (planner, seed) => scenario.RunTrial(planner, seed), progress);
    }

    /// <summary>Runs the hovercraft scenario (<see cref="HovercraftRiskScenario"/>; the layout of <paramref name="options"/> is ignored).</summary>
    /// <param name="trials">Trials per planner (&gt;= 1).</param>
    /// <param name="baseSeed">Seed of trial 0.</param>
    /// <param name="options">Planner settings (defaults if null).</param>
    /// <param name="progress">Called with a progress line every 10 trials (may be null).</param>
    /// <returns>One summary per planner.</returns>
    public static IReadOnlyList<RiskBenchmarkSummary> RunHovercraft(int trials, ulong baseSeed, DrivingRiskOptions? options = null, Action<string>? progress = null)
    {
        if (trials < 1)
        {
            throw new ArgumentException($"trials must be >= 1, got {trials}.", nameof(trials));
        }

        var scenario = new HovercraftRiskScenario(options);
        return Run("hovercraft", trials, baseSeed, (planner, seed) => scenario.RunTrial(planner, seed), progress);
    }

    private static IReadOnlyList<RiskBenchmarkSummary> Run(string name, int trials, ulong baseSeed, Func<RiskPlannerKind, ulong, RiskTrialResult> runTrial, Action<string>? progress)
    {
        var results = new List<RiskBenchmarkSummary>();
        foreach (var planner in Planners)
        {
            int successes = 0, collisions = 0;
            long replans = 0, safe = 0, ticks = 0, fallbacks = 0, passes = 0, lowest = 0;
            double goalTime = 0;
            for (int i = 0; i < trials; i++)
            {
                var r = runTrial(planner, baseSeed + (ulong)i);
                if (r.ReachedGoal)
                {
                    successes++;
                    goalTime += r.TimeS;
                }

                collisions += r.Collided ? 1 : 0;
                replans += r.Replans;
                safe += r.SafeActions;
                ticks += r.Ticks;
                fallbacks += r.Fallbacks;
                lowest += r.LowestRiskReplans;
                passes += r.Attempts;
                if (progress is not null && ((i + 1) % 10 == 0 || i + 1 == trials))
                {
                    progress(string.Create(CultureInfo.InvariantCulture,
                        $"{name} {planner}: {i + 1}/{trials} trials, {successes} reached the goal, {collisions} collided"));
                }
            }

            results.Add(new RiskBenchmarkSummary(name, planner, trials, successes, collisions,
                successes == 0 ? double.NaN : goalTime / successes, replans, safe, ticks, fallbacks, passes, lowest));
        }

        return results;
    }

    /// <summary>Formats summaries as a markdown table.</summary>
    /// <param name="summaries">The summaries.</param>
    /// <returns>The table.</returns>
    public static string ToMarkdown(IReadOnlyList<RiskBenchmarkSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var sb = new StringBuilder();
        sb.AppendLine("| scenario | planner | trials | success rate | safety rate | collisions | mean time to goal (s) | replan ticks | fallback-plan ticks | lowest-risk-replan ticks | safe-action ticks | ticks | MPPI passes per tick |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in summaries)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Scenario} | {Name(s.Planner)} | {s.Trials} | {s.SuccessRate:F2} | {s.SafetyRate:F2} | {s.Collisions} | {s.MeanTimeToGoalS:F2} | {s.ReplanTicks} | {s.FallbackTicks} | {s.LowestRiskTicks} | {s.SafeActionTicks} | {s.Ticks} | {s.PassesPerTick:F2} |"));
        }

        return sb.ToString();
    }

    /// <summary>Table name of a planner.</summary>
    /// <param name="planner">The planner.</param>
    /// <returns>Its name.</returns>
    public static string Name(RiskPlannerKind planner) => planner switch
    {
        RiskPlannerKind.RiskChecked => "MPPI + risk gate",
        RiskPlannerKind.NoRisk => "MPPI, no risk",
        RiskPlannerKind.Inflated => "MPPI, inflated obstacles",
        _ => planner.ToString(),
    };
}
