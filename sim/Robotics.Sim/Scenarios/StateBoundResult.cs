namespace Robotics.Sim.Scenarios;

/// <summary>How a state bound fared over the run.</summary>
/// <param name="Bound">The bound checked.</param>
/// <param name="ViolationTicks">Ticks at which the true state was outside the bound.</param>
/// <param name="FirstViolationSeconds">Time of the first violation, or null when none.</param>
/// <param name="ObservedMin">Smallest true value seen.</param>
/// <param name="ObservedMax">Largest true value seen.</param>
public sealed record StateBoundResult(StateBound Bound, long ViolationTicks, double? FirstViolationSeconds, double ObservedMin, double ObservedMax);
