namespace Robotics.Ros.Transport;

/// <summary>Result of <see cref="ITransportWriter.Publish"/>.</summary>
public enum PublishStatus
{
    /// <summary>The sample was handed to the transport (and kept for late joiners if TRANSIENT_LOCAL).</summary>
    Ok = 0,

    /// <summary>Informational: no reader is matched yet; the sample was accepted (and is kept if TRANSIENT_LOCAL).</summary>
    NotMatched = 1,

    /// <summary>The sample could not be written (wrong type, serialization failure, disposed writer, DDS error).</summary>
    Error = 2,
}
