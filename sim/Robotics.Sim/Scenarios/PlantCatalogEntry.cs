using Robotics.Core.Parameters;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Scenarios;

/// <summary>A plant type that scenario files can name.</summary>
/// <param name="TypeName">Name used in <c>plant.type</c>, e.g. <c>mass_spring_damper</c>.</param>
/// <param name="Description">One-line description for <c>sim list</c>.</param>
/// <param name="Parameters">The plant's parameter descriptors.</param>
/// <param name="Create">Builds the plant from a parameter set declared with <paramref name="Parameters"/>.</param>
public sealed record PlantCatalogEntry(string TypeName, string Description, IReadOnlyList<ParameterDescriptor> Parameters,
    Func<ParameterSet, IPlant> Create) : ICatalogEntry;
