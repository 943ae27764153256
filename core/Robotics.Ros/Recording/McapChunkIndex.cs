namespace Robotics.Ros.Recording;

/// <summary>An MCAP Chunk Index record: where one chunk and its message indexes are in the file.</summary>
/// <param name="MessageStartTime">Earliest message log time in the chunk.</param>
/// <param name="MessageEndTime">Latest message log time in the chunk.</param>
/// <param name="ChunkStartOffset">File offset of the Chunk record's opcode.</param>
/// <param name="ChunkLength">Length of the Chunk record, opcode and length prefix included.</param>
/// <param name="MessageIndexOffsets">File offset of each channel's Message Index record that follows the chunk.</param>
/// <param name="MessageIndexLength">Total length of those Message Index records.</param>
/// <param name="Compression">Chunk compression (<c>""</c> = none).</param>
/// <param name="CompressedSize">Size of the chunk's records as stored.</param>
/// <param name="UncompressedSize">Size of the chunk's records uncompressed.</param>
public sealed record McapChunkIndex(ulong MessageStartTime, ulong MessageEndTime, ulong ChunkStartOffset, ulong ChunkLength,
    IReadOnlyDictionary<ushort, ulong> MessageIndexOffsets, ulong MessageIndexLength, string Compression, ulong CompressedSize, ulong UncompressedSize);
