namespace Robotics.Sim.Risk;

/// <summary>Totals of one planner over a benchmark's trials.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Planner">The planner.</param>
/// <param name="Trials">Trials run.</param>
/// <param name="Successes">Trials that reached the goal without collision.</param>
/// <param name="Collisions">Trials with a collision.</param>
/// <param name="MeanTimeToGoalS">Mean time of the successful trials, s (NaN if none).</param>
/// <param name="ReplanTicks">Ticks where a replan passed, summed.</param>
/// <param name="SafeActionTicks">Ticks where the safe action was applied, summed.</param>
/// <param name="Ticks">Ticks, summed.</param>
public sealed record RiskBenchmarkSummary(string Scenario, RiskPlannerKind Planner, int Trials, int Successes, int Collisions,
    double MeanTimeToGoalS, long ReplanTicks, long SafeActionTicks, long Ticks)
{
    /// <summary>Fraction of trials that reached the goal.</summary>
    public double SuccessRate => Trials == 0 ? 0 : Successes / (double)Trials;

    /// <summary>Fraction of trials without a collision.</summary>
    public double SafetyRate => Trials == 0 ? 0 : 1.0 - (Collisions / (double)Trials);
}
