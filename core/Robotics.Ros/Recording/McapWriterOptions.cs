namespace Robotics.Ros.Recording;

/// <summary>Options of <see cref="McapWriter"/>.</summary>
public sealed record McapWriterOptions
{
    /// <summary>Header profile; <c>ros2</c> for rosbag2-compatible files.</summary>
    public string Profile { get; init; } = "ros2";

    /// <summary>Header library string. It is part of the file, so it carries no version or time (byte-identical output).</summary>
    public string Library { get; init; } = "robotics-mcap";

    /// <summary>
    /// A chunk is closed once its uncompressed records reach this many bytes (default 786432, rosbag2_storage_mcap's default).
    /// Chunks are stored uncompressed (compression <c>""</c>).
    /// </summary>
    public int ChunkSize { get; init; } = 786432;

    /// <summary>Leave the stream open when the writer is disposed.</summary>
    public bool LeaveOpen { get; init; }
}
