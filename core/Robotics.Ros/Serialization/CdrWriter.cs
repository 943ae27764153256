using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Robotics.Ros.Serialization;

/// <summary>
/// Writes XCDR1 little-endian data: the 4-byte encapsulation header <c>00 01 00 00</c>, then primitives aligned to
/// their size (max 8) relative to the byte after the header. Strings are length (bytes + 1), UTF-8 bytes and a NUL.
/// Throws <see cref="ArgumentException"/> when the destination is too small or a bound is exceeded (callers size
/// the buffer with the generated size function first).
/// </summary>
public ref struct CdrWriter
{
    private readonly Span<byte> _buffer;
    private int _pos;

    /// <summary>Starts writing into <paramref name="destination"/> and writes the encapsulation header.</summary>
    /// <param name="destination">The buffer; the header goes to bytes 0..3.</param>
    public CdrWriter(Span<byte> destination)
    {
        if (destination.Length < 4)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes; an XCDR1 sample needs at least 4. Size it with GetSerializedSize.", nameof(destination));
        }

        _buffer = destination;
        destination[0] = 0x00;
        destination[1] = 0x01;
        destination[2] = 0x00;
        destination[3] = 0x00;
        _pos = 0;
    }

    /// <summary>Total bytes written, header included.</summary>
    public readonly int Length => _pos + 4;

    /// <summary>Position relative to the byte after the header (the alignment origin).</summary>
    public readonly int Position => _pos;

    private Span<byte> Take(int size, int align)
    {
        int aligned = (_pos + align - 1) & ~(align - 1);
        int end = 4 + aligned + size;
        if (end > _buffer.Length)
        {
            throw new ArgumentException($"CDR destination too small: need at least {end} bytes, have {_buffer.Length}. Size it with GetSerializedSize.");
        }

        _buffer.Slice(4 + _pos, aligned - _pos).Clear();
        _pos = aligned + size;
        return _buffer.Slice(4 + aligned, size);
    }

    /// <summary>Writes a boolean as one byte (0 or 1).</summary>
    /// <param name="value">The value.</param>
    public void WriteBool(bool value) => Take(1, 1)[0] = value ? (byte)1 : (byte)0;

    /// <summary>Writes an unsigned byte.</summary>
    /// <param name="value">The value.</param>
    public void WriteByte(byte value) => Take(1, 1)[0] = value;

    /// <summary>Writes a signed byte.</summary>
    /// <param name="value">The value.</param>
    public void WriteSByte(sbyte value) => Take(1, 1)[0] = unchecked((byte)value);

    /// <summary>Writes an int16.</summary>
    /// <param name="value">The value.</param>
    public void WriteInt16(short value) => BinaryPrimitives.WriteInt16LittleEndian(Take(2, 2), value);

    /// <summary>Writes a uint16.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Take(2, 2), value);

    /// <summary>Writes an int32.</summary>
    /// <param name="value">The value.</param>
    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4, 4), value);

    /// <summary>Writes a uint32.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Take(4, 4), value);

    /// <summary>Writes an int64.</summary>
    /// <param name="value">The value.</param>
    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8, 8), value);

    /// <summary>Writes a uint64.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Take(8, 8), value);

    /// <summary>Writes a float32.</summary>
    /// <param name="value">The value.</param>
    public void WriteSingle(float value) => BinaryPrimitives.WriteSingleLittleEndian(Take(4, 4), value);

    /// <summary>Writes a float64.</summary>
    /// <param name="value">The value.</param>
    public void WriteDouble(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Take(8, 8), value);

    /// <summary>Writes a string: uint32 length (UTF-8 bytes + 1), the bytes, a NUL.</summary>
    /// <param name="value">The string (null is written as empty).</param>
    /// <param name="bound">Maximum UTF-8 length in bytes, 0 for unbounded.</param>
    public void WriteString(string? value, int bound)
    {
        value ??= string.Empty;
        // Encode straight into the buffer after the length slot; the length is written afterwards.
        Take(0, 4);
        int lengthAt = _pos;
        Take(4, 1);
        Span<byte> rest = _buffer.Slice(4 + _pos);
        if (!Encoding.UTF8.TryGetBytes(value, rest.Length > 0 ? rest.Slice(0, rest.Length - 1) : rest, out int n) || rest.Length == 0)
        {
            throw new ArgumentException($"CDR destination too small for a string of {Encoding.UTF8.GetByteCount(value)} bytes at offset {4 + _pos}. Size it with GetSerializedSize.");
        }

        if (bound > 0 && n > bound)
        {
            throw new ArgumentException($"string of {n} bytes exceeds its bound of {bound} bytes; shorten it.");
        }

        rest[n] = 0;
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.Slice(4 + lengthAt), (uint)(n + 1));
        _pos += n + 1;
    }

    /// <summary>Writes a wstring as rmw_cyclonedds does: uint32 length in UTF-16 code units, then the code units (no NUL).</summary>
    /// <param name="value">The string.</param>
    /// <param name="bound">Maximum length in code units, 0 for unbounded.</param>
    public void WriteWString(string? value, int bound)
    {
        value ??= string.Empty;
        if (bound > 0 && value.Length > bound)
        {
            throw new ArgumentException($"wstring of {value.Length} code units exceeds its bound of {bound}; shorten it.");
        }

        WriteUInt32((uint)value.Length);
        Span<byte> dst = Take(value.Length * 2, 2);
        for (int i = 0; i < value.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(dst.Slice(2 * i), value[i]);
        }
    }

    /// <summary>Writes a sequence length after checking the bound.</summary>
    /// <param name="length">Number of elements.</param>
    /// <param name="bound">Maximum number of elements, 0 for unbounded.</param>
    public void WriteSequenceLength(int length, int bound)
    {
        if (bound > 0 && length > bound)
        {
            throw new ArgumentException($"sequence of {length} elements exceeds its bound of {bound}; remove elements.");
        }

        WriteUInt32((uint)length);
    }

    /// <summary>Checks that a fixed-size array has exactly <paramref name="expected"/> elements.</summary>
    /// <param name="actual">Actual length.</param>
    /// <param name="expected">Declared length.</param>
    public static void CheckFixedLength(int actual, int expected)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"fixed-size array has {actual} elements but the type declares exactly {expected}; allocate new T[{expected}].");
        }
    }

    /// <summary>Writes primitive elements without a length prefix (aligned to the element size).</summary>
    /// <typeparam name="T">A primitive numeric type (or bool).</typeparam>
    /// <param name="values">The elements.</param>
    public void WritePrimitives<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (values.Length == 0)
        {
            return;
        }

        Span<byte> dst = Take(size * values.Length, size);
        ReadOnlySpan<byte> src = MemoryMarshal.AsBytes(values);
        if (BitConverter.IsLittleEndian || size == 1)
        {
            src.CopyTo(dst);
        }
        else
        {
            for (int i = 0; i < src.Length; i += size)
            {
                for (int b = 0; b < size; b++)
                {
                    dst[i + b] = src[i + size - 1 - b];
                }
            }
        }

        if (typeof(T) == typeof(bool))
        {
            for (int i = 0; i < dst.Length; i++)
            {
                dst[i] = dst[i] != 0 ? (byte)1 : (byte)0;
            }
        }
    }
}
