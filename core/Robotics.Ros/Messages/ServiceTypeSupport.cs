namespace Robotics.Ros.Messages;

/// <summary>
/// Type support of a ROS 2 service: the request and response message supports, the "wrapped" supports that
/// rmw_cyclonedds puts on the wire (<c>{uint64 guid; int64 sequence_number}</c> request id followed by the
/// fields, same DDS type name), and the RIHS01 hash of the service type.
/// </summary>
public abstract class ServiceTypeSupport
{
    /// <summary>ROS service type name, e.g. <c>rcl_interfaces/srv/GetParameters</c>.</summary>
    public abstract string RosTypeName { get; }

    /// <summary>RIHS01 hash of the service type description.</summary>
    public abstract string TypeHash { get; }

    /// <summary>Support of the <c>&lt;Svc&gt;Request</c> message (DDS name <c>pkg::srv::dds_::Svc_Request_</c>).</summary>
    public abstract MessageTypeSupport Request { get; }

    /// <summary>Support of the <c>&lt;Svc&gt;Response</c> message (DDS name <c>pkg::srv::dds_::Svc_Response_</c>).</summary>
    public abstract MessageTypeSupport Response { get; }

    /// <summary>
    /// The request as rmw_cyclonedds sends it: a <see cref="WrappedServiceMessage"/> whose descriptor, CDR and native
    /// layout are the request id header followed by the request fields. Type name as <see cref="Request"/>.
    /// </summary>
    public abstract MessageTypeSupport WrappedRequest { get; }

    /// <summary>The response as rmw_cyclonedds sends it (request id header followed by the response fields).</summary>
    public abstract MessageTypeSupport WrappedResponse { get; }

    /// <inheritdoc />
    public override string ToString() => RosTypeName;
}
