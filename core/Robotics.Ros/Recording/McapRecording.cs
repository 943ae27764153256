namespace Robotics.Ros.Recording;

/// <summary>The content of an MCAP file as read and validated by <see cref="McapReader"/>.</summary>
public sealed class McapRecording
{
    /// <summary>Creates a recording (called by the reader).</summary>
    /// <param name="profile">Header profile.</param>
    /// <param name="library">Header library.</param>
    /// <param name="schemas">Schemas by id.</param>
    /// <param name="channels">Channels by id.</param>
    /// <param name="messages">Messages in file order.</param>
    /// <param name="metadata">Metadata records in file order.</param>
    /// <param name="statistics">The summary's Statistics record, or null when absent.</param>
    /// <param name="chunkIndexes">The summary's Chunk Index records.</param>
    /// <param name="chunkCount">Chunks found in the data section (each CRC-checked).</param>
    public McapRecording(string profile, string library, IReadOnlyDictionary<ushort, McapSchema> schemas,
        IReadOnlyDictionary<ushort, McapChannel> channels, IReadOnlyList<McapMessage> messages, IReadOnlyList<McapMetadata> metadata,
        McapStatistics? statistics, IReadOnlyList<McapChunkIndex> chunkIndexes, int chunkCount)
    {
        Profile = profile;
        Library = library;
        Schemas = schemas;
        Channels = channels;
        Messages = messages;
        Metadata = metadata;
        Statistics = statistics;
        ChunkIndexes = chunkIndexes;
        ChunkCount = chunkCount;
    }

    /// <summary>Header profile (<c>ros2</c> for rosbag2 files).</summary>
    public string Profile { get; }

    /// <summary>Header library string.</summary>
    public string Library { get; }

    /// <summary>Schemas by id.</summary>
    public IReadOnlyDictionary<ushort, McapSchema> Schemas { get; }

    /// <summary>Channels by id.</summary>
    public IReadOnlyDictionary<ushort, McapChannel> Channels { get; }

    /// <summary>Every message in file order.</summary>
    public IReadOnlyList<McapMessage> Messages { get; }

    /// <summary>Metadata records in file order.</summary>
    public IReadOnlyList<McapMetadata> Metadata { get; }

    /// <summary>The Statistics record, or null when the file has no summary statistics.</summary>
    public McapStatistics? Statistics { get; }

    /// <summary>Chunk Index records of the summary.</summary>
    public IReadOnlyList<McapChunkIndex> ChunkIndexes { get; }

    /// <summary>Number of Chunk records in the data section.</summary>
    public int ChunkCount { get; }

    /// <summary>Finds a channel by topic name.</summary>
    /// <param name="topic">Topic name.</param>
    /// <returns>The channel or null.</returns>
    public McapChannel? FindChannel(string topic)
    {
        foreach (var c in Channels.Values)
        {
            if (c.Topic == topic) return c;
        }

        return null;
    }

    /// <summary>The schema of a channel, or null when it has none.</summary>
    /// <param name="channel">A channel of this recording.</param>
    /// <returns>The schema or null.</returns>
    public McapSchema? SchemaOf(McapChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return Schemas.GetValueOrDefault(channel.SchemaId);
    }
}
