using Robotics.Ros.Transport;

namespace Robotics.Ros.Graph;

/// <summary>
/// The graph as one participant knows it, fed by a transport: participants and endpoints (from DDS discovery, or
/// directly by <c>InProcessTransport</c>) and each participant's nodes (from <c>ros_discovery_info</c>).
/// Thread-safe; events are raised outside the lock.
/// </summary>
/// <remarks>
/// Endpoint-to-node attribution happens at query time, so it does not matter whether an endpoint or the
/// <c>ros_discovery_info</c> sample naming it arrives first. Removing a participant removes its endpoints and nodes.
/// </remarks>
public sealed class GraphCache : IGraphView
{
    private readonly object _gate = new();
    private readonly Dictionary<Gid, string> _participants = [];
    private readonly Dictionary<Gid, TopicEndpointInfo> _endpoints = [];
    private readonly Dictionary<Gid, IReadOnlyList<NodeEntitiesInfo>> _nodes = [];
    private readonly List<TopicTypeMismatch> _mismatches = [];
    private long _version;

    /// <inheritdoc/>
    public event Action? Changed;

    /// <inheritdoc/>
    public event Action<TopicTypeMismatch>? TypeMismatchDetected;

    /// <inheritdoc/>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Adds or updates a participant with its enclave (from USER_DATA <c>enclave=/;</c>).</summary>
    public void AddParticipant(Gid participant, string enclave)
    {
        lock (_gate)
        {
            if (_participants.TryGetValue(participant, out string? old) && old == enclave)
            {
                return;
            }

            _participants[participant] = enclave;
            _version++;
        }

        Changed?.Invoke();
    }

    /// <summary>Removes a participant together with its endpoints and nodes.</summary>
    public void RemoveParticipant(Gid participant)
    {
        bool changed;
        lock (_gate)
        {
            changed = _participants.Remove(participant);
            changed |= _nodes.Remove(participant);
            var gone = new List<Gid>();
            foreach (KeyValuePair<Gid, TopicEndpointInfo> e in _endpoints)
            {
                if (e.Value.ParticipantGid == participant)
                {
                    gone.Add(e.Key);
                }
            }

            foreach (Gid g in gone)
            {
                RemoveEndpointLocked(g);
            }

            changed |= gone.Count > 0;
            if (changed)
            {
                _version++;
            }
        }

        if (changed)
        {
            Changed?.Invoke();
        }
    }

    /// <summary>Adds or replaces an endpoint (its node fields are ignored: nodes come from <see cref="UpdateParticipantNodes"/>).</summary>
    public void AddEndpoint(TopicEndpointInfo endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        List<TopicTypeMismatch>? found = null;
        lock (_gate)
        {
            RemoveEndpointLocked(endpoint.EndpointGid);
            _endpoints[endpoint.EndpointGid] = endpoint with { NodeName = null, NodeNamespace = null };
            foreach (TopicEndpointInfo other in _endpoints.Values)
            {
                if (other.IsWriter == endpoint.IsWriter || other.Kind != endpoint.Kind || other.TopicName != endpoint.TopicName)
                {
                    continue;
                }

                if (!TypesMatch(other, endpoint))
                {
                    TopicEndpointInfo w = endpoint.IsWriter ? endpoint : other;
                    TopicEndpointInfo r = endpoint.IsWriter ? other : endpoint;
                    var m = new TopicTypeMismatch(endpoint.TopicName, w.TypeName, w.TypeHash, r.TypeName, r.TypeHash, w.EndpointGid, r.EndpointGid);
                    _mismatches.Add(m);
                    (found ??= []).Add(m);
                }
            }

            _version++;
        }

        if (found != null)
        {
            foreach (TopicTypeMismatch m in found)
            {
                TypeMismatchDetected?.Invoke(m);
            }
        }

        Changed?.Invoke();
    }

    /// <summary>Removes an endpoint; false if it was unknown.</summary>
    public bool RemoveEndpoint(Gid endpoint)
    {
        bool removed;
        lock (_gate)
        {
            removed = RemoveEndpointLocked(endpoint);
            if (removed)
            {
                _version++;
            }
        }

        if (removed)
        {
            Changed?.Invoke();
        }

        return removed;
    }

    /// <summary>Replaces the node list of a participant (one <c>ros_discovery_info</c> sample).</summary>
    public void UpdateParticipantNodes(Gid participant, IReadOnlyList<NodeEntitiesInfo> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        lock (_gate)
        {
            _nodes[participant] = nodes.ToArray();
            _version++;
        }

        Changed?.Invoke();
    }

    /// <summary>True when a writer and a reader with these types would match: same DDS type name, and same hash when both have one.</summary>
    public static bool TypesMatch(TopicEndpointInfo a, TopicEndpointInfo b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return TypesMatch(a.DdsTypeName, a.TypeHash, b.DdsTypeName, b.TypeHash);
    }

    /// <summary>True when two types match: same DDS type name, and same hash when both are non-empty.</summary>
    public static bool TypesMatch(string ddsTypeA, string hashA, string ddsTypeB, string hashB) =>
        string.Equals(ddsTypeA, ddsTypeB, StringComparison.Ordinal)
        && (hashA.Length == 0 || hashB.Length == 0 || string.Equals(hashA, hashB, StringComparison.Ordinal));

    /// <summary>Participants known, with their enclaves.</summary>
    public IReadOnlyDictionary<Gid, string> GetParticipants()
    {
        lock (_gate)
        {
            return new Dictionary<Gid, string>(_participants);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<NodeName> GetNodeNames()
    {
        var list = new List<NodeName>();
        lock (_gate)
        {
            foreach (KeyValuePair<Gid, IReadOnlyList<NodeEntitiesInfo>> p in _nodes)
            {
                string enclave = _participants.TryGetValue(p.Key, out string? e) ? e : "/";
                foreach (NodeEntitiesInfo n in p.Value)
                {
                    list.Add(new NodeName(n.Namespace, n.Name, enclave));
                }
            }
        }

        list.Sort((a, b) => string.CompareOrdinal(a.FullName, b.FullName));
        return list;
    }

    /// <inheritdoc/>
    public IReadOnlyList<TopicEndpointInfo> GetEndpoints(string? rosTopicName = null)
    {
        var list = new List<TopicEndpointInfo>();
        lock (_gate)
        {
            Dictionary<Gid, NodeEntitiesInfo> owner = BuildOwnerMap();
            foreach (TopicEndpointInfo e in _endpoints.Values)
            {
                if (rosTopicName != null && e.TopicName != rosTopicName)
                {
                    continue;
                }

                list.Add(owner.TryGetValue(e.EndpointGid, out NodeEntitiesInfo? n) ? e with { NodeName = n.Name, NodeNamespace = n.Namespace } : e);
            }
        }

        list.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.TopicName, b.TopicName);
            if (c != 0)
            {
                return c;
            }

            c = b.IsWriter.CompareTo(a.IsWriter);
            return c != 0 ? c : a.EndpointGid.CompareTo(b.EndpointGid);
        });
        return list;
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> GetTopicNamesAndTypes() => NamesAndTypes(service: false);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> GetServiceNamesAndTypes() => NamesAndTypes(service: true);

    /// <inheritdoc/>
    public IReadOnlyList<TopicTypeMismatch> GetTypeMismatches()
    {
        lock (_gate)
        {
            return _mismatches.ToArray();
        }
    }

    /// <summary>The ROS service type of a request/response type name: <c>pkg/srv/Svc_Request</c> -> <c>pkg/srv/Svc</c>.</summary>
    public static string ServiceTypeOf(string requestOrResponseType)
    {
        ArgumentNullException.ThrowIfNull(requestOrResponseType);
        if (requestOrResponseType.EndsWith("_Request", StringComparison.Ordinal))
        {
            return requestOrResponseType[..^"_Request".Length];
        }

        return requestOrResponseType.EndsWith("_Response", StringComparison.Ordinal)
            ? requestOrResponseType[..^"_Response".Length]
            : requestOrResponseType;
    }

    private SortedDictionary<string, IReadOnlyList<string>> NamesAndTypes(bool service)
    {
        var sets = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (TopicEndpointInfo e in _endpoints.Values)
            {
                if ((e.Kind != EndpointKind.Topic) != service)
                {
                    continue;
                }

                if (!sets.TryGetValue(e.TopicName, out SortedSet<string>? types))
                {
                    types = new SortedSet<string>(StringComparer.Ordinal);
                    sets[e.TopicName] = types;
                }

                types.Add(service ? ServiceTypeOf(e.TypeName) : e.TypeName);
            }
        }

        var result = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, SortedSet<string>> kv in sets)
        {
            result[kv.Key] = kv.Value.ToArray();
        }

        return result;
    }

    private Dictionary<Gid, NodeEntitiesInfo> BuildOwnerMap()
    {
        var owner = new Dictionary<Gid, NodeEntitiesInfo>();
        foreach (IReadOnlyList<NodeEntitiesInfo> nodes in _nodes.Values)
        {
            foreach (NodeEntitiesInfo n in nodes)
            {
                foreach (Gid g in n.Readers)
                {
                    owner[g] = n;
                }

                foreach (Gid g in n.Writers)
                {
                    owner[g] = n;
                }
            }
        }

        return owner;
    }

    private bool RemoveEndpointLocked(Gid endpoint)
    {
        if (!_endpoints.Remove(endpoint))
        {
            return false;
        }

        _mismatches.RemoveAll(m => m.Writer == endpoint || m.Reader == endpoint);
        return true;
    }
}
