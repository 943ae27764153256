namespace Robotics.Control.Mip.Planning;

/// <summary>How a <see cref="MipMpcPlanner"/> plan came about.</summary>
public enum MipPlanStatus
{
    /// <summary>The solver proved the plan optimal (within the configured relative gap).</summary>
    Optimal,

    /// <summary>The time limit ended the search: the plan is the best incumbent; see <see cref="MipPlanResult.RelativeGap"/>.</summary>
    TimeLimitIncumbent,

    /// <summary>The program is infeasible (e.g. the state bounds cannot be met): the plan is the fallback plan given.</summary>
    FallbackInfeasible,

    /// <summary>No feasible solution was found in time, or the solver failed: the plan is the fallback plan given.</summary>
    FallbackNoSolution,

    /// <summary>No solution and no fallback plan was given: the plan is all zeros clipped to the input bounds.</summary>
    NoPlan,
}
