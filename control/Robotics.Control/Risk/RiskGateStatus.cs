namespace Robotics.Control.Risk;

/// <summary>What a <see cref="RiskGatedPlanner"/> did in one tick.</summary>
public enum RiskGateStatus
{
    /// <summary>The first plan's collision risk was at most the threshold; its first control is applied.</summary>
    Passed,

    /// <summary>The first plan was rejected; a replan around it (obstacles inflated further) passed and is applied.</summary>
    PassedAfterReplan,

    /// <summary>
    /// No new plan passed within the replan budget: the arbiter re-checked the rest of the last plan that passed from the
    /// current estimate (over the whole horizon, held past its end), found it the least risky plan available, and follows
    /// it: its control for the current time plus the tracking loop's feedback when the loop has one
    /// (<see cref="IPlanTrackingDynamics.TrackingCommand"/>).
    /// </summary>
    FallbackPlan,

    /// <summary>
    /// No new plan passed within the replan budget and the least risky plan available was one of this tick's replans
    /// (lower risk than the rest of the last passed plan, or no passed plan covers the current time): it is applied.
    /// </summary>
    LowestRiskReplan,

    /// <summary>No plan passed and no passed plan covers the current time (or planning failed): the arbiter applied the safe command.</summary>
    SafeAction,

    /// <summary>The gate is disabled: the plan is applied unchecked (the "MPC without risk" baselines).</summary>
    Unchecked,
}
