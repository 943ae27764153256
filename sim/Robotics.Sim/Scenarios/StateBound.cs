namespace Robotics.Sim.Scenarios;

/// <summary>A pass criterion: the true state <see cref="State"/> must stay within [<see cref="Min"/>, <see cref="Max"/>] at every tick.</summary>
/// <param name="State">Plant state name.</param>
/// <param name="StateIndex">Index of the state in the plant's state vector.</param>
/// <param name="Min">Inclusive lower bound (SI units of the state).</param>
/// <param name="Max">Inclusive upper bound.</param>
public sealed record StateBound(string State, int StateIndex, double Min, double Max);
