using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Nodes;

/// <summary>
/// A subscription that keeps only the newest sample, for loops that read "the latest command" each tick
/// (like ros2_control's realtime box). No executor is needed: <see cref="TryGetLatest(T)"/> drains the reader and copies
/// the newest sample into a message the caller owns.
/// </summary>
/// <remarks>
/// The newest sample is kept as XCDR1 bytes in a reusable buffer and decoded into the caller's message, so a message
/// without strings or sequences is read without allocating. Thread-safe.
/// </remarks>
/// <typeparam name="T">Generated message type.</typeparam>
public sealed class LatestValueSubscription<T> : IDisposable
    where T : class, IRosMessageType<T>, new()
{
    private readonly Node _node;
    private readonly ITransportReader _reader;
    private readonly object _gate = new();
    private readonly MessageTypeSupport _support = T.Support;
    private T _scratch = new();
    private byte[] _latest = new byte[64];
    private int _latestLength;
    private SampleInfo _latestInfo;
    private int _disposed;

    internal LatestValueSubscription(Node node, string topicName, ITransportReader reader, QosProfile qos)
    {
        _node = node;
        _reader = reader;
        TopicName = topicName;
        Qos = qos;
    }

    /// <summary>Fully qualified topic name.</summary>
    public string TopicName { get; }

    /// <summary>QoS of the subscription.</summary>
    public QosProfile Qos { get; }

    /// <summary>Gid of the underlying reader.</summary>
    public Gid Gid => _reader.Gid;

    /// <summary>Number of matched publishers.</summary>
    public int MatchedPublishers => _reader.MatchedCount;

    /// <summary>Malformed or truncated samples dropped by the transport.</summary>
    public long DroppedSamples => _reader.DroppedSamples;

    /// <summary>Samples taken from the reader so far (counted when <see cref="TryGetLatest(T)"/> drains it).</summary>
    public long ReceivedCount { get; private set; }

    /// <summary>True once a sample has been received.</summary>
    public bool HasValue
    {
        get
        {
            lock (_gate)
            {
                Drain();
                return _latestLength > 0;
            }
        }
    }

    /// <summary>Copies the newest sample received so far into <paramref name="destination"/>.</summary>
    /// <param name="destination">A message owned by the caller (reused tick after tick).</param>
    /// <param name="info">Info of that sample.</param>
    /// <returns>False when nothing has been received yet (the destination is untouched).</returns>
    public bool TryGetLatest(T destination, out SampleInfo info)
    {
        ArgumentNullException.ThrowIfNull(destination);
        lock (_gate)
        {
            Drain();
            info = _latestInfo;
            return _latestLength > 0 && _support.TryDeserialize(_latest.AsSpan(0, _latestLength), destination) == CdrStatus.Ok;
        }
    }

    /// <summary>Copies the newest sample into <paramref name="destination"/>; false when there is none.</summary>
    /// <param name="destination">A message owned by the caller.</param>
    /// <returns>Whether a sample was copied.</returns>
    public bool TryGetLatest(T destination) => TryGetLatest(destination, out _);

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

    private void Drain()
    {
        while (Volatile.Read(ref _disposed) == 0 && _reader.TryTake(_scratch, out SampleInfo info))
        {
            ReceivedCount++;
            int size = _support.GetSerializedSize(_scratch);
            if (_latest.Length < size)
            {
                _latest = new byte[Math.Max(size, 2 * _latest.Length)];
            }

            _latestLength = _support.Serialize(_scratch, _latest);
            _latestInfo = info;
        }
    }
}
