namespace Robotics.Sim.Hybrid;

/// <summary>One located mode switch of a <see cref="HybridSimulator"/> run.</summary>
/// <param name="Time">Located event time in s (the guard's zero, to the simulator's time tolerance).</param>
/// <param name="FromMode">Mode before the event.</param>
/// <param name="Guard">Index of the guard that fired in <paramref name="FromMode"/>.</param>
/// <param name="ToMode">Mode after the reset map.</param>
/// <param name="Iterations">Root-finder iterations spent locating the event (deterministic for a given input).</param>
public readonly record struct HybridEvent(double Time, int FromMode, int Guard, int ToMode, int Iterations);
