namespace Robotics.Control.Risk;

/// <summary>The outcome of one risk check.</summary>
/// <param name="AnyStep">Probability that the robot collides at some step of the horizon (mass of samples that collide at least once).</param>
/// <param name="WorstStep">The largest per-step collision probability.</param>
/// <param name="WorstStepIndex">The step where it occurs (0 = the initial state).</param>
/// <param name="TruncationError">Mass of the initial distribution outside the sampled box (an upper bound on what the estimate can miss).</param>
/// <param name="Passed">True when <see cref="AnyStep"/> is at most the threshold.</param>
public readonly record struct CollisionRisk(double AnyStep, double WorstStep, int WorstStepIndex, double TruncationError, bool Passed);
