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
    private readonly RosTopicTap<RosBagTopic> _tap;
    private long _messageCount;

    /// <summary>Creates the recorder node on <paramref name="context"/> and subscribes to the topics known so far.</summary>
    /// <param name="context">The context whose topics are recorded.</param>
    /// <param name="writer">The bag to write into (the caller disposes it after the recorder).</param>
    /// <param name="options">Topic filter and poll period; null for every topic every 10 ms.</param>
    public RosTopicRecorder(RosContext context, RosBagWriter writer, RosTopicRecorderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        var o = options ?? new RosTopicRecorderOptions();
        _tap = new RosTopicTap<RosBagTopic>(context, o.NodeName, o.Topics, o.IncludeHidden, historyDepth: 1000, o.PollPeriod,
            (name, type, offered) => _writer.AddTopic(name, type, offered), WriteSample);
    }

    /// <summary>The recorder's node (add it to an executor so its timer runs).</summary>
    public Node Node => _tap.Node;

    /// <summary>Topics being recorded.</summary>
    public IReadOnlyList<string> RecordedTopics => _tap.Sinks.Select(t => t.Name).ToList();

    /// <summary>Messages written so far.</summary>
    public long MessageCount => Interlocked.Read(ref _messageCount);

    /// <summary>Subscribes to newly discovered topics, then writes every pending sample.</summary>
    /// <returns>Messages written by this call.</returns>
    public int Poll() => _tap.Poll();

    /// <summary>Writes what is pending and removes the subscriptions and the node.</summary>
    public void Dispose()
    {
        _tap.Poll();
        _tap.Dispose();
    }

    // Log time = the context clock since the recorder started; publish time = the sample's source timestamp.
    private bool WriteSample(RosBagTopic topic, IRosMessage message, SampleInfo info, long elapsedNs)
    {
        long published = info.SourceTimestampNs > 0 ? info.SourceTimestampNs : elapsedNs;
        _writer.Write(topic, topic.Type.Serialize(message), elapsedNs, published);
        Interlocked.Increment(ref _messageCount);
        return true;
    }
}
