using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Nodes;

/// <summary>
/// A typed publisher created by <see cref="Node.CreatePublisher{T}(string, QosProfile)"/>: a
/// <see cref="GenericPublisher"/> of <typeparamref name="T"/>'s type support that only accepts <typeparamref name="T"/>.
/// </summary>
/// <typeparam name="T">Generated message type.</typeparam>
public sealed class Publisher<T> : IDisposable
    where T : class, IRosMessageType<T>, new()
{
    private readonly GenericPublisher _publisher;

    internal Publisher(GenericPublisher publisher) => _publisher = publisher;

    /// <summary>Fully qualified topic name (after expansion and remapping).</summary>
    public string TopicName => _publisher.TopicName;

    /// <summary>QoS of the publisher.</summary>
    public QosProfile Qos => _publisher.Qos;

    /// <summary>Gid of the underlying writer.</summary>
    public Gid Gid => _publisher.Gid;

    /// <summary>Number of matched subscriptions (rclcpp <c>get_subscription_count</c>).</summary>
    public int MatchedSubscriptions => _publisher.MatchedSubscriptions;

    /// <summary>Publishes a message; returns a status value and never throws on the hot path.</summary>
    /// <param name="message">The message (not kept: it is serialized before the call returns).</param>
    /// <returns><see cref="PublishStatus.Ok"/>, <see cref="PublishStatus.NotMatched"/> (accepted, nobody listening) or <see cref="PublishStatus.Error"/>.</returns>
    public PublishStatus Publish(T message) => _publisher.Publish(message);

    /// <summary>Waits until at least <paramref name="count"/> subscriptions are matched; false on timeout.</summary>
    /// <param name="count">Number of subscriptions.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>True when matched.</returns>
    public bool WaitForSubscriptions(int count, TimeSpan timeout) => _publisher.WaitForSubscriptions(count, timeout);

    /// <summary>Deletes the publisher.</summary>
    public void Dispose() => _publisher.Dispose();
}
