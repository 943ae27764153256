namespace Robotics.Ros.Transport;

/// <summary>Metadata of one taken sample.</summary>
/// <param name="SourceWriter">Gid of the writer that published it.</param>
/// <param name="SourceTimestampNs">Source timestamp in ns (the writer's clock; 0 if unknown).</param>
/// <param name="SequenceNumber">Per-writer sequence number, starting at 1.</param>
public readonly record struct SampleInfo(Gid SourceWriter, long SourceTimestampNs, long SequenceNumber);
