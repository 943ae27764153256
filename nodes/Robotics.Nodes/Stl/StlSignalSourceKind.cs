namespace Robotics.Nodes.Stl;

/// <summary>The message type a <see cref="StlSignalBinding"/> reads, inferred from its field.</summary>
public enum StlSignalSourceKind
{
    /// <summary><c>std_msgs/Float64</c>, field <c>data</c> (the default when no field is given).</summary>
    Float64,

    /// <summary><c>std_msgs/Float64MultiArray</c>, field <c>data[i]</c>.</summary>
    Float64MultiArray,

    /// <summary><c>sensor_msgs/JointState</c>, field <c>position[…]</c>, <c>velocity[…]</c> or <c>effort[…]</c> by index or joint name.</summary>
    JointState,
}
