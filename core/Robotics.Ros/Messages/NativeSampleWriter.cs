using System.Runtime.InteropServices;
using System.Text;

namespace Robotics.Ros.Messages;

/// <summary>
/// A reusable native buffer holding one C sample in the layout a <see cref="DdsTopicDescriptor"/> describes, plus a
/// native arena for the strings (<c>char*</c>) and sequence buffers (<c>dds_sequence_t {uint32 _maximum, _length;
/// T* _buffer; bool _release}</c>) the sample points to. Call <see cref="Reset"/> between samples; the arena memory
/// is reused, so a steady stream of samples allocates nothing once the arena has grown to the largest sample.
/// Not thread-safe. Memory is freed on <see cref="Dispose"/>.
/// </summary>
public sealed unsafe class NativeSampleWriter : IDisposable
{
    private const int MinBlock = 4096;
    private byte* _sample;
    private int _sampleSize;
    private byte* _arena;
    private int _arenaSize;
    private int _arenaUsed;
    private readonly List<nint> _overflow = new();
    private int _overflowBytes;

    /// <summary>Creates a writer with a zeroed sample buffer of <paramref name="sampleSize"/> bytes.</summary>
    /// <param name="sampleSize">Native sample size, usually <see cref="MessageTypeSupport.NativeSize"/>.</param>
    /// <param name="initialArenaBytes">Initial arena capacity for strings and sequences.</param>
    public NativeSampleWriter(int sampleSize, int initialArenaBytes = MinBlock)
    {
        if (sampleSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, "sampleSize must be >= 0.");
        }

        _sampleSize = sampleSize;
        _sample = (byte*)NativeMemory.AlignedAlloc((nuint)Math.Max(sampleSize, 8), 16);
        NativeMemory.Clear(_sample, (nuint)Math.Max(sampleSize, 8));
        _arenaSize = Math.Max(initialArenaBytes, 64);
        _arena = (byte*)NativeMemory.AlignedAlloc((nuint)_arenaSize, 16);
    }

    /// <summary>Pointer to the sample buffer (pass to <c>dds_write</c>).</summary>
    public nint Sample
    {
        get
        {
            ObjectDisposedException.ThrowIf(_sample == null, this);
            return (nint)_sample;
        }
    }

    /// <summary>Pointer to the sample buffer as a byte pointer.</summary>
    public byte* SamplePointer => _sample;

    /// <summary>Size of the sample buffer in bytes.</summary>
    public int SampleSize => _sampleSize;

    /// <summary>The sample buffer as a span (for tests and inspection).</summary>
    public Span<byte> SampleSpan => new(_sample, _sampleSize);

    /// <summary>Bytes of arena used by the current sample.</summary>
    public int ArenaUsed => _arenaUsed + _overflowBytes;

    /// <summary>Zeroes the sample and releases the arena for reuse (merging grown blocks into one).</summary>
    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_sample == null, this);
        NativeMemory.Clear(_sample, (nuint)Math.Max(_sampleSize, 8));
        if (_overflow.Count > 0)
        {
            int needed = _arenaSize + _overflowBytes;
            foreach (nint p in _overflow)
            {
                NativeMemory.AlignedFree((void*)p);
            }

            _overflow.Clear();
            _overflowBytes = 0;
            NativeMemory.AlignedFree(_arena);
            _arenaSize = needed;
            _arena = (byte*)NativeMemory.AlignedAlloc((nuint)_arenaSize, 16);
        }

        _arenaUsed = 0;
    }

    /// <summary>Resizes the sample buffer (zeroed) for a different type; also resets the arena.</summary>
    /// <param name="sampleSize">New sample size in bytes.</param>
    public void EnsureSampleSize(int sampleSize)
    {
        if (sampleSize > _sampleSize)
        {
            NativeMemory.AlignedFree(_sample);
            _sample = (byte*)NativeMemory.AlignedAlloc((nuint)Math.Max(sampleSize, 8), 16);
        }

        _sampleSize = Math.Max(sampleSize, _sampleSize);
        Reset();
    }

    /// <summary>Allocates <paramref name="size"/> zeroed bytes from the arena, aligned to 8.</summary>
    /// <param name="size">Bytes to allocate.</param>
    /// <returns>Pointer valid until <see cref="Reset"/> or <see cref="Dispose"/>.</returns>
    public byte* Allocate(int size)
    {
        int aligned = (size + 7) & ~7;
        if (_arenaUsed + aligned <= _arenaSize)
        {
            byte* p = _arena + _arenaUsed;
            _arenaUsed += aligned;
            NativeMemory.Clear(p, (nuint)aligned);
            return p;
        }

        byte* block = (byte*)NativeMemory.AlignedAlloc((nuint)Math.Max(aligned, 8), 16);
        NativeMemory.Clear(block, (nuint)Math.Max(aligned, 8));
        _overflow.Add((nint)block);
        _overflowBytes += Math.Max(aligned, MinBlock);
        return block;
    }

    /// <summary>Copies <paramref name="value"/> as NUL-terminated UTF-8 into the arena.</summary>
    /// <param name="value">The string (null is written as empty).</param>
    /// <returns>The <c>char*</c>.</returns>
    public byte* WriteString(string? value)
    {
        value ??= string.Empty;
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        int exact = max <= 256 ? -1 : Encoding.UTF8.GetByteCount(value);
        byte* p = Allocate((exact >= 0 ? exact : max) + 1);
        int n = Encoding.UTF8.GetBytes(value, new Span<byte>(p, exact >= 0 ? exact : max));
        p[n] = 0;
        return p;
    }

    /// <summary>Copies <paramref name="value"/> as NUL-terminated UTF-16 (<c>wchar_t</c> is not used: Cyclone's wstring is uint16).</summary>
    /// <param name="value">The string.</param>
    /// <returns>Pointer to the UTF-16 code units.</returns>
    public byte* WriteWString(string? value)
    {
        value ??= string.Empty;
        byte* p = Allocate((value.Length + 1) * 2);
        value.AsSpan().CopyTo(new Span<char>(p, value.Length));
        ((char*)p)[value.Length] = '\0';
        return p;
    }

    /// <summary>
    /// Writes a <c>dds_sequence_t</c> at <paramref name="at"/> with a fresh zeroed buffer of
    /// <paramref name="count"/> elements of <paramref name="elementSize"/> bytes and returns the buffer.
    /// </summary>
    /// <param name="at">Address of the <c>dds_sequence_t</c> inside the sample.</param>
    /// <param name="count">Number of elements.</param>
    /// <param name="elementSize">Native element size.</param>
    /// <returns>The element buffer (null when <paramref name="count"/> is 0).</returns>
    public byte* WriteSequence(byte* at, int count, int elementSize)
    {
        byte* buffer = count == 0 ? null : Allocate(count * elementSize);
        *(uint*)at = (uint)count;
        *(uint*)(at + 4) = (uint)count;
        *(byte**)(at + 8) = buffer;
        at[16] = 0;
        return buffer;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_sample == null)
        {
            return;
        }

        NativeMemory.AlignedFree(_sample);
        NativeMemory.AlignedFree(_arena);
        foreach (nint p in _overflow)
        {
            NativeMemory.AlignedFree((void*)p);
        }

        _overflow.Clear();
        _sample = null;
        _arena = null;
    }
}
