namespace Robotics.Models.Artifacts;

/// <summary>One state, input or output signal: its name (with a unit suffix, as in the simulator) and unit.</summary>
/// <param name="Name">Signal name, e.g. <c>position_m</c>.</param>
/// <param name="Unit">SI unit, e.g. <c>m</c>.</param>
public sealed record SignalInfo(string Name, string Unit);
