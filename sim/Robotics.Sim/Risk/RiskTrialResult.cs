namespace Robotics.Sim.Risk;

/// <summary>The outcome of one closed-loop trial.</summary>
/// <param name="ReachedGoal">The true vehicle got within the goal tolerance without colliding, in time.</param>
/// <param name="Collided">The true footprint touched an obstacle (checked at every integration sub-step).</param>
/// <param name="TimeS">Scenario time at the end of the trial, s.</param>
/// <param name="Ticks">Control ticks run.</param>
/// <param name="Replans">Ticks where the first plan was rejected and a replan passed.</param>
/// <param name="SafeActions">Ticks where the arbiter applied the safe command.</param>
/// <param name="Fallbacks">Ticks where the arbiter followed the last passed plan.</param>
/// <param name="Attempts">MPPI optimisation passes, summed over the ticks (the planning budget used).</param>
/// <param name="CollidedObstacle">Index of the obstacle hit (-1 when none).</param>
/// <param name="LowestRiskReplans">Ticks where no plan passed and the arbiter applied this tick's lowest-risk replan.</param>
public readonly record struct RiskTrialResult(bool ReachedGoal, bool Collided, double TimeS, int Ticks, int Replans, int SafeActions,
    int Fallbacks = 0, int Attempts = 0, int CollidedObstacle = -1, int LowestRiskReplans = 0);
