using Robotics.Ros.Graph;

namespace Robotics.Ros.Transport;

/// <summary>
/// One ROS 2 participant on one domain: creates untyped readers and writers for fully qualified ROS topic names,
/// exposes what it sees of the graph and announces the local nodes (<c>ros_discovery_info</c>).
/// </summary>
/// <remarks>
/// Topic names given to a transport are fully qualified ROS names (<c>/ns/chatter</c>, <c>/ns/add_two_ints</c> for
/// services); the transport applies its own mangling (<c>rt/</c>, <c>rq/…Request</c>, <c>rr/…Reply</c> for Cyclone DDS).
/// The transport is untyped: it works with <see cref="Messages.MessageTypeSupport"/>, so tools can echo any type.
/// Implementations: <c>InProcessTransport</c> (deterministic, for simulation and tests) and the Cyclone DDS
/// transport in <c>Robotics.Ros.Dds</c>.
/// </remarks>
public interface IRosTransport : IDisposable
{
    /// <summary>Short transport name: <c>"cyclonedds"</c> or <c>"inprocess"</c>.</summary>
    string Name { get; }

    /// <summary>The Gid of this participant (entity id <c>0x000001c1</c> in DDS).</summary>
    Gid ParticipantGid { get; }

    /// <summary>Creates a writer (publisher, service request writer of a client, reply writer of a service).</summary>
    /// <exception cref="ArgumentException">The topic name or QoS is invalid.</exception>
    ITransportWriter CreateWriter(EndpointOptions options);

    /// <summary>Creates a reader (subscription, request reader of a service, reply reader of a client).</summary>
    /// <exception cref="ArgumentException">The topic name or QoS is invalid.</exception>
    ITransportReader CreateReader(EndpointOptions options);

    /// <summary>What this participant sees of the whole graph (its own endpoints included).</summary>
    IGraphView Graph { get; }

    /// <summary>Announces the local nodes and the Gids of their endpoints (the <c>ros_discovery_info</c> sample of this participant).</summary>
    void PublishNodes(IReadOnlyList<NodeEntitiesInfo> nodes);
}
