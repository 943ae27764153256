using Robotics.Control.Loop;
using Robotics.Core.Parameters;

namespace Robotics.Sim.Scenarios;

/// <summary>A reference type that scenario files can name.</summary>
/// <param name="TypeName">Name used in <c>reference.type</c>, e.g. <c>step</c>.</param>
/// <param name="Description">One-line description for <c>sim list</c>.</param>
/// <param name="Parameters">The reference's parameter descriptors.</param>
/// <param name="Create">Builds the reference from a parameter set declared with <paramref name="Parameters"/>.</param>
public sealed record ReferenceCatalogEntry(string TypeName, string Description, IReadOnlyList<ParameterDescriptor> Parameters,
    Func<ParameterSet, IReferenceSource> Create) : ICatalogEntry;
