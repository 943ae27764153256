using Robotics.Ros.Transport;

namespace Robotics.Ros.Graph;

/// <summary>
/// One reader or writer in the graph (<c>rmw_topic_endpoint_info_t</c>): what <c>ros2 topic info -v</c> prints.
/// </summary>
/// <param name="TopicName">ROS name (demangled): <c>/chatter</c>; for services the service name.</param>
/// <param name="TypeName">ROS type name, e.g. <c>std_msgs/msg/String</c>; for services the request/response type
/// (<c>example_interfaces/srv/AddTwoInts_Request</c>).</param>
/// <param name="DdsTypeName">DDS type name, e.g. <c>std_msgs::msg::dds_::String_</c>.</param>
/// <param name="TypeHash"><c>RIHS01_…</c>, or empty when the peer did not announce one (Humble).</param>
/// <param name="Kind">Topic, service request or service reply.</param>
/// <param name="IsWriter">True for a writer (publisher), false for a reader (subscription).</param>
/// <param name="Qos">QoS of the endpoint.</param>
/// <param name="EndpointGid">Gid of the endpoint.</param>
/// <param name="ParticipantGid">Gid of its participant.</param>
public sealed record TopicEndpointInfo(
    string TopicName,
    string TypeName,
    string DdsTypeName,
    string TypeHash,
    EndpointKind Kind,
    bool IsWriter,
    QosProfile Qos,
    Gid EndpointGid,
    Gid ParticipantGid)
{
    /// <summary>Name of the node that owns the endpoint, or null when unknown (no <c>ros_discovery_info</c> entry).</summary>
    public string? NodeName { get; init; }

    /// <summary>Namespace of the node that owns the endpoint, or null when unknown.</summary>
    public string? NodeNamespace { get; init; }
}
