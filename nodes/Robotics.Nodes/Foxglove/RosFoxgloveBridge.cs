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
    private readonly RosTopicTap<FoxgloveChannel> _tap;

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
        _tap = new RosTopicTap<FoxgloveChannel>(context, "_robotics_foxglove_bridge", topics ?? [], includeHidden, historyDepth: 100,
            pollPeriod ?? TimeSpan.FromMilliseconds(10), (name, type, _) => _server.AddChannel(name, type), Forward);
    }

    /// <summary>The bridge's node (add it to an executor so its timer runs).</summary>
    public Node Node => _tap.Node;

    /// <summary>Topics being streamed.</summary>
    public IReadOnlyList<string> Topics => _tap.Sinks.Select(c => c.Topic).ToList();

    /// <summary>Advertises newly discovered topics and forwards every pending sample.</summary>
    /// <returns>Samples forwarded by this call.</returns>
    public int Poll() => _tap.Poll();

    /// <summary>Removes the subscriptions, the channels and the node.</summary>
    public void Dispose() => _tap.Close(_server.RemoveChannel);

    // A sample nobody watches is dropped; the time is the source timestamp, else the bridge's elapsed clock time.
    private bool Forward(FoxgloveChannel channel, IRosMessage message, SampleInfo info, long elapsedNs)
    {
        if (!_server.HasSubscribers(channel)) return false;
        _server.Publish(channel, channel.Type.Serialize(message), info.SourceTimestampNs > 0 ? info.SourceTimestampNs : elapsedNs);
        return true;
    }
}
