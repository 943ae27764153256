using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Recording;

/// <summary>A topic of a <see cref="RosBagWriter"/> (returned by <see cref="RosBagWriter.AddTopic"/>).</summary>
public sealed class RosBagTopic
{
    internal RosBagTopic(string name, MessageTypeSupport type, QosProfile offeredQos, ushort channelId)
    {
        Name = name;
        Type = type;
        OfferedQos = offeredQos;
        ChannelId = channelId;
    }

    /// <summary>Fully qualified topic name.</summary>
    public string Name { get; }

    /// <summary>Message type.</summary>
    public MessageTypeSupport Type { get; }

    /// <summary>The publisher's QoS, stored in the channel metadata and metadata.yaml.</summary>
    public QosProfile OfferedQos { get; }

    /// <summary>The MCAP channel id.</summary>
    public ushort ChannelId { get; }

    /// <summary>Messages written so far.</summary>
    public long MessageCount { get; internal set; }

    /// <summary>Earliest log time written, ns (long.MaxValue before the first message).</summary>
    public long FirstLogTime { get; internal set; } = long.MaxValue;

    /// <summary>Latest log time written, ns.</summary>
    public long LastLogTime { get; internal set; } = long.MinValue;
}
