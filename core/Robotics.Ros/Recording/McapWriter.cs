namespace Robotics.Ros.Recording;

/// <summary>
/// Writes an indexed MCAP file (format version 0): magic, Header, a data section of Chunks (uncompressed, each with its
/// CRC-32) each followed by one Message Index per channel, Metadata records, Data End (data section CRC), then a summary
/// section (Schema and Channel copies, Statistics, Chunk Indexes, Metadata Indexes), Summary Offsets and the Footer
/// (summary CRC). Schemas and channels are first written inside the chunk that precedes their first message, as the
/// reference writers do.
/// </summary>
/// <remarks>
/// The output depends only on the calls made (no clock, no random ids): the same calls give byte-identical files.
/// Not thread-safe; call from one thread. <see cref="Finish"/> (or <see cref="Dispose"/>) completes the file.
/// </remarks>
public sealed class McapWriter : IDisposable
{
    /// <summary>The 8 magic bytes that start and end every MCAP file (version '0').</summary>
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'M', (byte)'C', (byte)'A', (byte)'P', 0x30, (byte)'\r', (byte)'\n'];

    private readonly Stream _stream;
    private readonly McapWriterOptions _options;
    private readonly McapBuffer _out = new(1024);
    private readonly McapBuffer _chunk;
    private readonly List<McapSchema> _schemas = [];
    private readonly List<McapChannel> _channels = [];
    private readonly SortedDictionary<ushort, List<(ulong Time, ulong Offset)>> _chunkIndex = [];
    private readonly List<McapChunkIndex> _chunkIndexes = [];
    private readonly List<(ulong Offset, ulong Length, string Name)> _metadataIndexes = [];
    private readonly SortedDictionary<ushort, ulong> _channelCounts = [];
    private readonly HashSet<ushort> _schemasWritten = [], _channelsWritten = [];
    private long _position;
    private uint _dataCrc = Crc32.Initial;
    private ulong _chunkStart = ulong.MaxValue, _chunkEnd, _messageStart = ulong.MaxValue, _messageEnd, _messageCount;
    private int _chunkMessages;
    private bool _finished, _disposed;

    /// <summary>Starts a file on <paramref name="stream"/>: writes the magic and the Header record.</summary>
    /// <param name="stream">A writable stream positioned at the file start.</param>
    /// <param name="options">Profile, library, chunk size; null for the defaults.</param>
    public McapWriter(Stream stream, McapWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite) throw new ArgumentException("McapWriter needs a writable stream.", nameof(stream));
        _stream = stream;
        _options = options ?? new McapWriterOptions();
        if (_options.ChunkSize < 1024)
        {
            throw new ArgumentException($"ChunkSize = {_options.ChunkSize} bytes is too small; use at least 1024 (default 786432).", nameof(options));
        }

        _chunk = new McapBuffer(Math.Min(_options.ChunkSize + 4096, 1 << 20));
        _out.Bytes(Magic);
        int at = _out.BeginRecord(McapOpcode.Header);
        _out.String(_options.Profile);
        _out.String(_options.Library);
        _out.EndRecord(at);
        FlushOut(countInDataCrc: true);
    }

    /// <summary>Number of messages written so far.</summary>
    public ulong MessageCount => _messageCount;

    /// <summary>Schemas added so far, in id order.</summary>
    public IReadOnlyList<McapSchema> Schemas => _schemas;

    /// <summary>Channels added so far, in id order.</summary>
    public IReadOnlyList<McapChannel> Channels => _channels;

    /// <summary>Adds a schema; ids are 1, 2, … in call order.</summary>
    /// <param name="name">Schema name, e.g. <c>std_msgs/msg/String</c>.</param>
    /// <param name="encoding">Schema encoding, e.g. <c>ros2msg</c>.</param>
    /// <param name="data">Schema data.</param>
    /// <returns>The schema id.</returns>
    public ushort AddSchema(string name, string encoding, ReadOnlySpan<byte> data)
    {
        ThrowIfFinished();
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(encoding);
        if (_schemas.Count >= ushort.MaxValue) throw new InvalidOperationException("An MCAP file holds at most 65535 schemas.");
        var schema = new McapSchema((ushort)(_schemas.Count + 1), name, encoding, data.ToArray());
        _schemas.Add(schema);
        return schema.Id;
    }

    /// <summary>Adds a channel; ids are 0, 1, … in call order.</summary>
    /// <param name="schemaId">A schema id from <see cref="AddSchema"/>, or 0 for none.</param>
    /// <param name="topic">Topic name.</param>
    /// <param name="messageEncoding">Message encoding, e.g. <c>cdr</c>.</param>
    /// <param name="metadata">Channel metadata (written sorted by key); null for none.</param>
    /// <returns>The channel id.</returns>
    public ushort AddChannel(ushort schemaId, string topic, string messageEncoding, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ThrowIfFinished();
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(messageEncoding);
        if (schemaId > _schemas.Count)
        {
            throw new ArgumentException($"Schema id {schemaId} was not added (known ids 1..{_schemas.Count}); call AddSchema first.", nameof(schemaId));
        }

        if (_channels.Count > ushort.MaxValue) throw new InvalidOperationException("An MCAP file holds at most 65536 channels.");
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (metadata is not null)
        {
            foreach (var (k, v) in metadata) sorted[k] = v;
        }

        var channel = new McapChannel((ushort)_channels.Count, schemaId, topic, messageEncoding, sorted);
        _channels.Add(channel);
        return channel.Id;
    }

    /// <summary>Writes one message into the current chunk (closing the chunk when it is full).</summary>
    /// <param name="channelId">A channel id from <see cref="AddChannel"/>.</param>
    /// <param name="sequence">Sequence number (rosbag2 writes 0).</param>
    /// <param name="logTime">Log time, ns.</param>
    /// <param name="publishTime">Publish time, ns.</param>
    /// <param name="data">The serialized message.</param>
    public void WriteMessage(ushort channelId, uint sequence, ulong logTime, ulong publishTime, ReadOnlySpan<byte> data)
    {
        ThrowIfFinished();
        if (channelId >= _channels.Count)
        {
            throw new ArgumentException($"Channel id {channelId} was not added (known ids 0..{_channels.Count - 1}); call AddChannel first.", nameof(channelId));
        }

        McapChannel channel = _channels[channelId];
        if (channel.SchemaId != 0 && _schemasWritten.Add(channel.SchemaId)) WriteSchema(_chunk, _schemas[channel.SchemaId - 1]);
        if (_channelsWritten.Add(channelId)) WriteChannel(_chunk, channel);

        if (!_chunkIndex.TryGetValue(channelId, out var entries))
        {
            entries = [];
            _chunkIndex[channelId] = entries;
        }

        entries.Add((logTime, (ulong)_chunk.Length));
        int at = _chunk.BeginRecord(McapOpcode.Message);
        _chunk.U16(channelId);
        _chunk.U32(sequence);
        _chunk.U64(logTime);
        _chunk.U64(publishTime);
        _chunk.Bytes(data);
        _chunk.EndRecord(at);

        _chunkStart = Math.Min(_chunkStart, logTime);
        _chunkEnd = Math.Max(_chunkEnd, logTime);
        _messageStart = Math.Min(_messageStart, logTime);
        _messageEnd = Math.Max(_messageEnd, logTime);
        _chunkMessages++;
        _messageCount++;
        _channelCounts[channelId] = _channelCounts.GetValueOrDefault(channelId) + 1;
        if (_chunk.Length >= _options.ChunkSize) FlushChunk();
    }

    /// <summary>Writes a Metadata record (e.g. rosbag2's <c>rosbag2</c> / <c>serialized_metadata</c>) to the data section.</summary>
    /// <param name="name">Record name.</param>
    /// <param name="metadata">Key/value pairs (written sorted by key).</param>
    public void AddMetadata(string name, IReadOnlyDictionary<string, string> metadata)
    {
        ThrowIfFinished();
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(metadata);
        FlushChunk();
        long offset = _position;
        int at = _out.BeginRecord(McapOpcode.Metadata);
        _out.String(name);
        _out.StringMap(new SortedDictionary<string, string>(metadata.ToDictionary(), StringComparer.Ordinal));
        _out.EndRecord(at);
        int length = _out.Length;
        FlushOut(countInDataCrc: true);
        _metadataIndexes.Add(((ulong)offset, (ulong)length, name));
    }

    /// <summary>Closes the last chunk and writes Data End, the summary section, Summary Offsets, the Footer and the closing magic.</summary>
    public void Finish()
    {
        if (_finished) return;
        // Schemas and channels without messages still go into the data section (inside a last chunk).
        foreach (var channel in _channels)
        {
            if (channel.SchemaId != 0 && _schemasWritten.Add(channel.SchemaId)) WriteSchema(_chunk, _schemas[channel.SchemaId - 1]);
            if (_channelsWritten.Add(channel.Id)) WriteChannel(_chunk, channel);
        }

        foreach (var schema in _schemas)
        {
            if (_schemasWritten.Add(schema.Id)) WriteSchema(_chunk, schema);
        }

        FlushChunk();
        // Data End carries the CRC of everything before it.
        int at = _out.BeginRecord(McapOpcode.DataEnd);
        _out.U32(Crc32.Finish(_dataCrc));
        _out.EndRecord(at);
        FlushOut(countInDataCrc: false);

        long summaryStart = _position;
        var groups = new List<(McapOpcode Opcode, long Start, long Length)>();
        uint summaryCrc = Crc32.Initial;

        void Group(McapOpcode opcode, Action<McapBuffer> write)
        {
            long start = _position;
            write(_out);
            if (_out.Length == 0) return;
            summaryCrc = Crc32.Update(summaryCrc, _out.Span);
            int len = _out.Length;
            FlushOut(countInDataCrc: false);
            groups.Add((opcode, start, len));
        }

        Group(McapOpcode.Schema, b => { foreach (var s in _schemas) WriteSchema(b, s); });
        Group(McapOpcode.Channel, b => { foreach (var c in _channels) WriteChannel(b, c); });
        Group(McapOpcode.Statistics, b =>
        {
            int r = b.BeginRecord(McapOpcode.Statistics);
            b.U64(_messageCount);
            b.U16((ushort)_schemas.Count);
            b.U32((uint)_channels.Count);
            b.U32(0);
            b.U32((uint)_metadataIndexes.Count);
            b.U32((uint)_chunkIndexes.Count);
            b.U64(_messageCount == 0 ? 0 : _messageStart);
            b.U64(_messageCount == 0 ? 0 : _messageEnd);
            int mapAt = b.Length;
            b.U32(0);
            foreach (var (id, count) in _channelCounts)
            {
                b.U16(id);
                b.U64(count);
            }

            b.PatchU32(mapAt, (uint)(b.Length - mapAt - 4));
            b.EndRecord(r);
        });
        Group(McapOpcode.ChunkIndex, b => { foreach (var ci in _chunkIndexes) WriteChunkIndex(b, ci); });
        Group(McapOpcode.MetadataIndex, b =>
        {
            foreach (var (offset, length, name) in _metadataIndexes)
            {
                int r = b.BeginRecord(McapOpcode.MetadataIndex);
                b.U64(offset);
                b.U64(length);
                b.String(name);
                b.EndRecord(r);
            }
        });

        long summaryOffsetStart = _position;
        foreach (var (opcode, start, length) in groups)
        {
            int r = _out.BeginRecord(McapOpcode.SummaryOffset);
            _out.U8((byte)opcode);
            _out.U64((ulong)start);
            _out.U64((ulong)length);
            _out.EndRecord(r);
        }

        // The footer's length (20) must be in place before the CRC covers it.
        _out.U8((byte)McapOpcode.Footer);
        _out.U64(20);
        _out.U64((ulong)summaryStart);
        _out.U64((ulong)summaryOffsetStart);
        summaryCrc = Crc32.Update(summaryCrc, _out.Span);
        _out.U32(Crc32.Finish(summaryCrc));
        _out.Bytes(Magic);
        FlushOut(countInDataCrc: false);
        _stream.Flush();
        _finished = true;
    }

    /// <summary>Finishes the file (if not yet) and closes the stream unless <see cref="McapWriterOptions.LeaveOpen"/>.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            Finish();
        }
        finally
        {
            if (!_options.LeaveOpen) _stream.Dispose();
        }
    }

    private void FlushChunk()
    {
        if (_chunk.Length == 0) return;
        long chunkStartOffset = _position;
        uint crc = Crc32.Compute(_chunk.Span);
        ulong start = _chunkMessages == 0 ? 0 : _chunkStart, end = _chunkMessages == 0 ? 0 : _chunkEnd;
        int at = _out.BeginRecord(McapOpcode.Chunk);
        _out.U64(start);
        _out.U64(end);
        _out.U64((ulong)_chunk.Length);
        _out.U32(crc);
        _out.String("");
        _out.U64((ulong)_chunk.Length);
        _out.Bytes(_chunk.Span);
        _out.EndRecord(at);
        long chunkLength = _out.Length;
        FlushOut(countInDataCrc: true);

        var indexOffsets = new SortedDictionary<ushort, ulong>();
        foreach (var (channelId, entries) in _chunkIndex)
        {
            indexOffsets[channelId] = (ulong)(_position + _out.Length);
            int r = _out.BeginRecord(McapOpcode.MessageIndex);
            _out.U16(channelId);
            _out.U32((uint)(entries.Count * 16));
            foreach (var (time, offset) in entries)
            {
                _out.U64(time);
                _out.U64(offset);
            }

            _out.EndRecord(r);
        }

        long indexLength = _out.Length;
        FlushOut(countInDataCrc: true);
        _chunkIndexes.Add(new McapChunkIndex(start, end, (ulong)chunkStartOffset, (ulong)chunkLength, indexOffsets,
            (ulong)indexLength, "", (ulong)_chunk.Length, (ulong)_chunk.Length));
        _chunk.Clear();
        _chunkIndex.Clear();
        _chunkStart = ulong.MaxValue;
        _chunkEnd = 0;
        _chunkMessages = 0;
    }

    private static void WriteSchema(McapBuffer b, McapSchema s)
    {
        int r = b.BeginRecord(McapOpcode.Schema);
        b.U16(s.Id);
        b.String(s.Name);
        b.String(s.Encoding);
        b.U32((uint)s.Data.Length);
        b.Bytes(s.Data);
        b.EndRecord(r);
    }

    private static void WriteChannel(McapBuffer b, McapChannel c)
    {
        int r = b.BeginRecord(McapOpcode.Channel);
        b.U16(c.Id);
        b.U16(c.SchemaId);
        b.String(c.Topic);
        b.String(c.MessageEncoding);
        b.StringMap(c.Metadata);
        b.EndRecord(r);
    }

    private static void WriteChunkIndex(McapBuffer b, McapChunkIndex ci)
    {
        int r = b.BeginRecord(McapOpcode.ChunkIndex);
        b.U64(ci.MessageStartTime);
        b.U64(ci.MessageEndTime);
        b.U64(ci.ChunkStartOffset);
        b.U64(ci.ChunkLength);
        b.U32((uint)(ci.MessageIndexOffsets.Count * 10));
        foreach (var (id, offset) in ci.MessageIndexOffsets)
        {
            b.U16(id);
            b.U64(offset);
        }

        b.U64(ci.MessageIndexLength);
        b.String(ci.Compression);
        b.U64(ci.CompressedSize);
        b.U64(ci.UncompressedSize);
        b.EndRecord(r);
    }

    private void FlushOut(bool countInDataCrc)
    {
        if (countInDataCrc) _dataCrc = Crc32.Update(_dataCrc, _out.Span);
        _stream.Write(_out.Span);
        _position += _out.Length;
        _out.Clear();
    }

    private void ThrowIfFinished()
    {
        if (_finished) throw new InvalidOperationException("The MCAP file is finished; create a new McapWriter to write another.");
    }
}
