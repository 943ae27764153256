namespace Robotics.Sim.Risk;

/// <summary>The outcome of one closed-loop trial.</summary>
/// <param name="ReachedGoal">The true vehicle got within the goal tolerance without colliding, in time.</param>
/// <param name="Collided">The true footprint touched an obstacle (checked at every integration sub-step).</param>
/// <param name="TimeS">Scenario time at the end of the trial, s.</param>
/// <param name="Ticks">Control ticks run.</param>
/// <param name="Replans">Ticks where the first plan was rejected and a replan passed.</param>
/// <param name="SafeActions">Ticks where the arbiter applied the safe action.</param>
public readonly record struct RiskTrialResult(bool ReachedGoal, bool Collided, double TimeS, int Ticks, int Replans, int SafeActions);
