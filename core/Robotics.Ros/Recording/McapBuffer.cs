using System.Buffers.Binary;
using System.Text;

namespace Robotics.Ros.Recording;

/// <summary>A growable little-endian byte buffer with the MCAP primitive encodings (strings, maps, records).</summary>
internal sealed class McapBuffer
{
    private byte[] _data;

    public McapBuffer(int capacity = 256) => _data = new byte[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public Span<byte> Reserve(int count)
    {
        Ensure(count);
        var span = _data.AsSpan(Length, count);
        Length += count;
        return span;
    }

    public void U8(byte v) => Reserve(1)[0] = v;

    public void U16(ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), v);

    public void U32(uint v) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), v);

    public void U64(ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), v);

    public void Bytes(ReadOnlySpan<byte> v) => v.CopyTo(Reserve(v.Length));

    public void String(string v)
    {
        int n = Encoding.UTF8.GetByteCount(v);
        U32((uint)n);
        Encoding.UTF8.GetBytes(v, Reserve(n));
    }

    /// <summary>Map&lt;string,string&gt; with entries in the order given (callers pass sorted maps for determinism).</summary>
    public void StringMap(IEnumerable<KeyValuePair<string, string>> map)
    {
        int lengthAt = Length;
        U32(0);
        foreach (var (k, v) in map)
        {
            String(k);
            String(v);
        }

        PatchU32(lengthAt, (uint)(Length - lengthAt - 4));
    }

    /// <summary>Starts a record: writes the opcode and a length placeholder; returns the position to pass to <see cref="EndRecord"/>.</summary>
    public int BeginRecord(McapOpcode opcode)
    {
        U8((byte)opcode);
        int at = Length;
        U64(0);
        return at;
    }

    public void EndRecord(int lengthAt) => BinaryPrimitives.WriteUInt64LittleEndian(_data.AsSpan(lengthAt), (ulong)(Length - lengthAt - 8));

    public void PatchU32(int at, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(_data.AsSpan(at), v);

    private void Ensure(int extra)
    {
        if (Length + extra <= _data.Length) return;
        int size = _data.Length;
        while (size < Length + extra) size *= 2;
        Array.Resize(ref _data, size);
    }
}
