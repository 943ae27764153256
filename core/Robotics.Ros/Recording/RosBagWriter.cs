using System.Text;
using Robotics.Core.Time;
using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Recording;

/// <summary>
/// Records ROS 2 messages into a rosbag2-compatible MCAP file: profile <c>ros2</c>, one <c>ros2msg</c> schema per type
/// (<see cref="Ros2MessageDefinitionText"/>), <c>cdr</c> channels with <c>offered_qos_profiles</c> and
/// <c>topic_type_hash</c> metadata, sequence 0, and on close rosbag2's <c>rosbag2</c>/<c>serialized_metadata</c>
/// Metadata record plus (for <see cref="Create"/>) <c>metadata.yaml</c> beside the file.
/// </summary>
/// <remarks>
/// Times are whatever the caller passes (simulated time in simulation), so the same calls give byte-identical files.
/// Writing a message serializes it into a reused buffer; not thread-safe (use one thread or lock around it).
/// </remarks>
public sealed class RosBagWriter : IDisposable
{
    private readonly McapWriter _mcap;
    private readonly RosBagWriterOptions _options;
    private readonly string? _path;
    private readonly List<RosBagTopic> _topics = [];
    private readonly Dictionary<string, RosBagTopic> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ushort> _schemaIds = new(StringComparer.Ordinal);
    private byte[] _buffer = new byte[1024];
    private bool _disposed;

    /// <summary>Writes a bag to <paramref name="stream"/> (no metadata.yaml).</summary>
    /// <param name="stream">Writable stream.</param>
    /// <param name="options">Options; null for defaults.</param>
    public RosBagWriter(Stream stream, RosBagWriterOptions? options = null)
        : this(stream, options, null)
    {
    }

    private RosBagWriter(Stream stream, RosBagWriterOptions? options, string? path)
    {
        _options = options ?? new RosBagWriterOptions();
        _mcap = new McapWriter(stream, _options.Mcap);
        _path = path;
    }

    /// <summary>Creates (overwrites) the .mcap file at <paramref name="mcapPath"/>, creating its folder if needed.</summary>
    /// <param name="mcapPath">Path of the .mcap file.</param>
    /// <param name="options">Options; null for defaults.</param>
    /// <returns>The writer; dispose it to complete the file and write metadata.yaml.</returns>
    public static RosBagWriter Create(string mcapPath, RosBagWriterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(mcapPath);
        string full = Path.GetFullPath(mcapPath);
        string? folder = Path.GetDirectoryName(full);
        if (folder is not null) Directory.CreateDirectory(folder);
        var stream = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        return new RosBagWriter(stream, options, full);
    }

    /// <summary>The topics added so far.</summary>
    public IReadOnlyList<RosBagTopic> Topics => _topics;

    /// <summary>Path of metadata.yaml written on close, or null.</summary>
    public string? MetadataPath => _path is null || !_options.WriteMetadataYaml ? null : Path.Combine(Path.GetDirectoryName(_path)!, "metadata.yaml");

    /// <summary>Adds a topic (once per name; adding the same name again with the same type returns the existing topic).</summary>
    /// <param name="topic">Fully qualified topic name, e.g. <c>/state</c>.</param>
    /// <param name="type">Message type.</param>
    /// <param name="offeredQos">The publisher's QoS; null for <see cref="QosProfile.Default"/>.</param>
    /// <returns>The topic handle for <see cref="Write(RosBagTopic, IRosMessage, SimTime)"/>.</returns>
    /// <exception cref="ArgumentException">The topic exists with another type.</exception>
    public RosBagTopic AddTopic(string topic, MessageTypeSupport type, QosProfile? offeredQos = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(type);
        if (_byName.TryGetValue(topic, out var existing))
        {
            return existing.Type == type
                ? existing
                : throw new ArgumentException($"Topic '{topic}' is already recorded as {existing.Type.RosTypeName}; it cannot also be {type.RosTypeName}.", nameof(topic));
        }

        if (!_schemaIds.TryGetValue(type.RosTypeName, out ushort schemaId))
        {
            schemaId = _mcap.AddSchema(type.RosTypeName, "ros2msg", Encoding.UTF8.GetBytes(Ros2MessageDefinitionText.For(type)));
            _schemaIds[type.RosTypeName] = schemaId;
        }

        QosProfile qos = offeredQos ?? QosProfile.Default;
        var metadata = new Dictionary<string, string>
        {
            ["offered_qos_profiles"] = RosQosYaml.List(qos, ""),
            ["topic_type_hash"] = type.TypeHash,
        };
        var t = new RosBagTopic(topic, type, qos, _mcap.AddChannel(schemaId, topic, "cdr", metadata));
        _topics.Add(t);
        _byName[topic] = t;
        return t;
    }

    /// <summary>Serializes and writes a message; publish time = log time.</summary>
    /// <param name="topic">A topic of this writer.</param>
    /// <param name="message">A message of the topic's type.</param>
    /// <param name="logTime">Log time (ns since the recording's epoch; simulated time in simulation).</param>
    public void Write(RosBagTopic topic, IRosMessage message, SimTime logTime)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(message);
        int size = topic.Type.GetSerializedSize(message);
        if (_buffer.Length < size) _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
        int n = topic.Type.Serialize(message, _buffer);
        Write(topic, _buffer.AsSpan(0, n), logTime.Nanoseconds, logTime.Nanoseconds);
    }

    /// <summary>Writes an already serialized (CDR, header included) message.</summary>
    /// <param name="topic">A topic of this writer.</param>
    /// <param name="cdr">The serialized message.</param>
    /// <param name="logTimeNs">Log (receive) time, ns, ≥ 0.</param>
    /// <param name="publishTimeNs">Publish (send) time, ns, ≥ 0.</param>
    public void Write(RosBagTopic topic, ReadOnlySpan<byte> cdr, long logTimeNs, long publishTimeNs)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (logTimeNs < 0 || publishTimeNs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(logTimeNs), $"MCAP times are unsigned: log time {logTimeNs} ns / publish time {publishTimeNs} ns must be >= 0.");
        }

        _mcap.WriteMessage(topic.ChannelId, 0, (ulong)logTimeNs, (ulong)publishTimeNs, cdr);
        topic.MessageCount++;
        topic.FirstLogTime = Math.Min(topic.FirstLogTime, logTimeNs);
        topic.LastLogTime = Math.Max(topic.LastLogTime, logTimeNs);
    }

    /// <summary>Completes the file (rosbag2 metadata record, summary, footer) and writes metadata.yaml.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        string fileName = _path is null ? "bag.mcap" : Path.GetFileName(_path);
        string yaml = RosBagMetadataYaml.Format(fileName, _topics, _options.RosDistro);
        _mcap.AddMetadata("rosbag2", new Dictionary<string, string> { ["serialized_metadata"] = yaml });
        _mcap.Dispose();
        if (MetadataPath is { } metadataPath) File.WriteAllText(metadataPath, yaml, new UTF8Encoding(false));
    }
}
