namespace Robotics.Ros.Nodes;

/// <summary>Options of one <see cref="Node"/> (the subset of rclcpp's <c>NodeOptions</c> this layer supports).</summary>
public sealed record NodeOptions
{
    /// <summary>The defaults: global arguments on, no node-local arguments, the context's clock.</summary>
    public static NodeOptions Default { get; } = new();

    /// <summary>Node-local ROS arguments (applied before the context's), e.g. <c>["--ros-args", "-r", "chatter:=talk"]</c>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Whether the context's (process-wide) remapping rules apply to this node. Default true.</summary>
    public bool UseGlobalArguments { get; init; } = true;

    /// <summary>The node's clock (timers, timestamps); null uses the context's clock (wall time on a robot, a <c>ManualClock</c> in simulation).</summary>
    public TimeProvider? Clock { get; init; }
}
