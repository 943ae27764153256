namespace Robotics.Ros.Nodes;

/// <summary>
/// Identity of one service request as rmw_cyclonedds puts it in the request header (<c>cdds_request_header_t</c>):
/// the client's 64-bit writer id and the client's sequence number. <c>rmw_request_id_t.writer_guid</c> holds the 8
/// bytes of <see cref="ClientGuid"/> followed by zeros.
/// </summary>
/// <param name="ClientGuid">The requesting client's writer id (Cyclone: the request writer's instance handle).</param>
/// <param name="SequenceNumber">The client's sequence number of the request, starting at 1.</param>
public readonly record struct ServiceRequestId(ulong ClientGuid, long SequenceNumber);
