using System.Buffers.Binary;
using System.Text;

namespace Robotics.Ros.Recording;

/// <summary>
/// Reads a whole MCAP file and validates it: magic at both ends, record framing, every chunk's CRC-32, the Data End
/// CRC over the data section, the Footer's summary CRC, and that the summary (Statistics, Chunk Indexes, Message
/// Indexes) agrees with the data. Only uncompressed chunks are supported (what <see cref="McapWriter"/> writes).
/// </summary>
public static class McapReader
{
    /// <summary>Reads and validates the MCAP file at <paramref name="path"/>.</summary>
    /// <param name="path">File path.</param>
    /// <returns>The validated content.</returns>
    /// <exception cref="McapFormatException">The file is not a valid MCAP file; the message names the offset and the problem.</exception>
    public static McapRecording ReadFile(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Reads and validates an MCAP file held in memory.</summary>
    /// <param name="file">The whole file.</param>
    /// <returns>The validated content.</returns>
    /// <exception cref="McapFormatException">The file is not a valid MCAP file.</exception>
    public static McapRecording Read(ReadOnlySpan<byte> file)
    {
        ReadOnlySpan<byte> magic = McapWriter.Magic;
        if (file.Length < 8 || !file[..8].SequenceEqual(magic))
        {
            throw new McapFormatException("not an MCAP file: the first 8 bytes are not the MCAP magic (89 4D 43 41 50 30 0D 0A).");
        }

        if (file.Length < 8 + 29 + 8 || !file[^8..].SequenceEqual(magic))
        {
            throw new McapFormatException($"truncated MCAP file ({file.Length} bytes): it does not end with the MCAP magic; the recording was probably not finished (writer not disposed).");
        }

        var schemas = new SortedDictionary<ushort, McapSchema>();
        var channels = new SortedDictionary<ushort, McapChannel>();
        var messages = new List<McapMessage>();
        var metadata = new List<McapMetadata>();
        var chunkOffsets = new List<(long Offset, long Length)>();
        var messageIndexEntries = new Dictionary<long, int>(); // chunk offset -> message index entries that follow it
        string profile = "", library = "";
        long pos = 8;
        bool dataEnd = false;
        long lastChunk = -1;
        while (!dataEnd)
        {
            long recordStart = pos;
            var op = NextRecord(file, ref pos, out ReadOnlySpan<byte> body);
            switch (op)
            {
                case McapOpcode.Header:
                {
                    var r = new Cursor(body, recordStart);
                    profile = r.String();
                    library = r.String();
                    break;
                }
                case McapOpcode.Chunk:
                    ReadChunk(body, recordStart, schemas, channels, messages);
                    chunkOffsets.Add((recordStart, pos - recordStart));
                    lastChunk = recordStart;
                    messageIndexEntries[recordStart] = 0;
                    break;
                case McapOpcode.MessageIndex:
                {
                    var r = new Cursor(body, recordStart);
                    r.U16();
                    uint len = r.U32();
                    if (len % 16 != 0) throw new McapFormatException($"offset {recordStart}: Message Index array length {len} is not a multiple of 16.");
                    if (lastChunk < 0) throw new McapFormatException($"offset {recordStart}: Message Index record before any Chunk.");
                    messageIndexEntries[lastChunk] += (int)(len / 16);
                    break;
                }
                case McapOpcode.Schema:
                case McapOpcode.Channel:
                case McapOpcode.Message:
                    ReadInner(op, body, recordStart, schemas, channels, messages);
                    break;
                case McapOpcode.Metadata:
                {
                    var r = new Cursor(body, recordStart);
                    string name = r.String();
                    metadata.Add(new McapMetadata(name, r.StringMap()));
                    break;
                }
                case McapOpcode.DataEnd:
                {
                    uint crc = BinaryPrimitives.ReadUInt32LittleEndian(Need(body, 4, recordStart, "Data End"));
                    uint actual = Crc32.Compute(file[..(int)recordStart]);
                    if (crc != 0 && crc != actual)
                    {
                        throw new McapFormatException($"offset {recordStart}: data section CRC mismatch (Data End says 0x{crc:X8}, the bytes give 0x{actual:X8}); the file is corrupted.");
                    }

                    dataEnd = true;
                    break;
                }
                case McapOpcode.Footer:
                    throw new McapFormatException($"offset {recordStart}: Footer before Data End; the data section must end with a Data End record.");
                default:
                    break; // attachments, indexes in the data section and private records are skipped
            }
        }

        // Footer: the 29 bytes before the closing magic.
        long footerStart = file.Length - 8 - 29;
        if ((McapOpcode)file[(int)footerStart] != McapOpcode.Footer || BinaryPrimitives.ReadUInt64LittleEndian(file[(int)(footerStart + 1)..]) != 20)
        {
            throw new McapFormatException($"offset {footerStart}: expected the Footer record (opcode 0x02, length 20) before the closing magic.");
        }

        var footer = file.Slice((int)footerStart + 9, 20);
        ulong summaryStart = BinaryPrimitives.ReadUInt64LittleEndian(footer);
        ulong summaryOffsetStart = BinaryPrimitives.ReadUInt64LittleEndian(footer[8..]);
        uint summaryCrc = BinaryPrimitives.ReadUInt32LittleEndian(footer[16..]);
        McapStatistics? statistics = null;
        var chunkIndexes = new List<McapChunkIndex>();
        if (summaryStart != 0)
        {
            if ((long)summaryStart != pos)
            {
                throw new McapFormatException($"Footer: summary_start = {summaryStart}, but the data section ends at offset {pos}.");
            }

            if (summaryCrc != 0)
            {
                uint actual = Crc32.Compute(file[(int)summaryStart..(int)(footerStart + 1 + 8 + 16)]);
                if (actual != summaryCrc)
                {
                    throw new McapFormatException($"Footer: summary CRC mismatch (footer says 0x{summaryCrc:X8}, the bytes give 0x{actual:X8}); the summary section is corrupted.");
                }
            }

            long end = summaryOffsetStart != 0 ? (long)summaryOffsetStart : footerStart;
            while (pos < end)
            {
                long recordStart = pos;
                var op = NextRecord(file, ref pos, out ReadOnlySpan<byte> body);
                var r = new Cursor(body, recordStart);
                switch (op)
                {
                    case McapOpcode.Statistics:
                        statistics = new McapStatistics(r.U64(), r.U16(), r.U32(), r.U32(), r.U32(), r.U32(), r.U64(), r.U64(), r.U16U64Map());
                        break;
                    case McapOpcode.ChunkIndex:
                        chunkIndexes.Add(new McapChunkIndex(r.U64(), r.U64(), r.U64(), r.U64(), r.U16U64Map(), r.U64(), r.String(), r.U64(), r.U64()));
                        break;
                    case McapOpcode.Schema:
                    case McapOpcode.Channel:
                        ReadInner(op, body, recordStart, schemas, channels, null);
                        break;
                    default:
                        break;
                }
            }
        }

        Validate(statistics, chunkIndexes, chunkOffsets, messageIndexEntries, messages, schemas, channels);
        return new McapRecording(profile, library, schemas, channels, messages, metadata, statistics, chunkIndexes, chunkOffsets.Count);
    }

    private static void Validate(McapStatistics? statistics, List<McapChunkIndex> chunkIndexes, List<(long Offset, long Length)> chunks,
        Dictionary<long, int> messageIndexEntries, List<McapMessage> messages, SortedDictionary<ushort, McapSchema> schemas,
        SortedDictionary<ushort, McapChannel> channels)
    {
        if (statistics is not null)
        {
            if (statistics.MessageCount != (ulong)messages.Count)
            {
                throw new McapFormatException($"Statistics: message_count = {statistics.MessageCount}, but the data section holds {messages.Count} messages.");
            }

            if (statistics.ChunkCount != (uint)chunks.Count)
            {
                throw new McapFormatException($"Statistics: chunk_count = {statistics.ChunkCount}, but the data section holds {chunks.Count} chunks.");
            }
        }

        if (chunkIndexes.Count > 0)
        {
            if (chunkIndexes.Count != chunks.Count)
            {
                throw new McapFormatException($"summary: {chunkIndexes.Count} Chunk Index records for {chunks.Count} chunks.");
            }

            for (int i = 0; i < chunks.Count; i++)
            {
                var ci = chunkIndexes[i];
                if ((long)ci.ChunkStartOffset != chunks[i].Offset || (long)ci.ChunkLength != chunks[i].Length)
                {
                    throw new McapFormatException($"Chunk Index {i}: chunk_start_offset {ci.ChunkStartOffset} / chunk_length {ci.ChunkLength} do not match the chunk at offset {chunks[i].Offset} (length {chunks[i].Length}).");
                }
            }
        }

        int indexed = messageIndexEntries.Values.Sum();
        if (indexed != 0 && indexed != messages.Count)
        {
            throw new McapFormatException($"Message Index records list {indexed} messages, but the chunks hold {messages.Count}.");
        }

        foreach (var m in messages)
        {
            if (!channels.TryGetValue(m.ChannelId, out var c))
            {
                throw new McapFormatException($"a message refers to channel {m.ChannelId}, which no Channel record defines.");
            }

            if (c.SchemaId != 0 && !schemas.ContainsKey(c.SchemaId))
            {
                throw new McapFormatException($"channel {c.Id} ({c.Topic}) refers to schema {c.SchemaId}, which no Schema record defines.");
            }
        }
    }

    private static void ReadChunk(ReadOnlySpan<byte> body, long recordStart, SortedDictionary<ushort, McapSchema> schemas,
        SortedDictionary<ushort, McapChannel> channels, List<McapMessage> messages)
    {
        var r = new Cursor(body, recordStart);
        r.U64();
        r.U64();
        ulong uncompressedSize = r.U64();
        uint crc = r.U32();
        string compression = r.String();
        ulong recordsLength = r.U64();
        if (compression.Length != 0)
        {
            throw new McapFormatException($"offset {recordStart}: chunk compression '{compression}' is not supported by this reader (it reads uncompressed chunks, as `robotics` writes them).");
        }

        ReadOnlySpan<byte> records = r.Bytes(checked((int)recordsLength));
        if (recordsLength != uncompressedSize)
        {
            throw new McapFormatException($"offset {recordStart}: uncompressed chunk of {recordsLength} bytes but uncompressed_size = {uncompressedSize}.");
        }

        uint actual = Crc32.Compute(records);
        if (crc != 0 && crc != actual)
        {
            throw new McapFormatException($"offset {recordStart}: chunk CRC mismatch (chunk says 0x{crc:X8}, its records give 0x{actual:X8}); the chunk is corrupted.");
        }

        long inner = 0;
        while (inner < records.Length)
        {
            long at = inner;
            var op = NextRecord(records, ref inner, out ReadOnlySpan<byte> innerBody);
            ReadInner(op, innerBody, recordStart + at, schemas, channels, messages);
        }
    }

    private static void ReadInner(McapOpcode op, ReadOnlySpan<byte> body, long at, SortedDictionary<ushort, McapSchema> schemas,
        SortedDictionary<ushort, McapChannel> channels, List<McapMessage>? messages)
    {
        var r = new Cursor(body, at);
        switch (op)
        {
            case McapOpcode.Schema:
            {
                ushort id = r.U16();
                string name = r.String(), encoding = r.String();
                byte[] data = r.Bytes(checked((int)r.U32())).ToArray();
                if (id == 0) throw new McapFormatException($"offset {at}: Schema id 0 is reserved.");
                schemas[id] = new McapSchema(id, name, encoding, data);
                break;
            }
            case McapOpcode.Channel:
            {
                ushort id = r.U16(), schemaId = r.U16();
                string topic = r.String(), encoding = r.String();
                channels[id] = new McapChannel(id, schemaId, topic, encoding, r.StringMap());
                break;
            }
            case McapOpcode.Message when messages is not null:
            {
                ushort channel = r.U16();
                uint sequence = r.U32();
                ulong logTime = r.U64(), publishTime = r.U64();
                if (!channels.ContainsKey(channel))
                {
                    throw new McapFormatException($"offset {at}: message on channel {channel} before its Channel record.");
                }

                messages.Add(new McapMessage(channel, sequence, logTime, publishTime, r.Rest().ToArray()));
                break;
            }
            default:
                break;
        }
    }

    private static McapOpcode NextRecord(ReadOnlySpan<byte> data, ref long pos, out ReadOnlySpan<byte> body)
    {
        if (pos + 9 > data.Length)
        {
            throw new McapFormatException($"offset {pos}: truncated record header (need 9 bytes, {data.Length - pos} left).");
        }

        var op = (McapOpcode)data[(int)pos];
        ulong length = BinaryPrimitives.ReadUInt64LittleEndian(data[(int)(pos + 1)..]);
        if (length > (ulong)(data.Length - pos - 9))
        {
            throw new McapFormatException($"offset {pos}: record (opcode 0x{(byte)op:X2}) claims {length} bytes but only {data.Length - pos - 9} remain; the file is truncated or corrupted.");
        }

        body = data.Slice((int)pos + 9, (int)length);
        pos += 9 + (long)length;
        return op;
    }

    private static ReadOnlySpan<byte> Need(ReadOnlySpan<byte> body, int n, long at, string what) =>
        body.Length >= n ? body : throw new McapFormatException($"offset {at}: {what} record is shorter than {n} bytes.");

    private ref struct Cursor(ReadOnlySpan<byte> data, long at)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _pos;

        public ReadOnlySpan<byte> Bytes(int n)
        {
            if (n < 0 || _pos + n > _data.Length)
            {
                throw new McapFormatException($"offset {at}: record field runs past the end of the record ({n} bytes at {_pos} of {_data.Length}).");
            }

            var s = _data.Slice(_pos, n);
            _pos += n;
            return s;
        }

        public ushort U16() => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2));

        public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));

        public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8));

        public string String() => Encoding.UTF8.GetString(Bytes(checked((int)U32())));

        public ReadOnlySpan<byte> Rest() => Bytes(_data.Length - _pos);

        public IReadOnlyDictionary<string, string> StringMap()
        {
            var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var inner = new Cursor(Bytes(checked((int)U32())), at);
            while (inner._pos < inner._data.Length)
            {
                string k = inner.String();
                map[k] = inner.String();
            }

            return map;
        }

        public IReadOnlyDictionary<ushort, ulong> U16U64Map()
        {
            var map = new SortedDictionary<ushort, ulong>();
            var inner = new Cursor(Bytes(checked((int)U32())), at);
            while (inner._pos < inner._data.Length)
            {
                ushort k = inner.U16();
                map[k] = inner.U64();
            }

            return map;
        }
    }
}
