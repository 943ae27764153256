using Robotics.Core.Parameters;

namespace Robotics.Sim.Scenarios;

/// <summary>A controller or reference of a scenario: a catalog type name and its validated parameters.</summary>
/// <param name="Type">Type name from <see cref="ScenarioCatalog"/>, e.g. <c>pid</c> or <c>step</c>.</param>
/// <param name="Parameters">Parameters declared by the entry's descriptors (defaults where the file gave none).</param>
public sealed record ComponentSpec(string Type, ParameterSet Parameters);
