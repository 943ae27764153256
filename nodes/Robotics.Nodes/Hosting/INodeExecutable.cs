namespace Robotics.Nodes.Hosting;

/// <summary>
/// A runnable node program: what <c>ros2 run &lt;package&gt; &lt;executable&gt;</c> starts on a robot, and what the in-process
/// launcher starts, several to a process, on one shared <see cref="Robotics.Ros.Nodes.RosContext"/> in simulation and CI.
/// </summary>
/// <remarks>
/// The arguments are exactly those a node process receives from <c>ros2 launch</c>: the program's own arguments followed
/// by one or more <c>--ros-args … [--]</c> blocks (<c>-r __node:=name</c>, <c>-r __ns:=/ns</c>, <c>--params-file F</c>,
/// <c>-p name:=value</c>, <c>-r from:=to</c>). The executable creates its nodes on <see cref="NodeRunContext.Ros"/> with
/// those arguments as node-local arguments, so two executables in one process never see each other's remaps or parameters.
/// </remarks>
public interface INodeExecutable
{
    /// <summary>The ament package the executable belongs to (<c>robotics</c>).</summary>
    string Package { get; }

    /// <summary>The executable name, lower_snake (e.g. <c>sim_rig_node</c>); the wrapper installed at <c>lib/&lt;package&gt;/&lt;name&gt;</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what the node does, shown by <c>robotics launch --list-executables</c>.</summary>
    string Description { get; }

    /// <summary>Runs the node(s) until <paramref name="cancellationToken"/> is cancelled or the node finalizes itself.</summary>
    /// <param name="args">The process arguments (user arguments and <c>--ros-args</c> blocks).</param>
    /// <param name="context">Where the node runs: the ROS context, the clock, the logger.</param>
    /// <param name="cancellationToken">Cancelled on shutdown (Ctrl-C, end of launch, test teardown).</param>
    /// <returns>The process exit code: 0 on a clean shutdown, 2 for bad arguments or parameters (reported through the logger).</returns>
    Task<int> RunAsync(IReadOnlyList<string> args, NodeRunContext context, CancellationToken cancellationToken);
}
