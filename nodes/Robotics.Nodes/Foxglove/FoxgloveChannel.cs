using Robotics.Ros.Messages;

namespace Robotics.Nodes.Foxglove;

/// <summary>A channel advertised by <see cref="FoxgloveServer"/>: one ROS 2 topic with its <c>ros2msg</c> schema, <c>cdr</c> encoded.</summary>
public sealed class FoxgloveChannel
{
    internal FoxgloveChannel(uint id, string topic, MessageTypeSupport type, string schema)
    {
        Id = id;
        Topic = topic;
        Type = type;
        Schema = schema;
    }

    /// <summary>Channel id (1, 2, … per server).</summary>
    public uint Id { get; }

    /// <summary>Topic name.</summary>
    public string Topic { get; }

    /// <summary>Message type.</summary>
    public MessageTypeSupport Type { get; }

    /// <summary>The <c>ros2msg</c> schema text (as rosbag2 writes it).</summary>
    public string Schema { get; }
}
