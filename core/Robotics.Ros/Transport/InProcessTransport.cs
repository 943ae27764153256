using Robotics.Ros.Graph;

namespace Robotics.Ros.Transport;

/// <summary>
/// The deterministic in-process transport: one participant on an <see cref="InProcessDomain"/>, with the same
/// semantics as the DDS transport (KEEP_LAST depth, TRANSIENT_LOCAL late joiners, reliability/durability matching,
/// type matching by DDS name and RIHS01 hash, <c>ros_discovery_info</c>-style node announcements), for the
/// simulator and fast tests.
/// </summary>
/// <remarks>
/// Samples travel as XCDR1 bytes produced by the type support, exactly as over DDS, so a reader never aliases the
/// writer's message and the codec is exercised. No threads or timers of its own: delivery is synchronous on
/// <see cref="ITransportWriter.Publish"/>. Several transports on one domain see each other as other participants
/// (what graph tests need). Gids: prefix <c>01.0f.00…&lt;participant number&gt;</c>, entity ids
/// <c>&lt;n&gt;03</c> for writers and <c>&lt;n&gt;04</c> for readers (DDS user writer/reader without key).
/// </remarks>
public sealed class InProcessTransport : IRosTransport
{
    private readonly List<IDisposable> _endpoints = [];
    private uint _nextEntity;
    private bool _disposed;

    /// <summary>Joins <paramref name="domain"/> as a new participant.</summary>
    /// <param name="domain">The shared in-process domain.</param>
    /// <param name="enclave">Security enclave announced for the participant (<c>/</c> by default).</param>
    public InProcessTransport(InProcessDomain domain, string enclave = "/")
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(enclave);
        Domain = domain;
        Enclave = enclave;
        ParticipantGid = domain.Join(this);
    }

    /// <inheritdoc/>
    public string Name => "inprocess";

    /// <summary>The domain this participant belongs to.</summary>
    public InProcessDomain Domain { get; }

    /// <summary>Security enclave of this participant.</summary>
    public string Enclave { get; }

    /// <inheritdoc/>
    public Gid ParticipantGid { get; }

    /// <inheritdoc/>
    public IGraphView Graph => Cache;

    internal GraphCache Cache { get; } = new();

    /// <inheritdoc/>
    /// <remarks>The returned writer is an <see cref="InProcessWriter"/> (it can also inject raw bytes for tests).</remarks>
    public ITransportWriter CreateWriter(EndpointOptions options)
    {
        Gid gid = NewEntity(options, 0x03);
        var writer = new InProcessWriter(this, options, gid);
        lock (Domain.Gate)
        {
            _endpoints.Add(writer);
        }

        Domain.AddWriter(writer);
        return writer;
    }

    /// <inheritdoc/>
    public ITransportReader CreateReader(EndpointOptions options)
    {
        Gid gid = NewEntity(options, 0x04);
        var reader = new InProcessReader(this, options, gid);
        lock (Domain.Gate)
        {
            _endpoints.Add(reader);
        }

        Domain.AddReader(reader);
        return reader;
    }

    /// <inheritdoc/>
    public void PublishNodes(IReadOnlyList<NodeEntitiesInfo> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ObjectDisposedException.ThrowIf(_disposed, this);
        Domain.PublishNodes(this, nodes);
    }

    /// <summary>Deletes every reader and writer of this participant and leaves the domain.</summary>
    public void Dispose()
    {
        IDisposable[] endpoints;
        lock (Domain.Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            endpoints = [.. _endpoints];
            _endpoints.Clear();
        }

        foreach (IDisposable e in endpoints)
        {
            e.Dispose();
        }

        Domain.Leave(this);
    }

    internal void Forget(IDisposable endpoint)
    {
        lock (Domain.Gate)
        {
            _endpoints.Remove(endpoint);
        }
    }

    internal static TopicEndpointInfo MakeInfo(EndpointOptions options, bool isWriter, Gid gid, Gid participant) =>
        new(options.TopicName, options.Type.RosTypeName, options.Type.DdsTypeName, options.Type.TypeHash, options.Kind, isWriter, options.Qos, gid, participant);

    private Gid NewEntity(EndpointOptions options, uint kind)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Type);
        if (options.TopicName is null || options.TopicName.Length < 2 || options.TopicName[0] != '/' || options.TopicName.EndsWith('/'))
        {
            throw new ArgumentException($"Topic name '{options.TopicName}' is not fully qualified; give an absolute ROS name such as '/chatter' (the node API expands relative names).", nameof(options));
        }

        if (options.Qos.Validate() is { } error)
        {
            throw new ArgumentException($"{options.TopicName}: {error}", nameof(options));
        }

        lock (Domain.Gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            uint n = ++_nextEntity;
            return ParticipantGid.WithEntityId((n << 8) | kind);
        }
    }
}
