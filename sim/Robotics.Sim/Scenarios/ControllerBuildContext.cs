using Robotics.Core.Parameters;
using Robotics.Core.Time;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Scenarios;

/// <summary>What a controller factory may use: its parameters, the plant model, the loop period and the reference size.</summary>
/// <param name="Parameters">The controller's validated parameters.</param>
/// <param name="Plant">A plant built from the scenario's plant parameters (a model: do not advance it).</param>
/// <param name="Period">The control loop period.</param>
/// <param name="ReferenceSize">Length of the reference vector.</param>
public sealed record ControllerBuildContext(ParameterSet Parameters, IPlant Plant, SimTime Period, int ReferenceSize);
