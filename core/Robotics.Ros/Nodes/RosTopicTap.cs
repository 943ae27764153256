using Robotics.Core.Time;
using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Nodes;

/// <summary>
/// Taps every topic of a <see cref="RosContext"/> (what the recorder and the Foxglove bridge share): a hidden node
/// discovers topics through the graph, subscribes to each one with a QoS compatible with all its publishers, and hands
/// each sample to a per-topic sink.
/// </summary>
/// <typeparam name="TSink">What the owner keeps per topic (a bag topic, a Foxglove channel).</typeparam>
/// <remarks>
/// Discovery asks the graph on every <see cref="Poll"/>; a topic is taken once it has exactly one known message
/// type and at least one publisher. The subscription is best-effort if any publisher is, and transient-local only if
/// every publisher is, so that it matches them all. Add <see cref="Node"/> to an executor (its timer polls), or call
/// <see cref="Poll"/> yourself.
/// </remarks>
public sealed class RosTopicTap<TSink> : IDisposable
{
    /// <summary>Creates the sink of a newly discovered topic.</summary>
    /// <param name="topic">The fully qualified topic name.</param>
    /// <param name="type">Its message type.</param>
    /// <param name="offered">The QoS of its first publisher.</param>
    public delegate TSink TopicAdded(string topic, MessageTypeSupport type, QosProfile offered);

    /// <summary>Takes one sample; returns whether it was passed on (counted).</summary>
    /// <param name="sink">The topic's sink.</param>
    /// <param name="message">The sample (a scratch message reused for the next sample).</param>
    /// <param name="info">Its sample info (source timestamp).</param>
    /// <param name="elapsedNs">The context clock's time since the tap was created, in ns.</param>
    public delegate bool SampleTaken(TSink sink, IRosMessage message, SampleInfo info, long elapsedNs);

    private readonly IReadOnlyList<string> _topics;
    private readonly bool _includeHidden;
    private readonly int _historyDepth;
    private readonly TopicAdded _onTopic;
    private readonly SampleTaken _onSample;
    private readonly TimeProvider _clock;
    private readonly long _origin;
    private readonly List<(GenericSubscription Subscription, TSink Sink, IRosMessage Scratch)> _subscriptions = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private bool _disposed;

    /// <summary>Creates the tap's node on <paramref name="context"/> and subscribes to the topics known so far.</summary>
    /// <param name="context">The context whose topics are tapped.</param>
    /// <param name="nodeName">The hidden node's name (start it with <c>_</c>).</param>
    /// <param name="topics">Topics to tap (fully qualified); empty for every topic.</param>
    /// <param name="includeHidden">Also tap hidden topics, /rosout and /parameter_events.</param>
    /// <param name="historyDepth">Keep-last depth of each subscription (samples buffered between polls).</param>
    /// <param name="pollPeriod">Period of the node's poll timer.</param>
    /// <param name="onTopic">Creates the sink of each new topic.</param>
    /// <param name="onSample">Takes each sample.</param>
    public RosTopicTap(RosContext context, string nodeName, IReadOnlyList<string> topics, bool includeHidden, int historyDepth,
        TimeSpan pollPeriod, TopicAdded onTopic, SampleTaken onSample)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(onTopic);
        ArgumentNullException.ThrowIfNull(onSample);
        ArgumentOutOfRangeException.ThrowIfLessThan(historyDepth, 1);
        _topics = topics ?? [];
        _includeHidden = includeHidden;
        _historyDepth = historyDepth;
        _onTopic = onTopic;
        _onSample = onSample;
        _clock = context.Clock;
        _origin = _clock.GetTimestamp();
        Node = new Node(context, nodeName);
        Node.CreateTimer(pollPeriod, () => Poll());
        Discover();
    }

    /// <summary>The tap's node (add it to an executor so its timer runs).</summary>
    public Node Node { get; }

    /// <summary>The sinks of the topics tapped so far, in discovery order.</summary>
    public IReadOnlyList<TSink> Sinks
    {
        get
        {
            lock (_gate) return _subscriptions.ConvertAll(s => s.Sink);
        }
    }

    /// <summary>Subscribes to newly discovered topics, then hands every pending sample to its sink.</summary>
    /// <returns>Samples passed on by this call.</returns>
    public int Poll()
    {
        lock (_gate)
        {
            if (_disposed) return 0;
            Discover();
            int taken = 0;
            foreach (var (subscription, sink, scratch) in _subscriptions)
            {
                while (subscription.TryTake(scratch, out SampleInfo info))
                {
                    long elapsed = TimeProviderExtensions.TimestampToSimTime(_clock.GetTimestamp() - _origin, _clock.TimestampFrequency).Nanoseconds;
                    if (_onSample(sink, scratch, info, elapsed)) taken++;
                }
            }

            return taken;
        }
    }

    /// <summary>Removes the subscriptions and the node, calling <paramref name="onRemove"/> for each sink.</summary>
    /// <param name="onRemove">Called for each sink after its subscription is gone; null for nothing.</param>
    public void Close(Action<TSink>? onRemove)
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var s in _subscriptions)
            {
                s.Subscription.Dispose();
                onRemove?.Invoke(s.Sink);
            }

            _subscriptions.Clear();
            Node.Dispose();
        }
    }

    /// <summary>Removes the subscriptions and the node.</summary>
    public void Dispose() => Close(null);

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
            bool bestEffort = false, allTransientLocal = true;
            foreach (var p in publishers)
            {
                bestEffort |= p.Qos.Reliability == ReliabilityPolicy.BestEffort;
                allTransientLocal &= p.Qos.Durability == DurabilityPolicy.TransientLocal;
            }

            var qos = new QosProfile(HistoryPolicy.KeepLast, _historyDepth, bestEffort ? ReliabilityPolicy.BestEffort : ReliabilityPolicy.Reliable,
                allTransientLocal ? DurabilityPolicy.TransientLocal : DurabilityPolicy.Volatile);
            var sink = _onTopic(name, type, publishers[0].Qos);
            _subscriptions.Add((Node.CreateGenericSubscription(name, type, qos), sink, type.CreateMessage()));
        }
    }

    private bool Wanted(string topic)
    {
        if (_topics.Count > 0) return _topics.Contains(topic, StringComparer.Ordinal);
        if (_includeHidden) return true;
        return topic is not "/rosout" and not "/parameter_events" && !topic.Contains("/_", StringComparison.Ordinal);
    }
}
