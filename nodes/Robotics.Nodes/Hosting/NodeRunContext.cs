using Robotics.Ros.Nodes;
using Serilog;

namespace Robotics.Nodes.Hosting;

/// <summary>Where a <see cref="INodeExecutable"/> runs: the ROS context its nodes join, the clock and the logger.</summary>
/// <param name="Ros">The ROS context (in-process domain or Cyclone DDS); shared by all executables of a launch run in one process.</param>
/// <param name="Clock">Wall-clock time for pacing; the only place wall-clock time enters the service.</param>
/// <param name="Logger">The logger; node hosts add the node name and also forward events to <c>/rosout</c>.</param>
public sealed record NodeRunContext(RosContext Ros, TimeProvider Clock, ILogger Logger);
