using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Nodes;

/// <summary>
/// An untyped subscription (rclcpp <c>create_generic_subscription</c>) without a callback: take samples with
/// <see cref="TryTake"/>, typically when <see cref="DataAvailable"/> is raised. Tools such as <c>topic echo</c> use it.
/// </summary>
public sealed class GenericSubscription : IDisposable
{
    private readonly Node _node;
    private readonly ITransportReader _reader;
    private int _disposed;

    internal GenericSubscription(Node node, string topicName, MessageTypeSupport type, ITransportReader reader, QosProfile qos)
    {
        _node = node;
        _reader = reader;
        TopicName = topicName;
        Type = type;
        Qos = qos;
    }

    /// <summary>Raised (from any thread) when samples arrive.</summary>
    public event Action? DataAvailable
    {
        add => _reader.DataAvailable += value;
        remove => _reader.DataAvailable -= value;
    }

    /// <summary>Fully qualified topic name.</summary>
    public string TopicName { get; }

    /// <summary>The message type.</summary>
    public MessageTypeSupport Type { get; }

    /// <summary>QoS of the subscription.</summary>
    public QosProfile Qos { get; }

    /// <summary>Gid of the underlying reader.</summary>
    public Gid Gid => _reader.Gid;

    /// <summary>Number of matched publishers.</summary>
    public int MatchedPublishers => _reader.MatchedCount;

    /// <summary>Malformed or truncated samples dropped by the transport.</summary>
    public long DroppedSamples => _reader.DroppedSamples;

    /// <summary>Takes the next sample into <paramref name="target"/> (a message of <see cref="Type"/>).</summary>
    /// <param name="target">Destination.</param>
    /// <param name="info">Sample info.</param>
    /// <returns>False when there is none.</returns>
    public bool TryTake(IRosMessage target, out SampleInfo info) => _reader.TryTake(target, out info);

    /// <summary>Deletes the subscription.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Gid gid = _reader.Gid;
        _reader.Dispose();
        _node.Untrack(this, gid, default);
    }
}
