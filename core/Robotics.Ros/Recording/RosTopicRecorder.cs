using Robotics.Core.Time;
using Robotics.Ros.Messages;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Recording;

/// <summary>
/// Records the topics of a <see cref="RosContext"/> into a <see cref="RosBagWriter"/> (what <c>launch --record</c>
/// uses): a hidden node discovers topics through the graph, subscribes to each one with a QoS compatible with its
/// publishers, and writes every sample with log time = the context clock's timestamp (ns since the recorder was
/// created; simulated time under a <see cref="Robotics.Core.Time.ManualClock"/>) and publish time = the sample's
/// source timestamp.
/// </summary>
/// <remarks>
/// Add <see cref="Node"/> to the executor that spins the other nodes: its timer calls <see cref="Poll"/> every
/// <see cref="RosTopicRecorderOptions.PollPeriod"/>. Or call <see cref="Poll"/> yourself (e.g. after each
/// <c>SpinSome</c>). Dispose the recorder, then the writer.
/// </remarks>
public sealed class RosTopicRecorder : IDisposable
{
    private readonly RosBagWriter _writer;
    private readonly RosTopicRecorderOptions _options;
    private readonly TimeProvider _clock;
    private readonly long _origin;
    private readonly List<(GenericSubscription Subscription, RosBagTopic Topic, IRosMessage Scratch)> _subscriptions = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private bool _disposed;

    /// <summary>Creates the recorder node on <paramref name="context"/> and subscribes to the topics known so far.</summary>
    /// <param name="context">The context whose topics are recorded.</param>
    /// <param name="writer">The bag to write into (the caller disposes it after the recorder).</param>
    /// <param name="options">Topic filter and poll period; null for every topic every 10 ms.</param>
    public RosTopicRecorder(RosContext context, RosBagWriter writer, RosTopicRecorderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _options = options ?? new RosTopicRecorderOptions();
        _clock = context.Clock;
        _origin = _clock.GetTimestamp();
        Node = new Node(context, _options.NodeName);
        Node.CreateTimer(_options.PollPeriod, () => Poll());
        Discover();
    }

    /// <summary>The recorder's node (add it to an executor so its timer runs).</summary>
    public Node Node { get; }

    /// <summary>Topics being recorded.</summary>
    public IReadOnlyList<string> RecordedTopics
    {
        get
        {
            lock (_gate) return _subscriptions.ConvertAll(s => s.Topic.Name);
        }
    }

    /// <summary>Messages written so far.</summary>
    public long MessageCount { get; private set; }

    /// <summary>Subscribes to newly discovered topics, then writes every pending sample.</summary>
    /// <returns>Messages written by this call.</returns>
    public int Poll()
    {
        lock (_gate)
        {
            if (_disposed) return 0;
            Discover();
            int written = 0;
            foreach (var (subscription, topic, scratch) in _subscriptions)
            {
                while (subscription.TryTake(scratch, out SampleInfo info))
                {
                    long now = TimeProviderExtensions.TimestampToSimTime(_clock.GetTimestamp() - _origin, _clock.TimestampFrequency).Nanoseconds;
                    long published = info.SourceTimestampNs > 0 ? info.SourceTimestampNs : now;
                    _writer.Write(topic, topic.Type.Serialize(scratch), now, published);
                    written++;
                }
            }

            MessageCount += written;
            return written;
        }
    }

    /// <summary>Writes what is pending and removes the subscriptions and the node.</summary>
    public void Dispose()
    {
        Poll();
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var s in _subscriptions) s.Subscription.Dispose();
            _subscriptions.Clear();
            Node.Dispose();
        }
    }

    private void Discover()
    {
        var topics = Node.GetTopicNamesAndTypes();
        foreach (var name in topics.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (_known.Contains(name) || !Wanted(name)) continue;
            var types = topics[name];
            if (types.Count != 1 || !MessageTypeRegistry.TryGet(types[0], out MessageTypeSupport? type)) continue;
            var publishers = Node.GetPublishersInfoByTopic(name);
            if (publishers.Count == 0) continue;
            _known.Add(name);
            QosProfile offered = publishers[0].Qos;
            bool bestEffort = false, allTransientLocal = true;
            foreach (var p in publishers)
            {
                bestEffort |= p.Qos.Reliability == ReliabilityPolicy.BestEffort;
                allTransientLocal &= p.Qos.Durability == DurabilityPolicy.TransientLocal;
            }

            var qos = new QosProfile(HistoryPolicy.KeepLast, 1000, bestEffort ? ReliabilityPolicy.BestEffort : ReliabilityPolicy.Reliable,
                allTransientLocal ? DurabilityPolicy.TransientLocal : DurabilityPolicy.Volatile);
            var topic = _writer.AddTopic(name, type, offered);
            _subscriptions.Add((Node.CreateGenericSubscription(name, type, qos), topic, type.CreateMessage()));
        }
    }

    private bool Wanted(string topic)
    {
        if (_options.Topics.Count > 0) return _options.Topics.Contains(topic, StringComparer.Ordinal);
        if (_options.IncludeHidden) return true;
        return topic is not "/rosout" and not "/parameter_events" && !topic.Contains("/_", StringComparison.Ordinal);
    }
}
