using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Nodes;

/// <summary>
/// A queued subscription created by <see cref="Node.CreateSubscription{T}(string, Action{T}, QosProfile)"/>: samples
/// wait in the reader (up to the QoS depth; KEEP_LAST drops the oldest) until an <see cref="Executor"/> spinning the
/// node calls the callback with each, in order.
/// </summary>
/// <typeparam name="T">Generated message type.</typeparam>
public sealed class Subscription<T> : IDisposable, IExecutable
    where T : class, IRosMessageType<T>, new()
{
    private readonly Node _node;
    private readonly ITransportReader _reader;
    private readonly Action<T, SampleInfo> _callback;
    private T? _next;
    private int _disposed;

    internal Subscription(Node node, string topicName, ITransportReader reader, QosProfile qos, Action<T, SampleInfo> callback)
    {
        _node = node;
        _reader = reader;
        _callback = callback;
        TopicName = topicName;
        Qos = qos;
    }

    /// <summary>Fully qualified topic name (after expansion and remapping).</summary>
    public string TopicName { get; }

    /// <summary>QoS of the subscription.</summary>
    public QosProfile Qos { get; }

    /// <summary>Gid of the underlying reader.</summary>
    public Gid Gid => _reader.Gid;

    /// <summary>Number of matched publishers (rclcpp <c>get_publisher_count</c>).</summary>
    public int MatchedPublishers => _reader.MatchedCount;

    /// <summary>Malformed or truncated samples dropped by the transport (never delivered).</summary>
    public long DroppedSamples => _reader.DroppedSamples;

    /// <summary>Callbacks run so far.</summary>
    public long ReceivedCount { get; private set; }

    long IExecutable.NextDue => long.MaxValue;

    /// <summary>Deletes the subscription.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Gid gid = _reader.Gid;
        _reader.DataAvailable -= _node.RaiseWorkAvailable;
        _reader.Dispose();
        _node.Untrack(this, gid, default);
    }

    int IExecutable.Execute(int max)
    {
        int n = 0;
        while (n < max && Volatile.Read(ref _disposed) == 0)
        {
            T message = _next ??= new T();
            if (!_reader.TryTake(message, out SampleInfo info))
            {
                break;
            }

            _next = null;
            n++;
            ReceivedCount++;
            _callback(message, info);
        }

        return n;
    }
}
