using Robotics.Core.Parameters;

namespace Robotics.Sim.Scenarios;

/// <summary>The plant of a scenario: a catalog type name, its validated parameters and the initial state.</summary>
/// <param name="Type">Plant type name from <see cref="ScenarioCatalog.Plants"/>, e.g. <c>mass_spring_damper</c>.</param>
/// <param name="Parameters">Parameters declared by the plant's descriptors (defaults where the file gave none).</param>
/// <param name="InitialState">Initial true state, one value per plant state (zeros when not given).</param>
public sealed record PlantSpec(string Type, ParameterSet Parameters, IReadOnlyList<double> InitialState);
