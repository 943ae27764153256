using System.Buffers.Binary;
using System.Text;
using Robotics.Ros.Recording;

namespace Robotics.Ros.Tests.Recording;

public sealed class McapWriterReaderTests
{
    [Fact]
    public void Crc32_CheckString_MatchesTheStandardCheckValue()
    {
        // CRC-32/ISO-HDLC check value for "123456789" (Greg Cook's CRC catalogue): 0xCBF43926.
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public void Write_ThenRead_GivesBackSchemasChannelsMessagesAndStatistics()
    {
        byte[] file = WriteSample(chunkSize: 1024, messages: 200);
        McapRecording r = McapReader.Read(file);
        Assert.Equal("ros2", r.Profile);
        Assert.Equal("robotics-mcap", r.Library);
        Assert.Equal(2, r.Schemas.Count);
        Assert.Equal("pkg/msg/A", r.Schemas[1].Name);
        Assert.Equal("int32 a\n", Encoding.UTF8.GetString(r.Schemas[1].Data));
        Assert.Equal(2, r.Channels.Count);
        Assert.Equal("/a", r.Channels[0].Topic);
        Assert.Equal("1", r.Channels[0].Metadata["k"]);
        Assert.Equal(200, r.Messages.Count);
        // Messages alternate channels; message i has log time 1000 + 10 i and payload [i, i+1, i+2] (mod 256).
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal((ushort)(i % 2), r.Messages[i].ChannelId);
            Assert.Equal(1000UL + 10UL * (ulong)i, r.Messages[i].LogTime);
            Assert.Equal(new[] { (byte)i, (byte)(i + 1), (byte)(i + 2) }, r.Messages[i].Data);
        }

        var s = r.Statistics!;
        Assert.Equal(200UL, s.MessageCount);
        Assert.Equal(1000UL, s.MessageStartTime);
        Assert.Equal(1000UL + 10 * 199, s.MessageEndTime);
        Assert.Equal(100UL, s.ChannelMessageCounts[0]);
        Assert.Equal(100UL, s.ChannelMessageCounts[1]);
        // Each message record is 9 + 22 + 3 = 34 bytes; a 1024-byte chunk closes after 31 of them (31 * 34 = 1054 >= 1024
        // including the schema/channel records in the first), so 200 messages need several chunks.
        Assert.True(r.ChunkCount >= 6, $"expected several chunks, found {r.ChunkCount}");
        Assert.Equal((uint)r.ChunkCount, s.ChunkCount);
        Assert.Equal(r.ChunkCount, r.ChunkIndexes.Count);
        Assert.Single(r.Metadata);
        Assert.Equal("v", r.Metadata[0].Values["k"]);
    }

    [Fact]
    public void Write_TwiceWithTheSameCalls_IsByteIdentical()
    {
        Assert.Equal(WriteSample(4096, 500), WriteSample(4096, 500));
    }

    [Fact]
    public void Read_CorruptedChunk_ReportsTheChunkCrc()
    {
        byte[] file = WriteSample(1 << 20, 20);
        // The last message's payload sits inside the only chunk; flip one of its bytes.
        int at = IndexOfLast(file, [19, 20, 21]);
        file[at] ^= 0xFF;
        var e = Assert.Throws<McapFormatException>(() => McapReader.Read(file));
        Assert.Contains("chunk CRC mismatch", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CorruptedSummary_ReportsTheSummaryCrc()
    {
        byte[] file = WriteSample(1 << 20, 20);
        // Footer = last 8 (magic) + 29 bytes; its summary_start points at the summary's first record (a Schema copy).
        int footer = file.Length - 8 - 29;
        long summaryStart = BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(footer + 9));
        file[summaryStart + 9 + 2 + 4] ^= 0x01; // a byte of the schema name in the summary copy
        var e = Assert.Throws<McapFormatException>(() => McapReader.Read(file));
        Assert.Contains("summary CRC mismatch", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedFile_SaysItWasNotFinished()
    {
        byte[] file = WriteSample(1 << 20, 20);
        var e = Assert.Throws<McapFormatException>(() => McapReader.Read(file.AsSpan(0, file.Length - 40)));
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotMcap_SaysSo()
    {
        var e = Assert.Throws<McapFormatException>(() => McapReader.Read("hello, this is not an mcap file at all........"u8));
        Assert.Contains("not an MCAP file", e.Message, StringComparison.Ordinal);
    }

    internal static byte[] WriteSample(int chunkSize, int messages)
    {
        using var ms = new MemoryStream();
        using (var w = new McapWriter(ms, new McapWriterOptions { ChunkSize = chunkSize, LeaveOpen = true }))
        {
            ushort a = w.AddSchema("pkg/msg/A", "ros2msg", "int32 a\n"u8);
            ushort b = w.AddSchema("pkg/msg/B", "ros2msg", "float64 b\n"u8);
            ushort ca = w.AddChannel(a, "/a", "cdr", new Dictionary<string, string> { ["k"] = "1" });
            ushort cb = w.AddChannel(b, "/b", "cdr");
            for (int i = 0; i < messages; i++)
            {
                w.WriteMessage(i % 2 == 0 ? ca : cb, 0, 1000UL + 10UL * (ulong)i, 1000UL + 10UL * (ulong)i, [(byte)i, (byte)(i + 1), (byte)(i + 2)]);
            }

            w.AddMetadata("test", new Dictionary<string, string> { ["k"] = "v" });
        }

        return ms.ToArray();
    }

    private static int IndexOfLast(byte[] data, byte[] pattern) => data.AsSpan().LastIndexOf(pattern);
}
