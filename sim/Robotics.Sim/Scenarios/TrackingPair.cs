namespace Robotics.Sim.Scenarios;

/// <summary>One tracked quantity: the error is reference[<see cref="ReferenceIndex"/>] - true state[<see cref="StateIndex"/>].</summary>
/// <param name="State">The plant state name, e.g. <c>position_m</c>.</param>
/// <param name="StateIndex">Index of that state in the plant's state vector.</param>
/// <param name="ReferenceIndex">Index into the reference vector.</param>
public sealed record TrackingPair(string State, int StateIndex, int ReferenceIndex);
