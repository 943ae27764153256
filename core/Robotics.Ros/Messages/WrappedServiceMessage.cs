namespace Robotics.Ros.Messages;

/// <summary>
/// A service request or response as rmw_cyclonedds puts it on the wire: the request id
/// (<c>cdds_request_header_t {uint64 guid; int64 seq}</c>) followed by the request or response fields.
/// <see cref="TypeSupport"/> is the <see cref="ServiceTypeSupport.WrappedRequest"/> or
/// <see cref="ServiceTypeSupport.WrappedResponse"/> support.
/// </summary>
public sealed class WrappedServiceMessage : IRosMessage
{
    /// <summary>Creates a wrapper for <paramref name="payload"/>.</summary>
    /// <param name="typeSupport">The wrapped support this message belongs to.</param>
    /// <param name="payload">The request or response message.</param>
    public WrappedServiceMessage(MessageTypeSupport typeSupport, IRosMessage payload)
    {
        TypeSupport = typeSupport;
        Payload = payload;
    }

    /// <inheritdoc />
    public MessageTypeSupport TypeSupport { get; }

    /// <summary>The client's writer GUID folded into 64 bits, as rmw_cyclonedds computes it.</summary>
    public ulong Guid { get; set; }

    /// <summary>The request sequence number chosen by the client.</summary>
    public long SequenceNumber { get; set; }

    /// <summary>The request or response message.</summary>
    public IRosMessage Payload { get; set; }
}
