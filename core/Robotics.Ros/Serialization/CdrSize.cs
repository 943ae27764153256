using System.Text;

namespace Robotics.Ros.Serialization;

/// <summary>Size arithmetic for XCDR1 (positions are relative to the byte after the 4-byte header).</summary>
public static class CdrSize
{
    /// <summary>Advances <paramref name="pos"/> over one primitive of <paramref name="size"/> bytes (aligned to its size).</summary>
    /// <param name="pos">Current position.</param>
    /// <param name="size">1, 2, 4 or 8.</param>
    /// <returns>The position after the primitive.</returns>
    public static int Primitive(int pos, int size) => ((pos + size - 1) & ~(size - 1)) + size;

    /// <summary>Advances over <paramref name="count"/> primitives without a length prefix.</summary>
    /// <param name="pos">Current position.</param>
    /// <param name="size">Element size.</param>
    /// <param name="count">Number of elements.</param>
    /// <returns>The new position.</returns>
    public static int Primitives(int pos, int size, int count) => count == 0 ? pos : ((pos + size - 1) & ~(size - 1)) + size * count;

    /// <summary>Advances over a sequence of primitives (uint32 length then the elements).</summary>
    /// <param name="pos">Current position.</param>
    /// <param name="size">Element size.</param>
    /// <param name="count">Number of elements.</param>
    /// <returns>The new position.</returns>
    public static int PrimitiveSequence(int pos, int size, int count) => Primitives(Primitive(pos, 4), size, count);

    /// <summary>Advances over a string.</summary>
    /// <param name="pos">Current position.</param>
    /// <param name="value">The string.</param>
    /// <returns>The new position.</returns>
    public static int String(int pos, string? value) => Primitive(pos, 4) + Encoding.UTF8.GetByteCount(value ?? string.Empty) + 1;

    /// <summary>Advances over a wstring (uint32 length and UTF-16 code units).</summary>
    /// <param name="pos">Current position.</param>
    /// <param name="value">The string.</param>
    /// <returns>The new position.</returns>
    public static int WString(int pos, string? value) => Primitives(Primitive(pos, 4), 2, (value ?? string.Empty).Length);

    /// <summary>Advances over strings without a length prefix.</summary>
    /// <param name="pos">Current position.</param>
    /// <param name="values">The strings.</param>
    /// <returns>The new position.</returns>
    public static int Strings(int pos, string[] values)
    {
        foreach (string s in values)
        {
            pos = String(pos, s);
        }

        return pos;
    }
}
