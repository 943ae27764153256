namespace Robotics.Ros.Recording;

/// <summary>An MCAP Message record.</summary>
/// <param name="ChannelId">The channel it was recorded on.</param>
/// <param name="Sequence">Sequence number (rosbag2 writes 0).</param>
/// <param name="LogTime">Time it was logged, ns since the recording's epoch (simulated time in simulation).</param>
/// <param name="PublishTime">Time it was published, ns since the same epoch.</param>
/// <param name="Data">The serialized message (for <c>cdr</c>: XCDR1 with its 4-byte encapsulation header).</param>
public sealed record McapMessage(ushort ChannelId, uint Sequence, ulong LogTime, ulong PublishTime, byte[] Data);
