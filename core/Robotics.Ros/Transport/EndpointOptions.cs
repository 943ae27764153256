using Robotics.Ros.Messages;

namespace Robotics.Ros.Transport;

/// <summary>Everything a transport needs to create one reader or writer.</summary>
/// <param name="TopicName">Fully qualified ROS name, e.g. <c>/ns/chatter</c> (services: the service name).</param>
/// <param name="Type">Type support of the payload (for services the wrapped request/response with the request id header).</param>
/// <param name="Qos">QoS of the endpoint.</param>
/// <param name="Kind">Topic, service request or service reply.</param>
public sealed record EndpointOptions(string TopicName, MessageTypeSupport Type, QosProfile Qos, EndpointKind Kind = EndpointKind.Topic);
