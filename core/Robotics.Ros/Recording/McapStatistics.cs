namespace Robotics.Ros.Recording;

/// <summary>The MCAP Statistics record of a file's summary section.</summary>
/// <param name="MessageCount">Number of Message records.</param>
/// <param name="SchemaCount">Number of distinct schemas.</param>
/// <param name="ChannelCount">Number of distinct channels.</param>
/// <param name="AttachmentCount">Number of attachments.</param>
/// <param name="MetadataCount">Number of Metadata records.</param>
/// <param name="ChunkCount">Number of Chunk records.</param>
/// <param name="MessageStartTime">Earliest message log time (0 when there are no messages).</param>
/// <param name="MessageEndTime">Latest message log time (0 when there are no messages).</param>
/// <param name="ChannelMessageCounts">Messages per channel id.</param>
public sealed record McapStatistics(ulong MessageCount, ushort SchemaCount, uint ChannelCount, uint AttachmentCount,
    uint MetadataCount, uint ChunkCount, ulong MessageStartTime, ulong MessageEndTime, IReadOnlyDictionary<ushort, ulong> ChannelMessageCounts);
