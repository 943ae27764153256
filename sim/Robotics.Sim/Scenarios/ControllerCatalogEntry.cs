using Robotics.Control.Loop;
using Robotics.Core.Parameters;

namespace Robotics.Sim.Scenarios;

/// <summary>A controller type that scenario files can name.</summary>
/// <param name="TypeName">Name used in <c>controller.type</c>, e.g. <c>pid</c>.</param>
/// <param name="Description">One-line description for <c>sim list</c>.</param>
/// <param name="Parameters">The parameter descriptors a scenario may set (for <c>lqr</c> these include the Q/R diagonals and the equilibrium).</param>
/// <param name="Create">Builds the controller; it may use the plant (e.g. to linearise it) and the loop period.</param>
public sealed record ControllerCatalogEntry(string TypeName, string Description, IReadOnlyList<ParameterDescriptor> Parameters,
    Func<ControllerBuildContext, IController> Create) : ICatalogEntry;
