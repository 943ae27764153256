using Robotics.Ros.Graph;
using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Nodes;

/// <summary>
/// A ROS 2 node (rclcpp's <c>Node</c>): a named participant of the graph that owns publishers, subscriptions,
/// timers, services and clients, and answers graph queries.
/// </summary>
/// <remarks>
/// <para>Names follow the ROS rules (<see cref="RosNames"/>): the node name uses letters, digits and '_'; the namespace
/// is absolute (an empty one is <c>/</c>, a relative one gets a leading '/'). <c>-r __node:=</c> and <c>-r __ns:=</c>
/// rules of the node's and the context's arguments rename it.</para>
/// <para>Topic and service names are expanded (<c>chatter</c> → <c>/ns/chatter</c>, <c>~/state</c> →
/// <c>/ns/node/state</c>, <c>/abs</c> unchanged) and then remapped by the first matching <c>-r from:=to</c> rule.</para>
/// <para>Callbacks of subscriptions, timers and services run on the thread that spins an <see cref="Executor"/> holding the
/// node; client responses complete their tasks from the transport's thread. Whenever an endpoint is created or
/// disposed the context re-announces its nodes (<c>ros_discovery_info</c>), so <c>ros2 node info</c> sees them.</para>
/// </remarks>
public sealed class Node : IDisposable
{
    private readonly object _gate = new();
    private readonly List<Gid> _readers = [];
    private readonly List<Gid> _writers = [];
    private readonly List<IDisposable> _entities = [];
    private readonly RosArguments _localArguments;
    private readonly bool _useGlobal;
    private IExecutable[] _executables = [];
    private bool _disposed;

    /// <summary>Creates a node and announces it in the graph.</summary>
    /// <param name="context">The context (transport, arguments, clock).</param>
    /// <param name="name">Node name, e.g. <c>talker</c>.</param>
    /// <param name="namespace">Namespace, e.g. <c>/robot</c>; empty for <c>/</c>.</param>
    /// <param name="options">Node options; null for <see cref="NodeOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">The name, namespace or a node-local ROS argument is invalid (the message says why and gives an example).</exception>
    public Node(RosContext context, string name, string @namespace = "", NodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        options ??= NodeOptions.Default;
        Context = context;
        _localArguments = RosArguments.Parse(options.Arguments);
        _useGlobal = options.UseGlobalArguments;
        Clock = options.Clock ?? context.Clock;
        if (RosNames.ValidateNodeName(name) is { } badName)
        {
            throw new ArgumentException($"Node name '{name}' is invalid: {badName}. Use letters, digits and '_' (not starting with a digit), e.g. 'talker'.", nameof(name));
        }

        string ns = RosNames.NormalizeNamespace(@namespace);
        if (RosNames.ValidateNamespace(ns) is { } badNs)
        {
            throw new ArgumentException($"Node namespace '{@namespace}' is invalid: {badNs}. Use e.g. '/robot' or '/robot/arm'.", nameof(@namespace));
        }

        (string n1, string ns1) = _localArguments.RemapNode(name, ns);
        if (_useGlobal && n1 == name && ns1 == ns)
        {
            (n1, ns1) = context.Arguments.RemapNode(name, ns);
        }
        else if (_useGlobal)
        {
            (string gn, string gns) = context.Arguments.RemapNode(name, ns);
            n1 = n1 != name ? n1 : gn;
            ns1 = ns1 != ns ? ns1 : gns;
        }

        Name = n1;
        Namespace = ns1;
        context.Register(this);
    }

    /// <summary>Node name (after remapping).</summary>
    public string Name { get; }

    /// <summary>Absolute namespace (after remapping).</summary>
    public string Namespace { get; }

    /// <summary>Fully qualified name, e.g. <c>/robot/talker</c>.</summary>
    public string FullyQualifiedName => RosNames.FullyQualifiedNodeName(Namespace, Name);

    /// <summary>The context of the node.</summary>
    public RosContext Context { get; }

    /// <summary>The node's clock: timers run on it (wall time on a robot, a <c>ManualClock</c> in simulation).</summary>
    public TimeProvider Clock { get; }

    /// <summary>What the node's participant sees of the graph.</summary>
    public IGraphView Graph => Context.Transport.Graph;

    /// <summary>Raised (from any thread) when a subscription or service of this node has data; executors wait on it.</summary>
    public event Action? WorkAvailable;

    internal IRosTransport Transport => Context.Transport;

    /// <summary>
    /// Expands and remaps a topic or service name as this node would use it (<c>chatter</c> → <c>/ns/chatter</c>, then
    /// the first matching <c>-r</c> rule of the node's, then the context's, arguments).
    /// </summary>
    /// <param name="name">The name as written.</param>
    /// <returns>The fully qualified name.</returns>
    /// <exception cref="ArgumentException">The name is invalid.</exception>
    public string ResolveName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string expanded = RosNames.Expand(name, Name, Namespace);
        string remapped = _localArguments.RemapTopic(expanded, Name, Namespace);
        if (remapped == expanded && _useGlobal)
        {
            remapped = Context.Arguments.RemapTopic(expanded, Name, Namespace);
        }

        return remapped;
    }

    /// <summary>Creates a publisher (rclcpp <c>create_publisher</c>).</summary>
    /// <typeparam name="T">Generated message type.</typeparam>
    /// <param name="topic">Topic name (relative, private or absolute).</param>
    /// <param name="qos">QoS, e.g. <see cref="QosProfile.Default"/> or <c>QosProfile.KeepLast(1)</c>.</param>
    /// <returns>The publisher.</returns>
    /// <exception cref="ArgumentException">The topic name or QoS is invalid.</exception>
    public Publisher<T> CreatePublisher<T>(string topic, QosProfile qos)
        where T : class, IRosMessageType<T>, new() => new(CreateGenericPublisher(topic, T.Support, qos));

    /// <summary>Creates a publisher with the default QoS and the given KEEP_LAST depth (rclcpp's <c>create_publisher(topic, 10)</c>).</summary>
    /// <typeparam name="T">Generated message type.</typeparam>
    /// <param name="topic">Topic name.</param>
    /// <param name="depth">KEEP_LAST depth.</param>
    /// <returns>The publisher.</returns>
    public Publisher<T> CreatePublisher<T>(string topic, int depth = 10)
        where T : class, IRosMessageType<T>, new() => CreatePublisher<T>(topic, QosProfile.KeepLast(depth));

    /// <summary>
    /// Creates a queued subscription: samples wait in the reader (QoS depth) and the executor calls
    /// <paramref name="callback"/> for each, with a new message object per call (the callback may keep it).
    /// </summary>
    /// <typeparam name="T">Generated message type.</typeparam>
    /// <param name="topic">Topic name.</param>
    /// <param name="callback">Called on the spinning thread.</param>
    /// <param name="qos">QoS.</param>
    /// <returns>The subscription.</returns>
    public Subscription<T> CreateSubscription<T>(string topic, Action<T> callback, QosProfile qos)
        where T : class, IRosMessageType<T>, new()
    {
        ArgumentNullException.ThrowIfNull(callback);
        return CreateSubscription<T>(topic, (m, _) => callback(m), qos);
    }

    /// <summary>Creates a queued subscription whose callback also receives the sample info (source writer, timestamp, sequence).</summary>
    /// <typeparam name="T">Generated message type.</typeparam>
    /// <param name="topic">Topic name.</param>
    /// <param name="callback">Called on the spinning thread.</param>
    /// <param name="qos">QoS.</param>
    /// <returns>The subscription.</returns>
    public Subscription<T> CreateSubscription<T>(string topic, Action<T, SampleInfo> callback, QosProfile qos)
        where T : class, IRosMessageType<T>, new()
    {
        ArgumentNullException.ThrowIfNull(callback);
        string name = ResolveName(topic);
        ITransportReader reader = Transport.CreateReader(new EndpointOptions(name, T.Support, qos));
        var s = new Subscription<T>(this, name, reader, qos, callback);
        reader.DataAvailable += RaiseWorkAvailable;
        Track(s, reader.Gid, isWriter: false, s);
        return s;
    }

    /// <summary>
    /// Creates a latest-value subscription: no callback, no executor; <see cref="LatestValueSubscription{T}.TryGetLatest(T)"/>
    /// copies the newest sample into a caller-owned message (what a control loop reads each tick).
    /// </summary>
    /// <typeparam name="T">Generated message type.</typeparam>
    /// <param name="topic">Topic name.</param>
    /// <param name="qos">QoS (a depth of 1 is enough).</param>
    /// <returns>The subscription.</returns>
    public LatestValueSubscription<T> CreateLatestValueSubscription<T>(string topic, QosProfile qos)
        where T : class, IRosMessageType<T>, new()
    {
        string name = ResolveName(topic);
        ITransportReader reader = Transport.CreateReader(new EndpointOptions(name, T.Support, qos));
        var s = new LatestValueSubscription<T>(this, name, reader, qos);
        Track(s, reader.Gid, isWriter: false, null);
        return s;
    }

    /// <summary>
    /// Creates a timer on the node's <see cref="Clock"/> (rclcpp <c>create_timer</c>): first call one period after
    /// creation; when the executor falls behind by more than a period, the missed calls are skipped (as rcl).
    /// </summary>
    /// <param name="period">Period (&gt; 0).</param>
    /// <param name="callback">Called on the spinning thread.</param>
    /// <returns>The timer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The period is not positive.</exception>
    public RosTimer CreateTimer(TimeSpan period, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A timer period must be positive, e.g. TimeSpan.FromMilliseconds(100).");
        }

        var t = new RosTimer(this, period, callback);
        Track(t, default, isWriter: false, t);
        return t;
    }

    /// <summary>
    /// Creates a service server (rclcpp <c>create_service</c>). The handler fills the response; the executor runs it.
    /// Requests carry rmw_cyclonedds's header (client writer id + sequence number); such services talk to ROS 2 nodes
    /// using rmw_cyclonedds_cpp but not to Fast DDS peers (rmw_fastrtps identifies requests differently).
    /// </summary>
    /// <typeparam name="TRequest">Generated <c>&lt;Svc&gt;Request</c> type.</typeparam>
    /// <typeparam name="TResponse">Generated <c>&lt;Svc&gt;Response</c> type.</typeparam>
    /// <param name="serviceName">Service name (relative, private or absolute).</param>
    /// <param name="handler">Fills the response from the request.</param>
    /// <param name="qos">QoS; null for <see cref="QosProfile.Services"/>.</param>
    /// <returns>The service.</returns>
    public Service<TRequest, TResponse> CreateService<TRequest, TResponse>(string serviceName, Action<TRequest, TResponse> handler, QosProfile? qos = null)
        where TRequest : class, IRosMessageType<TRequest>, new()
        where TResponse : class, IRosMessageType<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(handler);
        return CreateService<TRequest, TResponse>(serviceName, (_, req, resp) => handler(req, resp), qos);
    }

    /// <summary>Creates a service server whose handler also receives the request id.</summary>
    /// <typeparam name="TRequest">Generated <c>&lt;Svc&gt;Request</c> type.</typeparam>
    /// <typeparam name="TResponse">Generated <c>&lt;Svc&gt;Response</c> type.</typeparam>
    /// <param name="serviceName">Service name.</param>
    /// <param name="handler">Fills the response from the request.</param>
    /// <param name="qos">QoS; null for <see cref="QosProfile.Services"/>.</param>
    /// <returns>The service.</returns>
    public Service<TRequest, TResponse> CreateService<TRequest, TResponse>(string serviceName, Action<ServiceRequestId, TRequest, TResponse> handler, QosProfile? qos = null)
        where TRequest : class, IRosMessageType<TRequest>, new()
        where TResponse : class, IRosMessageType<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(handler);
        ServiceTypeSupport support = ServiceSupportOf<TRequest, TResponse>();
        string name = ResolveName(serviceName);
        QosProfile q = qos ?? QosProfile.Services;
        ITransportReader requests = Transport.CreateReader(new EndpointOptions(name, support.WrappedRequest, q, EndpointKind.ServiceRequest));
        ITransportWriter replies;
        try
        {
            replies = Transport.CreateWriter(new EndpointOptions(name, support.WrappedResponse, q, EndpointKind.ServiceReply));
        }
        catch
        {
            requests.Dispose();
            throw;
        }

        var s = new Service<TRequest, TResponse>(this, name, support, requests, replies, handler);
        requests.DataAvailable += RaiseWorkAvailable;
        Track(s, requests.Gid, isWriter: false, s, replies.Gid);
        return s;
    }

    /// <summary>Creates a service client (rclcpp <c>create_client</c>); see <see cref="Client{TRequest, TResponse}.CallAsync(TRequest, TimeSpan, CancellationToken)"/>.</summary>
    /// <typeparam name="TRequest">Generated <c>&lt;Svc&gt;Request</c> type.</typeparam>
    /// <typeparam name="TResponse">Generated <c>&lt;Svc&gt;Response</c> type.</typeparam>
    /// <param name="serviceName">Service name.</param>
    /// <param name="qos">QoS; null for <see cref="QosProfile.Services"/>.</param>
    /// <returns>The client.</returns>
    public Client<TRequest, TResponse> CreateClient<TRequest, TResponse>(string serviceName, QosProfile? qos = null)
        where TRequest : class, IRosMessageType<TRequest>, new()
        where TResponse : class, IRosMessageType<TResponse>, new()
    {
        ServiceTypeSupport support = ServiceSupportOf<TRequest, TResponse>();
        string name = ResolveName(serviceName);
        QosProfile q = qos ?? QosProfile.Services;
        ITransportReader replies = Transport.CreateReader(new EndpointOptions(name, support.WrappedResponse, q, EndpointKind.ServiceReply));
        ITransportWriter requests;
        try
        {
            requests = Transport.CreateWriter(new EndpointOptions(name, support.WrappedRequest, q, EndpointKind.ServiceRequest));
        }
        catch
        {
            replies.Dispose();
            throw;
        }

        var c = new Client<TRequest, TResponse>(this, name, support, requests, replies);
        Track(c, replies.Gid, isWriter: false, null, requests.Gid);
        return c;
    }

    /// <summary>Creates an untyped publisher for a type chosen at run time (rclcpp <c>create_generic_publisher</c>).</summary>
    /// <param name="topic">Topic name.</param>
    /// <param name="type">The message type, e.g. from <see cref="MessageTypeRegistry"/>.</param>
    /// <param name="qos">QoS.</param>
    /// <returns>The publisher.</returns>
    public GenericPublisher CreateGenericPublisher(string topic, MessageTypeSupport type, QosProfile qos)
    {
        ArgumentNullException.ThrowIfNull(type);
        string name = ResolveName(topic);
        ITransportWriter writer = Transport.CreateWriter(new EndpointOptions(name, type, qos));
        var p = new GenericPublisher(this, name, type, writer, qos);
        Track(p, writer.Gid, isWriter: true, null);
        return p;
    }

    /// <summary>Creates an untyped subscription for a type chosen at run time (rclcpp <c>create_generic_subscription</c>); take samples yourself.</summary>
    /// <param name="topic">Topic name.</param>
    /// <param name="type">The message type.</param>
    /// <param name="qos">QoS.</param>
    /// <returns>The subscription.</returns>
    public GenericSubscription CreateGenericSubscription(string topic, MessageTypeSupport type, QosProfile qos)
    {
        ArgumentNullException.ThrowIfNull(type);
        string name = ResolveName(topic);
        ITransportReader reader = Transport.CreateReader(new EndpointOptions(name, type, qos));
        var s = new GenericSubscription(this, name, type, reader, qos);
        Track(s, reader.Gid, isWriter: false, null);
        return s;
    }

    /// <summary>Fully qualified names of all nodes in the graph (rclcpp <c>get_node_names</c>), sorted.</summary>
    /// <returns>Names such as <c>/talker</c>, <c>/robot/mpc</c>.</returns>
    public IReadOnlyList<string> GetNodeNames()
    {
        IReadOnlyList<NodeName> nodes = Graph.GetNodeNames();
        var list = new string[nodes.Count];
        for (int i = 0; i < list.Length; i++)
        {
            list[i] = nodes[i].FullName;
        }

        return list;
    }

    /// <summary>Nodes in the graph with namespace, name and enclave.</summary>
    /// <returns>The nodes, sorted by full name.</returns>
    public IReadOnlyList<NodeName> GetNodeNamesAndNamespaces() => Graph.GetNodeNames();

    /// <summary>Topic name → ROS type names (rclcpp <c>get_topic_names_and_types</c>).</summary>
    /// <returns>Sorted by topic name.</returns>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> GetTopicNamesAndTypes() => Graph.GetTopicNamesAndTypes();

    /// <summary>Service name → ROS service type names (rclcpp <c>get_service_names_and_types</c>).</summary>
    /// <returns>Sorted by service name.</returns>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> GetServiceNamesAndTypes() => Graph.GetServiceNamesAndTypes();

    /// <summary>Number of publishers on a topic (the name is expanded and remapped as this node would).</summary>
    /// <param name="topic">Topic name.</param>
    /// <returns>The count.</returns>
    public int CountPublishers(string topic) => Count(topic, writers: true);

    /// <summary>Number of subscriptions on a topic (the name is expanded and remapped as this node would).</summary>
    /// <param name="topic">Topic name.</param>
    /// <returns>The count.</returns>
    public int CountSubscribers(string topic) => Count(topic, writers: false);

    /// <summary>Publishers of a topic with node, type, type hash, Gid and QoS (what <c>ros2 topic info -v</c> prints).</summary>
    /// <param name="topic">Topic name.</param>
    /// <returns>The endpoints.</returns>
    public IReadOnlyList<TopicEndpointInfo> GetPublishersInfoByTopic(string topic) => Infos(topic, writers: true);

    /// <summary>Subscriptions of a topic with node, type, type hash, Gid and QoS.</summary>
    /// <param name="topic">Topic name.</param>
    /// <returns>The endpoints.</returns>
    public IReadOnlyList<TopicEndpointInfo> GetSubscriptionsInfoByTopic(string topic) => Infos(topic, writers: false);

    /// <summary>Disposes every entity of the node and removes it from the graph.</summary>
    public void Dispose()
    {
        IDisposable[] entities;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            entities = [.. _entities];
        }

        foreach (IDisposable e in entities)
        {
            e.Dispose();
        }

        Context.Unregister(this);
    }

    /// <inheritdoc/>
    public override string ToString() => FullyQualifiedName;

    internal NodeEntitiesInfo EntitiesInfo()
    {
        lock (_gate)
        {
            return new NodeEntitiesInfo(Namespace, Name, [.. _readers], [.. _writers]);
        }
    }

    internal IExecutable[] Executables
    {
        get
        {
            lock (_gate)
            {
                return _executables;
            }
        }
    }

    internal void RaiseWorkAvailable() => WorkAvailable?.Invoke();

    /// <summary>Called by an entity's Dispose.</summary>
    internal void Untrack(IDisposable entity, Gid reader, Gid writer)
    {
        bool announce;
        lock (_gate)
        {
            _entities.Remove(entity);
            announce = _readers.Remove(reader) | _writers.Remove(writer);
            if (entity is IExecutable ex)
            {
                _executables = Array.FindAll(_executables, e => !ReferenceEquals(e, ex));
            }

            announce &= !_disposed;
        }

        if (announce)
        {
            Context.AnnounceNodes();
        }
    }

    private static ServiceTypeSupport ServiceSupportOf<TRequest, TResponse>()
        where TRequest : class, IRosMessageType<TRequest>, new()
        where TResponse : class, IRosMessageType<TResponse>, new()
    {
        string req = TRequest.Support.RosTypeName;
        string service = req.EndsWith("_Request", StringComparison.Ordinal) ? req[..^"_Request".Length] : req;
        if (!MessageTypeRegistry.TryGetService(service, out ServiceTypeSupport? support)
            || !ReferenceEquals(support.Request, TRequest.Support) || !ReferenceEquals(support.Response, TResponse.Support))
        {
            throw new ArgumentException(
                $"{typeof(TRequest).Name}/{typeof(TResponse).Name} are not the request and response of one registered service type (looked up '{service}'); use the generated <Svc>Request and <Svc>Response classes of the same .srv.",
                nameof(TRequest));
        }

        return support;
    }

    private void Track(IDisposable entity, Gid gid, bool isWriter, IExecutable? executable, Gid secondWriter = default)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                entity.Dispose();
                throw new ObjectDisposedException(FullyQualifiedName, "The node was disposed.");
            }

            _entities.Add(entity);
            if (!gid.IsEmpty)
            {
                (isWriter ? _writers : _readers).Add(gid);
            }

            if (!secondWriter.IsEmpty)
            {
                _writers.Add(secondWriter);
            }

            if (executable is not null)
            {
                _executables = [.. _executables, executable];
            }
        }

        if (!gid.IsEmpty)
        {
            Context.AnnounceNodes();
        }
    }

    private int Count(string topic, bool writers)
    {
        string name = ResolveName(topic);
        int n = 0;
        foreach (TopicEndpointInfo e in Graph.GetEndpoints(name))
        {
            if (e.Kind == EndpointKind.Topic && e.IsWriter == writers)
            {
                n++;
            }
        }

        return n;
    }

    private TopicEndpointInfo[] Infos(string topic, bool writers)
    {
        string name = ResolveName(topic);
        var list = new List<TopicEndpointInfo>();
        foreach (TopicEndpointInfo e in Graph.GetEndpoints(name))
        {
            if (e.Kind == EndpointKind.Topic && e.IsWriter == writers)
            {
                list.Add(e);
            }
        }

        return [.. list];
    }
}
