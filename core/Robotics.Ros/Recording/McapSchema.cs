namespace Robotics.Ros.Recording;

/// <summary>An MCAP Schema record: how the messages of the channels that use it are described.</summary>
/// <param name="Id">Schema id (never 0).</param>
/// <param name="Name">Schema name; for ROS 2 the type name, e.g. <c>sensor_msgs/msg/JointState</c>.</param>
/// <param name="Encoding">Schema encoding, e.g. <c>ros2msg</c>.</param>
/// <param name="Data">The schema text or bytes (for <c>ros2msg</c>: the concatenated .msg definitions, UTF-8).</param>
public sealed record McapSchema(ushort Id, string Name, string Encoding, byte[] Data);
