using Robotics.Core.Time;
using Robotics.Ros.Messages;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;

namespace Robotics.Nodes.Foxglove;

/// <summary>
/// Streams the topics of a <see cref="RosContext"/> to a <see cref="FoxgloveServer"/> (what <c>launch --foxglove PORT</c>
/// uses): a hidden node discovers topics through the graph, advertises one channel per topic, subscribes with a QoS
/// compatible with the publishers and forwards each sample's CDR bytes with its source timestamp (or the context
/// clock's time since the bridge started when the transport gives none).
/// </summary>
/// <remarks>Add <see cref="Node"/> to the executor that spins the other nodes (its timer calls <see cref="Poll"/>), or call <see cref="Poll"/> yourself.</remarks>
public sealed class RosFoxgloveBridge : IDisposable
{
    private readonly FoxgloveServer _server;
    private readonly IReadOnlyList<string> _topics;
    private readonly bool _includeHidden;
    private readonly TimeProvider _clock;
    private readonly long _origin;
    private readonly List<(GenericSubscription Subscription, FoxgloveChannel Channel, IRosMessage Scratch)> _subscriptions = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private bool _disposed;

    /// <summary>Creates the bridge node on <paramref name="context"/>.</summary>
    /// <param name="context">The context whose topics are streamed.</param>
    /// <param name="server">A started server (the caller disposes it after the bridge).</param>
    /// <param name="topics">Topics to stream (fully qualified); empty for every topic.</param>
    /// <param name="includeHidden">Also stream hidden topics, /rosout and /parameter_events.</param>
    /// <param name="pollPeriod">Timer period of <see cref="Poll"/>; null for 10 ms.</param>
    public RosFoxgloveBridge(RosContext context, FoxgloveServer server, IReadOnlyList<string>? topics = null, bool includeHidden = false, TimeSpan? pollPeriod = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(server);
        _server = server;
        _topics = topics ?? [];
        _includeHidden = includeHidden;
        _clock = context.Clock;
        _origin = _clock.GetTimestamp();
        Node = new Node(context, "_robotics_foxglove_bridge");
        Node.CreateTimer(pollPeriod ?? TimeSpan.FromMilliseconds(10), () => Poll());
        Discover();
    }

    /// <summary>The bridge's node (add it to an executor so its timer runs).</summary>
    public Node Node { get; }

    /// <summary>Topics being streamed.</summary>
    public IReadOnlyList<string> Topics
    {
        get
        {
            lock (_gate) return _subscriptions.ConvertAll(s => s.Channel.Topic);
        }
    }

    /// <summary>Advertises newly discovered topics and forwards every pending sample.</summary>
    /// <returns>Samples forwarded by this call.</returns>
    public int Poll()
    {
        lock (_gate)
        {
            if (_disposed) return 0;
            Discover();
            int forwarded = 0;
            foreach (var (subscription, channel, scratch) in _subscriptions)
            {
                while (subscription.TryTake(scratch, out SampleInfo info))
                {
                    if (!_server.HasSubscribers(channel)) continue;
                    long time = info.SourceTimestampNs > 0
                        ? info.SourceTimestampNs
                        : TimeProviderExtensions.TimestampToSimTime(_clock.GetTimestamp() - _origin, _clock.TimestampFrequency).Nanoseconds;
                    _server.Publish(channel, channel.Type.Serialize(scratch), time);
                    forwarded++;
                }
            }

            return forwarded;
        }
    }

    /// <summary>Removes the subscriptions, the channels and the node.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var s in _subscriptions)
            {
                s.Subscription.Dispose();
                _server.RemoveChannel(s.Channel);
            }

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
            bool bestEffort = false, allTransientLocal = true;
            foreach (var p in publishers)
            {
                bestEffort |= p.Qos.Reliability == ReliabilityPolicy.BestEffort;
                allTransientLocal &= p.Qos.Durability == DurabilityPolicy.TransientLocal;
            }

            var qos = new QosProfile(HistoryPolicy.KeepLast, 100, bestEffort ? ReliabilityPolicy.BestEffort : ReliabilityPolicy.Reliable,
                allTransientLocal ? DurabilityPolicy.TransientLocal : DurabilityPolicy.Volatile);
            _subscriptions.Add((Node.CreateGenericSubscription(name, type, qos), _server.AddChannel(name, type), type.CreateMessage()));
        }
    }

    private bool Wanted(string topic)
    {
        if (_topics.Count > 0) return _topics.Contains(topic, StringComparer.Ordinal);
        if (_includeHidden) return true;
        return topic is not "/rosout" and not "/parameter_events" && !topic.Contains("/_", StringComparison.Ordinal);
    }
}
