using Robotics.Core.Time;
using Robotics.Nodes.Parameters;
using Robotics.Ros.Nodes;
using Serilog;

namespace Robotics.Nodes.Hosting;

/// <summary>What <see cref="ControlNodeDefinition.Configure"/> gets on the lifecycle <c>configure</c> transition.</summary>
/// <param name="Node">The ROS node: create publishers and latest-value subscriptions on it.</param>
/// <param name="Parameters">The node's parameters with their start-up values (<see cref="NodeParameters.ToParameterSet"/> for <c>FromParameters</c>).</param>
/// <param name="Period">The loop period (from the <c>rate_hz</c> parameter).</param>
/// <param name="Clock">Wall-clock time (a <c>ManualClock</c> in tests).</param>
/// <param name="Logger">The node's logger (also published on <c>/rosout</c>).</param>
public sealed record ControlNodeConfigureContext(Node Node, NodeParameters Parameters, SimTime Period, TimeProvider Clock, ILogger Logger);
