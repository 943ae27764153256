using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Nodes;

/// <summary>
/// An untyped publisher (rclcpp <c>create_generic_publisher</c>): the type is chosen at run time by its
/// <see cref="MessageTypeSupport"/>, as tools such as <c>topic pub</c> need.
/// </summary>
public sealed class GenericPublisher : IDisposable
{
    private readonly Node _node;
    private readonly ITransportWriter _writer;
    private int _disposed;

    internal GenericPublisher(Node node, string topicName, MessageTypeSupport type, ITransportWriter writer, QosProfile qos)
    {
        _node = node;
        _writer = writer;
        TopicName = topicName;
        Type = type;
        Qos = qos;
    }

    /// <summary>Fully qualified topic name.</summary>
    public string TopicName { get; }

    /// <summary>The message type.</summary>
    public MessageTypeSupport Type { get; }

    /// <summary>QoS of the publisher.</summary>
    public QosProfile Qos { get; }

    /// <summary>Gid of the underlying writer.</summary>
    public Gid Gid => _writer.Gid;

    /// <summary>Number of matched subscriptions.</summary>
    public int MatchedSubscriptions => _writer.MatchedCount;

    /// <summary>Publishes a message of <see cref="Type"/>; <see cref="PublishStatus.Error"/> for another type.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The status.</returns>
    public PublishStatus Publish(IRosMessage message) => _writer.Publish(message);

    /// <summary>Waits until at least <paramref name="count"/> subscriptions are matched; false on timeout.</summary>
    /// <param name="count">Number of subscriptions.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>True when matched.</returns>
    public bool WaitForSubscriptions(int count, TimeSpan timeout) => _writer.WaitForMatched(count, timeout);

    /// <summary>Deletes the publisher.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Gid gid = _writer.Gid;
        _writer.Dispose();
        _node.Untrack(this, default, gid);
    }
}
