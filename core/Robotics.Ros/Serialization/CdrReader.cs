using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Robotics.Ros.Messages;

namespace Robotics.Ros.Serialization;

/// <summary>
/// Reads XCDR1 data (little- or big-endian, as the encapsulation header says). Every read returns a
/// <see cref="CdrStatus"/>; nothing throws on bad bytes. Lengths are checked against the remaining data before any
/// allocation, so a hostile length cannot cause a large allocation.
/// </summary>
public ref struct CdrReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly bool _bigEndian;
    private int _pos;

    private CdrReader(ReadOnlySpan<byte> body, bool bigEndian)
    {
        _data = body;
        _bigEndian = bigEndian;
        _pos = 0;
    }

    /// <summary>Position relative to the byte after the header.</summary>
    public readonly int Position => _pos;

    /// <summary>Bytes left after the current position.</summary>
    public readonly int Remaining => _data.Length - _pos;

    /// <summary>Checks the encapsulation header (CDR_BE <c>00 00</c> or CDR_LE <c>00 01</c>; options ignored) and creates a reader.</summary>
    /// <param name="data">The whole sample.</param>
    /// <param name="reader">The reader positioned after the header.</param>
    /// <returns><see cref="CdrStatus.Ok"/> or <see cref="CdrStatus.BadHeader"/>.</returns>
    public static CdrStatus Create(ReadOnlySpan<byte> data, out CdrReader reader)
    {
        reader = default;
        if (data.Length < 4 || data[0] != 0 || data[1] > 1)
        {
            return CdrStatus.BadHeader;
        }

        reader = new CdrReader(data.Slice(4), data[1] == 0);
        return CdrStatus.Ok;
    }

    private bool Take(int size, int align, out ReadOnlySpan<byte> span)
    {
        int aligned = (_pos + align - 1) & ~(align - 1);
        if (aligned + size > _data.Length || aligned + size < 0)
        {
            span = default;
            return false;
        }

        span = _data.Slice(aligned, size);
        _pos = aligned + size;
        return true;
    }

    /// <summary>Reads a boolean (byte 0 or 1).</summary>
    /// <param name="value">The value.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadBool(out bool value)
    {
        value = false;
        if (!Take(1, 1, out var s))
        {
            return CdrStatus.Truncated;
        }

        if (s[0] > 1)
        {
            return CdrStatus.InvalidBoolean;
        }

        value = s[0] == 1;
        return CdrStatus.Ok;
    }

    /// <summary>Reads a byte.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadByte(out byte value)
    {
        bool ok = Take(1, 1, out var s);
        value = ok ? s[0] : (byte)0;
        return ok ? CdrStatus.Ok : CdrStatus.Truncated;
    }

    /// <summary>Reads a signed byte.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadSByte(out sbyte value)
    {
        bool ok = Take(1, 1, out var s);
        value = ok ? unchecked((sbyte)s[0]) : (sbyte)0;
        return ok ? CdrStatus.Ok : CdrStatus.Truncated;
    }

    /// <summary>Reads an int16.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadInt16(out short value)
    {
        bool ok = Take(2, 2, out var s);
        value = !ok ? (short)0 : _bigEndian ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s);
        return ok ? CdrStatus.Ok : CdrStatus.Truncated;
    }

    /// <summary>Reads a uint16.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadUInt16(out ushort value)
    {
        bool ok = Take(2, 2, out var s);
        value = !ok ? (ushort)0 : _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
        return ok ? CdrStatus.Ok : CdrStatus.Truncated;
    }

    /// <summary>Reads an int32.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadInt32(out int value)
    {
        bool ok = Take(4, 4, out var s);
        value = !ok ? 0 : _bigEndian ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s);
        return ok ? CdrStatus.Ok : CdrStatus.Truncated;
    }

    /// <summary>Reads a uint32.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadUInt32(out uint value)
    {
        bool ok = Take(4, 4, out var s);
        value = !ok ? 0u : _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
        return ok ? CdrStatus.Ok : CdrStatus.Truncated;
    }

    /// <summary>Reads an int64.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadInt64(out long value)
    {
        bool ok = Take(8, 8, out var s);
        value = !ok ? 0L : _bigEndian ? BinaryPrimitives.ReadInt64BigEndian(s) : BinaryPrimitives.ReadInt64LittleEndian(s);
        return ok ? CdrStatus.Ok : CdrStatus.Truncated;
    }

    /// <summary>Reads a uint64.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadUInt64(out ulong value)
    {
        bool ok = Take(8, 8, out var s);
        value = !ok ? 0UL : _bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s);
        return ok ? CdrStatus.Ok : CdrStatus.Truncated;
    }

    /// <summary>Reads a float32.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadSingle(out float value)
    {
        bool ok = Take(4, 4, out var s);
        value = !ok ? 0f : _bigEndian ? BinaryPrimitives.ReadSingleBigEndian(s) : BinaryPrimitives.ReadSingleLittleEndian(s);
        return ok ? CdrStatus.Ok : CdrStatus.Truncated;
    }

    /// <summary>Reads a float64.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadDouble(out double value)
    {
        bool ok = Take(8, 8, out var s);
        value = !ok ? 0d : _bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(s) : BinaryPrimitives.ReadDoubleLittleEndian(s);
        return ok ? CdrStatus.Ok : CdrStatus.Truncated;
    }

    /// <summary>
    /// Reads a string (uint32 length including the NUL, UTF-8 bytes, NUL). A length of 0 is accepted as the empty
    /// string (some writers send it). The current value is kept (no allocation) when the bytes are equal.
    /// </summary>
    /// <param name="value">In: the current value; out: the decoded string.</param>
    /// <param name="bound">Maximum UTF-8 length in bytes, 0 for unbounded.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadString(ref string value, int bound)
    {
        CdrStatus st = ReadUInt32(out uint len);
        if (st != CdrStatus.Ok)
        {
            return st;
        }

        if (len == 0)
        {
            value = string.Empty;
            return CdrStatus.Ok;
        }

        if (len > (uint)Remaining)
        {
            return len > int.MaxValue ? CdrStatus.InvalidLength : CdrStatus.Truncated;
        }

        Take((int)len, 1, out var s);
        if (s[^1] != 0)
        {
            return CdrStatus.InvalidString;
        }

        ReadOnlySpan<byte> utf8 = s.Slice(0, s.Length - 1);
        if (bound > 0 && utf8.Length > bound)
        {
            return CdrStatus.BoundExceeded;
        }

        if (utf8.IndexOf((byte)0) >= 0 || !System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return CdrStatus.InvalidString;
        }

        if (value is not null && value.Length <= utf8.Length && SameUtf8(value, utf8))
        {
            return CdrStatus.Ok;
        }

        value = utf8.Length == 0 ? string.Empty : Encoding.UTF8.GetString(utf8);
        return CdrStatus.Ok;
    }

    /// <summary>Reads a wstring as rmw_cyclonedds writes it (uint32 code-unit count, UTF-16 code units).</summary>
    /// <param name="value">The decoded string.</param>
    /// <param name="bound">Maximum length in code units, 0 for unbounded.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadWString(ref string value, int bound)
    {
        CdrStatus st = ReadUInt32(out uint len);
        if (st != CdrStatus.Ok)
        {
            return st;
        }

        if ((ulong)len * 2 > (ulong)Remaining)
        {
            return CdrStatus.Truncated;
        }

        if (bound > 0 && len > bound)
        {
            return CdrStatus.BoundExceeded;
        }

        if (!Take((int)len * 2, len == 0 ? 1 : 2, out var s))
        {
            return CdrStatus.Truncated;
        }

        var chars = new char[len];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)(_bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s.Slice(2 * i)) : BinaryPrimitives.ReadUInt16LittleEndian(s.Slice(2 * i)));
        }

        value = new string(chars);
        return CdrStatus.Ok;
    }

    /// <summary>
    /// Reads a sequence length and checks it against the bound and against the data left (each element takes at
    /// least <paramref name="minElementBytes"/> bytes).
    /// </summary>
    /// <param name="length">The length.</param>
    /// <param name="bound">Maximum number of elements, 0 for unbounded.</param>
    /// <param name="minElementBytes">Lower bound of an element's encoded size (0 for empty-capable elements is treated as 1).</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadSequenceLength(out int length, int bound, int minElementBytes)
    {
        length = 0;
        CdrStatus st = ReadUInt32(out uint len);
        if (st != CdrStatus.Ok)
        {
            return st;
        }

        if (bound > 0 && len > bound)
        {
            return CdrStatus.BoundExceeded;
        }

        if ((ulong)len * (ulong)Math.Max(minElementBytes, 1) > (ulong)Remaining)
        {
            return len > int.MaxValue ? CdrStatus.InvalidLength : CdrStatus.Truncated;
        }

        length = (int)len;
        return CdrStatus.Ok;
    }

    /// <summary>Reads <paramref name="count"/> primitives into <paramref name="array"/> (reused when its length already matches).</summary>
    /// <typeparam name="T">A primitive numeric type or bool.</typeparam>
    /// <param name="array">In: the current array; out: an array of length <paramref name="count"/>.</param>
    /// <param name="count">Number of elements.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadPrimitives<T>(ref T[] array, int count) where T : unmanaged
    {
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (count == 0)
        {
            if (array is null || array.Length != 0)
            {
                array = Array.Empty<T>();
            }

            return CdrStatus.Ok;
        }

        if (!Take(size * count, size, out var s))
        {
            return CdrStatus.Truncated;
        }

        if (typeof(T) == typeof(bool))
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] > 1)
                {
                    return CdrStatus.InvalidBoolean;
                }
            }
        }

        if (array is null || array.Length != count)
        {
            array = new T[count];
        }

        Span<byte> dst = MemoryMarshal.AsBytes(array.AsSpan());
        s.CopyTo(dst);
        if (_bigEndian == BitConverter.IsLittleEndian && size > 1)
        {
            for (int i = 0; i < dst.Length; i += size)
            {
                dst.Slice(i, size).Reverse();
            }
        }

        return CdrStatus.Ok;
    }

    /// <summary>Reads a sequence of primitives (length then elements).</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="array">In: current array; out: decoded array.</param>
    /// <param name="bound">Maximum length, 0 for unbounded.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadPrimitiveSequence<T>(ref T[] array, int bound) where T : unmanaged
    {
        CdrStatus st = ReadSequenceLength(out int n, bound, System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        return st != CdrStatus.Ok ? st : ReadPrimitives(ref array, n);
    }

    /// <summary>Reads <paramref name="count"/> strings into <paramref name="array"/>.</summary>
    /// <param name="array">In: current array; out: decoded array.</param>
    /// <param name="count">Number of strings.</param>
    /// <param name="bound">String bound in bytes, 0 for unbounded.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadStrings(ref string[] array, int count, int bound)
    {
        if (array is null || array.Length != count)
        {
            var fresh = new string[count];
            if (array is not null)
            {
                Array.Copy(array, fresh, Math.Min(array.Length, count));
            }

            array = fresh;
        }

        for (int i = 0; i < count; i++)
        {
            string v = array[i] ?? string.Empty;
            CdrStatus st = ReadString(ref v, bound);
            array[i] = v;
            if (st != CdrStatus.Ok)
            {
                return st;
            }
        }

        return CdrStatus.Ok;
    }

    /// <summary>Reads a sequence of strings.</summary>
    /// <param name="array">In: current array; out: decoded array.</param>
    /// <param name="bound">Maximum number of strings, 0 for unbounded.</param>
    /// <param name="stringBound">String bound in bytes, 0 for unbounded.</param>
    /// <returns>Status.</returns>
    public CdrStatus ReadStringSequence(ref string[] array, int bound, int stringBound)
    {
        CdrStatus st = ReadSequenceLength(out int n, bound, 4);
        return st != CdrStatus.Ok ? st : ReadStrings(ref array, n, stringBound);
    }

    private static bool SameUtf8(string value, ReadOnlySpan<byte> utf8)
    {
        if (value.Length != utf8.Length)
        {
            // Only ASCII fast path: different lengths mean different content or non-ASCII; decode.
            return false;
        }

        for (int i = 0; i < utf8.Length; i++)
        {
            if (value[i] != utf8[i] || utf8[i] >= 0x80)
            {
                return false;
            }
        }

        return true;
    }
}
