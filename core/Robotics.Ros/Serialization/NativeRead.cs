using System.Text;
using Robotics.Ros.Messages;

namespace Robotics.Ros.Serialization;

/// <summary>Helpers for generated code that reads native C samples (strings, bounded strings, sequences).</summary>
internal static unsafe class NativeRead
{
    public static CdrStatus String(byte* charPtr, ref string value, int bound)
    {
        if (charPtr == null)
        {
            value = string.Empty;
            return CdrStatus.Ok;
        }

        var span = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpanFromNullTerminated(charPtr);
        return Decode(span, ref value, bound);
    }

    public static CdrStatus BoundedString(byte* inline, int capacity, ref string value, int bound)
    {
        var span = new ReadOnlySpan<byte>(inline, capacity);
        int nul = span.IndexOf((byte)0);
        return nul < 0 ? CdrStatus.InvalidString : Decode(span.Slice(0, nul), ref value, bound);
    }

    public static void WriteBoundedString(byte* inline, int bound, string? value)
    {
        value ??= string.Empty;
        int n = Encoding.UTF8.GetByteCount(value);
        if (n > bound)
        {
            throw new ArgumentException($"string of {n} bytes exceeds its bound of {bound} bytes; shorten it.");
        }

        Encoding.UTF8.GetBytes(value, new Span<byte>(inline, n));
        inline[n] = 0;
    }

    public static int SequenceLength(byte* seq) => (int)*(uint*)(seq + 4);

    public static byte* SequenceBuffer(byte* seq) => *(byte**)(seq + 8);

    private static CdrStatus Decode(ReadOnlySpan<byte> utf8, ref string value, int bound)
    {
        if (bound > 0 && utf8.Length > bound)
        {
            return CdrStatus.BoundExceeded;
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return CdrStatus.InvalidString;
        }

        value = utf8.Length == 0 ? string.Empty : Encoding.UTF8.GetString(utf8);
        return CdrStatus.Ok;
    }
}
