namespace Robotics.Control.Risk;

/// <summary>What a <see cref="RiskGatedPlanner"/> did in one tick.</summary>
public enum RiskGateStatus
{
    /// <summary>The first plan's collision risk was at most the threshold; its first control is applied.</summary>
    Passed,

    /// <summary>The first plan was rejected; a replan around it (larger obstacle margin) passed and is applied.</summary>
    PassedAfterReplan,

    /// <summary>No plan passed within the replan budget (or planning failed): the arbiter applied the safe action.</summary>
    SafeAction,

    /// <summary>The gate is disabled: the plan is applied unchecked (the "MPC without risk" baseline).</summary>
    Unchecked,
}
