using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Nodes;

/// <summary>A typed publisher created by <see cref="Node.CreatePublisher{T}(string, QosProfile)"/>.</summary>
/// <typeparam name="T">Generated message type.</typeparam>
public sealed class Publisher<T> : IDisposable
    where T : class, IRosMessageType<T>, new()
{
    private readonly Node _node;
    private readonly ITransportWriter _writer;
    private int _disposed;

    internal Publisher(Node node, string topicName, ITransportWriter writer, QosProfile qos)
    {
        _node = node;
        _writer = writer;
        TopicName = topicName;
        Qos = qos;
    }

    /// <summary>Fully qualified topic name (after expansion and remapping).</summary>
    public string TopicName { get; }

    /// <summary>QoS of the publisher.</summary>
    public QosProfile Qos { get; }

    /// <summary>Gid of the underlying writer.</summary>
    public Gid Gid => _writer.Gid;

    /// <summary>Number of matched subscriptions (rclcpp <c>get_subscription_count</c>).</summary>
    public int MatchedSubscriptions => _writer.MatchedCount;

    /// <summary>Publishes a message; returns a status value and never throws on the hot path.</summary>
    /// <param name="message">The message (not kept: it is serialized before the call returns).</param>
    /// <returns><see cref="PublishStatus.Ok"/>, <see cref="PublishStatus.NotMatched"/> (accepted, nobody listening) or <see cref="PublishStatus.Error"/>.</returns>
    public PublishStatus Publish(T message) => _writer.Publish(message);

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
