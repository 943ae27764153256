namespace Robotics.Sim.Risk;

/// <summary>Totals of one planner over a benchmark's trials.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Planner">The planner.</param>
/// <param name="Trials">Trials run.</param>
/// <param name="Successes">Trials that reached the goal without collision.</param>
/// <param name="Collisions">Trials with a collision.</param>
/// <param name="MeanTimeToGoalS">Mean time of the successful trials, s (NaN if none).</param>
/// <param name="ReplanTicks">Ticks where a replan passed, summed.</param>
/// <param name="SafeActionTicks">Ticks where the safe command was applied, summed.</param>
/// <param name="Ticks">Ticks, summed.</param>
/// <param name="FallbackTicks">Ticks where the arbiter followed the last passed plan, summed.</param>
/// <param name="LowestRiskTicks">Ticks where no plan passed and the lowest-risk replan was applied, summed.</param>
/// <param name="MppiPasses">MPPI optimisation passes, summed (the planning budget used).</param>
public sealed record RiskBenchmarkSummary(string Scenario, RiskPlannerKind Planner, int Trials, int Successes, int Collisions,
    double MeanTimeToGoalS, long ReplanTicks, long SafeActionTicks, long Ticks, long FallbackTicks = 0, long MppiPasses = 0, long LowestRiskTicks = 0)
{
    /// <summary>Fraction of trials that reached the goal.</summary>
    public double SuccessRate => Trials == 0 ? 0 : Successes / (double)Trials;

    /// <summary>Fraction of trials without a collision.</summary>
    public double SafetyRate => Trials == 0 ? 0 : 1.0 - (Collisions / (double)Trials);

    /// <summary>Mean MPPI optimisation passes per tick.</summary>
    public double PassesPerTick => Ticks == 0 ? 0 : MppiPasses / (double)Ticks;
}
