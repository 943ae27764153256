namespace Robotics.Ros.Transport;

/// <summary>What a reader or writer is used for; decides the DDS topic prefix (<c>rt/</c>, <c>rq/</c>, <c>rr/</c>).</summary>
public enum EndpointKind
{
    /// <summary>An ordinary topic (<c>rt/&lt;name&gt;</c>).</summary>
    Topic = 0,

    /// <summary>Requests of a service (<c>rq/&lt;name&gt;Request</c>); the payload type is the wrapped request.</summary>
    ServiceRequest = 1,

    /// <summary>Replies of a service (<c>rr/&lt;name&gt;Reply</c>); the payload type is the wrapped response.</summary>
    ServiceReply = 2,
}
