using System.Runtime.InteropServices;
using System.Text;
using Robotics.Ros.Dds.Native;
using Robotics.Ros.Graph;
using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Dds;

/// <summary>
/// The ROS 2 transport over Eclipse Cyclone DDS (P/Invoke to <c>libddsc</c>), naming and configuring its entities as
/// rmw_cyclonedds_cpp does so real ROS 2 nodes see it as one of theirs:
/// <list type="bullet">
/// <item>one participant per transport, USER_DATA <c>enclave=/;</c>, in domain <c>ROS_DOMAIN_ID</c>, with the discovery
/// configuration of <c>ROS_AUTOMATIC_DISCOVERY_RANGE</c>/<c>ROS_STATIC_PEERS</c> followed by <c>CYCLONEDDS_URI</c>;</item>
/// <item>topics <c>rt/&lt;name&gt;</c>, service requests <c>rq/&lt;name&gt;Request</c>, replies <c>rr/&lt;name&gt;Reply</c>,
/// types <c>&lt;pkg&gt;::msg::dds_::&lt;T&gt;_</c> from the generated Cyclone descriptors;</item>
/// <item>QoS as <c>create_readwrite_qos()</c> (reliable with infinite blocking, depth, TRANSIENT_LOCAL with durability
/// service, no autodispose, automatic liveliness), XCDR1 forced, USER_DATA <c>typehash=RIHS01_…;</c> (not on Humble);</item>
/// <item><c>ros_discovery_info</c> written (RELIABLE, TRANSIENT_LOCAL, KEEP_LAST 1) and read (KEEP_ALL, ignoring this
/// participant) with a Gid of 16 bytes, or 24 on Humble; the builtin topics feed <see cref="Graph"/>.</item>
/// </list>
/// Services use rmw_cyclonedds's request header and do not interoperate with rmw_fastrtps; the two endpoints of a client
/// (request writer, reply reader) carry USER_DATA <c>clientid=&lt;id&gt;;</c> and those of a service
/// <c>serviceid=&lt;id&gt;;</c> as in <c>rmw_init_cs</c>, pairing the second endpoint created for a service name and role
/// with the first.
/// </summary>
public sealed unsafe class DdsTransport : IRosTransport
{
    private readonly object _gate = new();
    private readonly Dictionary<string, NativeDescriptor> _descriptors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _topics = new(StringComparer.Ordinal);
    private readonly HashSet<IDisposable> _endpoints = new();
    private readonly Dictionary<(string Service, bool IsClient), PendingServiceId> _pendingServiceIds = new();
    private readonly GraphCache _graph;
    private readonly DdsGraphMonitor _monitor;
    private readonly NativeSampleWriter _discoverySample;
    private readonly int _participant;
    private readonly int _publisher;
    private readonly int _subscriber;
    private readonly int _discoveryWriter;
    private bool _disposed;
    private long _droppedDiscoveryInfo;
    private uint _lastServiceId;

    /// <summary>Creates a transport configured from the ROS environment variables (see <see cref="DdsTransportOptions"/>).</summary>
    public DdsTransport()
        : this(DdsTransportOptions.FromEnvironment())
    {
    }

    /// <summary>Creates the participant, the graph readers and the <c>ros_discovery_info</c> writer.</summary>
    /// <param name="options">Domain, Gid size, type hashes and discovery configuration.</param>
    /// <exception cref="DllNotFoundException">Cyclone DDS is not installed (the message names the package).</exception>
    /// <exception cref="InvalidOperationException">Cyclone rejected the configuration or an entity.</exception>
    public DdsTransport(DdsTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.GidSize is not (16 or 24))
        {
            throw new ArgumentException($"GidSize {options.GidSize} is not a rmw_dds_common Gid size; use 16 (Iron/Jazzy) or 24 (Humble).", nameof(options));
        }

        CycloneLibrary.EnsureLoaded();
        Options = options;
        DdsDomainRegistry.Acquire(options.DomainId, options.BuildCycloneConfig(Environment.ProcessId));
        try
        {
            nint qos = DdsApi.dds_create_qos();
            byte[] ud = Encoding.UTF8.GetBytes(UserData.ForParticipant(options.Enclave));
            fixed (byte* p = ud)
            {
                DdsApi.dds_qset_userdata(qos, p, (nuint)ud.Length);
            }

            _participant = DdsApi.dds_create_participant(options.DomainId, qos, 0);
            DdsApi.dds_delete_qos(qos);
            Check(_participant, "participant");
            DdsGuid guid;
            DdsApi.dds_get_guid(_participant, &guid);
            ParticipantGid = ToGid(guid);
            _publisher = Check(DdsApi.dds_create_publisher(_participant, 0, 0), "publisher");
            _subscriber = Check(DdsApi.dds_create_subscriber(_participant, 0, 0), "subscriber");

            _graph = new GraphCache();
            _graph.AddParticipant(ParticipantGid, options.Enclave);
            DdsTopicDescriptor infoDescriptor = DiscoveryInfoCodec.Descriptor(options.GidSize);
            int infoTopic = GetTopic(DdsNames.DiscoveryInfoTopic, infoDescriptor);
            string infoHash = options.PublishTypeHash && MessageTypeRegistry.TryGet("rmw_dds_common/msg/ParticipantEntitiesInfo", out MessageTypeSupport? pei) ? pei.TypeHash : string.Empty;
            nint writerQos = DdsQos.Create(new DdsQos.Settings(KeepAll: false, Depth: 1, Reliable: true, TransientLocal: true), false, UserData.ForEndpoint(infoHash));
            _discoveryWriter = DdsApi.dds_create_writer(_publisher, infoTopic, writerQos, 0);
            DdsApi.dds_delete_qos(writerQos);
            Check(_discoveryWriter, "ros_discovery_info writer");
            _discoverySample = new NativeSampleWriter(DiscoveryInfoCodec.NativeSize(options.GidSize));
            _monitor = new DdsGraphMonitor(_participant, _subscriber, infoTopic, options.GidSize, UserData.ForEndpoint(infoHash), new Sink(this));
        }
        catch
        {
            if (_participant > 0)
            {
                DdsApi.dds_delete(_participant);
            }

            DdsDomainRegistry.Release(options.DomainId);
            throw;
        }
    }

    /// <inheritdoc />
    public string Name => "cyclonedds";

    /// <summary>The options this transport was created with.</summary>
    public DdsTransportOptions Options { get; }

    /// <inheritdoc />
    public Gid ParticipantGid { get; }

    /// <inheritdoc />
    /// <remarks>
    /// Fed from the DDS builtin topics (every participant's endpoints, this one's included) and from
    /// <c>ros_discovery_info</c>; a writer and reader of one topic with different DDS types or type hashes are reported
    /// through <see cref="IGraphView.TypeMismatchDetected"/> with both type names and hashes.
    /// </remarks>
    public IGraphView Graph => _graph;

    /// <summary><c>ros_discovery_info</c> samples that could not be decoded (e.g. a Humble peer seen from Jazzy).</summary>
    public long DroppedDiscoveryInfo => Interlocked.Read(ref _droppedDiscoveryInfo);

    /// <inheritdoc />
    public ITransportWriter CreateWriter(EndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            string ddsTopic = MangledName(options);
            int topic = GetTopic(ddsTopic, options.Type.TopicDescriptor);
            nint qos = DdsQos.Create(ToSettings(options.Qos), false, EndpointUserData(options, isWriter: true));
            try
            {
                var writer = new DdsWriter(_publisher, topic, qos, options.Type, options.Kind, Forget);
                _endpoints.Add(writer);
                return writer;
            }
            finally
            {
                DdsApi.dds_delete_qos(qos);
            }
        }
    }

    /// <inheritdoc />
    public ITransportReader CreateReader(EndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            string ddsTopic = MangledName(options);
            int topic = GetTopic(ddsTopic, options.Type.TopicDescriptor);
            nint qos = DdsQos.Create(ToSettings(options.Qos), false, EndpointUserData(options, isWriter: false));
            try
            {
                var reader = new DdsReader(_subscriber, topic, qos, options.Type, Forget);
                _endpoints.Add(reader);
                return reader;
            }
            finally
            {
                DdsApi.dds_delete_qos(qos);
            }
        }
    }

    /// <inheritdoc />
    public void PublishNodes(IReadOnlyList<NodeEntitiesInfo> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var info = new DiscoveryInfo(
            GidBytes(ParticipantGid),
            nodes.Select(n => new DiscoveryNode(n.Namespace, n.Name, n.Readers.Select(GidBytes).ToArray(), n.Writers.Select(GidBytes).ToArray())).ToArray());
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DiscoveryInfoCodec.WriteNative(info, Options.GidSize, _discoverySample);
            int rc = DdsApi.dds_write(_discoveryWriter, (void*)_discoverySample.Sample);
            if (rc < 0)
            {
                throw new InvalidOperationException($"Cyclone DDS could not write ros_discovery_info: {DdsApi.ErrorText(rc)}.");
            }
        }

        _graph.UpdateParticipantNodes(ParticipantGid, nodes);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        List<IDisposable> endpoints;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            endpoints = _endpoints.ToList();
        }

        _monitor.Dispose();
        foreach (IDisposable endpoint in endpoints)
        {
            endpoint.Dispose();
        }

        DdsApi.dds_delete(_participant);
        DdsDomainRegistry.Release(Options.DomainId);
        _discoverySample.Dispose();
        foreach (NativeDescriptor d in _descriptors.Values)
        {
            d.Dispose();
        }
    }

    internal static Gid ToGid(DdsGuid guid) => new(new ReadOnlySpan<byte>(&guid, 16));

    internal static Gid ToGid(byte[] bytes) => new(bytes.AsSpan(0, 16));

    internal static bool SameType(MessageTypeSupport a, MessageTypeSupport b) =>
        ReferenceEquals(a, b) || string.Equals(a.DdsTypeName, b.DdsTypeName, StringComparison.Ordinal);

    internal static SampleInfo MakeSampleInfo(Gid writer, long sourceTimestampNs, long sequence) =>
        new(writer, sourceTimestampNs, sequence);

    private static byte[] GidBytes(Gid gid) => gid.ToArray();

    private static int Check(int rc, string what) =>
        rc >= 0 ? rc : throw new InvalidOperationException($"Cyclone DDS could not create the {what}: {DdsApi.ErrorText(rc)}.");

    private static string MangledName(EndpointOptions options)
    {
        // make_fqtopic(): avoid_ros_namespace_conventions drops the prefix but keeps the service suffix
        bool plain = options.Qos.AvoidRosNamespaceConventions;
        return options.Kind switch
        {
            EndpointKind.ServiceRequest => plain ? options.TopicName + "Request" : DdsNames.Request(options.TopicName),
            EndpointKind.ServiceReply => plain ? options.TopicName + "Reply" : DdsNames.Reply(options.TopicName),
            _ => plain ? options.TopicName : DdsNames.Topic(options.TopicName),
        };
    }

    /// <summary>rmw QoS to the settings <c>create_readwrite_qos()</c> applies (SYSTEM_DEFAULT resolves as in rmw_cyclonedds).</summary>
    internal static DdsQos.Settings ToSettings(QosProfile qos)
    {
        if (qos.History == HistoryPolicy.Unknown || qos.Reliability == ReliabilityPolicy.Unknown
            || qos.Durability == DurabilityPolicy.Unknown || qos.Liveliness == LivelinessPolicy.Unknown)
        {
            throw new ArgumentException($"QoS {qos} has an UNKNOWN policy; rmw_cyclonedds rejects it. Use a concrete or SYSTEM_DEFAULT value.", nameof(qos));
        }

        return new DdsQos.Settings(
            KeepAll: qos.History == HistoryPolicy.KeepAll,
            Depth: qos.History == HistoryPolicy.KeepAll ? 0 : qos.Depth,
            Reliable: qos.Reliability != ReliabilityPolicy.BestEffort,
            TransientLocal: qos.Durability == DurabilityPolicy.TransientLocal,
            DeadlineNs: Nanoseconds(qos.Deadline),
            LifespanNs: Nanoseconds(qos.Lifespan),
            LivelinessManualByTopic: qos.Liveliness == LivelinessPolicy.ManualByTopic,
            LivelinessLeaseNs: Nanoseconds(qos.LivelinessLeaseDuration));
    }

    /// <summary>The QoS of an endpoint seen through the builtin topics, in rmw terms.</summary>
    internal static QosProfile FromSettings(DdsQos.Settings s) =>
        new QosProfile(
            s.KeepAll ? HistoryPolicy.KeepAll : HistoryPolicy.KeepLast,
            s.KeepAll ? 0 : s.Depth,
            s.Reliable ? ReliabilityPolicy.Reliable : ReliabilityPolicy.BestEffort,
            s.TransientLocal ? DurabilityPolicy.TransientLocal : DurabilityPolicy.Volatile)
        {
            Deadline = Duration(s.DeadlineNs),
            Lifespan = Duration(s.LifespanNs),
            Liveliness = s.LivelinessManualByTopic ? LivelinessPolicy.ManualByTopic : LivelinessPolicy.Automatic,
            LivelinessLeaseDuration = Duration(s.LivelinessLeaseNs),
        };

    // rmw: zero = unspecified (policy not set), TimeSpan.MaxValue = infinite
    private static long Nanoseconds(TimeSpan t) =>
        t == TimeSpan.Zero ? -1 : t == TimeSpan.MaxValue ? DdsApi.Infinity : t.Ticks * 100;

    private static TimeSpan Duration(long ns) => ns < 0 ? TimeSpan.Zero : TimeSpan.FromTicks(ns / 100);

    /// <summary>
    /// The text of a client/service id as rmw_cyclonedds's <c>csid_to_string()</c> writes it: 16 bytes in hex, the first
    /// padded to two characters with a space (<c>std::setw(2)</c>), the others unpadded, separated by '.'.
    /// </summary>
    internal static string ServiceIdText(ReadOnlySpan<byte> id)
    {
        var text = new StringBuilder(48);
        text.Append(id[0].ToString("x", System.Globalization.CultureInfo.InvariantCulture).PadLeft(2));
        for (int i = 1; i < id.Length; i++)
        {
            text.Append('.').Append(id[i].ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>
    /// USER_DATA of a new endpoint as <c>create_readwrite_qos()</c> writes it: for the two endpoints of one client
    /// (request writer + reply reader) <c>clientid=&lt;id&gt;;</c>, for those of one service (request reader + reply
    /// writer) <c>serviceid=&lt;id&gt;;</c>, then <c>typehash=…;</c> unless Humble. Call with <see cref="_gate"/> held.
    /// </summary>
    private string EndpointUserData(EndpointOptions options, bool isWriter)
    {
        string hash = Options.PublishTypeHash ? options.Type.TypeHash : string.Empty;
        if (options.Kind == EndpointKind.Topic)
        {
            return UserData.ForEndpoint(hash);
        }

        // rmw creates both endpoints of a client or service in one call (rmw_init_cs) and gives them one id
        // (get_unique_csid: participant GUID prefix + big-endian counter). The transport sees them one at a time, so
        // the second endpoint of the same service name and role takes the id the first one left pending.
        bool isClient = (options.Kind == EndpointKind.ServiceRequest) == isWriter;
        var key = (options.TopicName, isClient);
        string id;
        if (_pendingServiceIds.TryGetValue(key, out PendingServiceId? pending) && pending.HasWriter != isWriter)
        {
            id = pending.Id;
            _pendingServiceIds.Remove(key);
        }
        else
        {
            Span<byte> raw = stackalloc byte[16];
            ParticipantGid.WriteTo(raw, 16);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(raw.Slice(12), ++_lastServiceId);
            id = ServiceIdText(raw);
            _pendingServiceIds[key] = new PendingServiceId(id, isWriter);
        }

        return UserData.ForEndpoint(hash, (isClient ? "clientid=" : "serviceid=") + id + ";");
    }

    private int GetTopic(string ddsTopic, DdsTopicDescriptor descriptor)
    {
        string key = ddsTopic + "\n" + descriptor.TypeName;
        if (_topics.TryGetValue(key, out int topic))
        {
            return topic;
        }

        if (!_descriptors.TryGetValue(descriptor.TypeName + "\n" + descriptor.Size, out NativeDescriptor? native))
        {
            native = new NativeDescriptor(descriptor);
            _descriptors[descriptor.TypeName + "\n" + descriptor.Size] = native;
        }

        topic = DdsApi.dds_create_topic(_participant, native.Pointer, ddsTopic, 0, 0);
        if (topic < 0)
        {
            throw new InvalidOperationException(
                $"Cyclone DDS could not create topic '{ddsTopic}' with type {descriptor.TypeName}: {DdsApi.ErrorText(topic)} " +
                "(a topic has one type per participant; use another topic name or the same type).");
        }

        _topics[key] = topic;
        return topic;
    }

    private void Forget(IDisposable endpoint)
    {
        lock (_gate)
        {
            _endpoints.Remove(endpoint);
        }
    }

    /// <summary>The id of a client or service whose first endpoint exists and whose second is still to come.</summary>
    private sealed record PendingServiceId(string Id, bool HasWriter);

    private sealed class Sink(DdsTransport owner) : IDdsGraphSink
    {
        public void ParticipantAdded(byte[] gid, string? enclave)
        {
            if (enclave is not null)
            {
                owner._graph.AddParticipant(ToGid(gid), enclave);
            }
        }

        public void ParticipantRemoved(byte[] gid) => owner._graph.RemoveParticipant(ToGid(gid));

        public void EndpointAdded(DdsEndpointSample e)
        {
            if (!DdsNames.TryDemangleTopic(e.DdsTopic, out string rosName, out DdsTopicKind kind))
            {
                return; // not a ROS topic (builtin topics, ros_discovery_info, plain DDS applications)
            }

            string hash = e.UserData.TryGetValue("typehash", out string? h) ? h : string.Empty;
            EndpointKind endpointKind = kind switch
            {
                DdsTopicKind.Request => EndpointKind.ServiceRequest,
                DdsTopicKind.Reply => EndpointKind.ServiceReply,
                _ => EndpointKind.Topic,
            };
            owner._graph.AddEndpoint(new TopicEndpointInfo(
                rosName, DdsNames.RosType(e.DdsType), e.DdsType, hash, endpointKind, e.IsWriter, FromSettings(e.Qos), ToGid(e.Gid), ToGid(e.Participant)));
        }

        public void EndpointRemoved(byte[] gid) => owner._graph.RemoveEndpoint(ToGid(gid));

        public void NodesUpdated(DiscoveryInfo info) =>
            owner._graph.UpdateParticipantNodes(
                ToGid(info.Participant),
                info.Nodes.Select(n => new NodeEntitiesInfo(n.Namespace, n.Name, n.Readers.Select(ToGid).ToArray(), n.Writers.Select(ToGid).ToArray())).ToArray());

        public void DiscoveryInfoDropped() => Interlocked.Increment(ref owner._droppedDiscoveryInfo);
    }
}
