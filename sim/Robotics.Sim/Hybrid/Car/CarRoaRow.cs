using Robotics.Control.Hybrid;

namespace Robotics.Sim.Hybrid.Car;

/// <summary>One row of <see cref="CarRoaReport"/>: a car mode's RoA estimate and its dense-sampling check.</summary>
/// <param name="Mode">"dry" or "icy".</param>
/// <param name="Estimate">The estimate used by the planner.</param>
/// <param name="Check">The dense check.</param>
public sealed record CarRoaRow(string Mode, RoaEstimate Estimate, RoaValidation Check);
