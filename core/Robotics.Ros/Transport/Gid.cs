using System.Buffers.Binary;
using System.Globalization;

namespace Robotics.Ros.Transport;

/// <summary>
/// A DDS GUID as ROS uses it for graph identities (<c>rmw_gid_t</c>): a 12-byte participant prefix followed by a
/// 4-byte entity id (big-endian, e.g. <c>00 00 01 c1</c> for a participant).
/// </summary>
/// <remarks>
/// On the wire <c>rmw_dds_common/msg/Gid</c> is 24 bytes on Humble and 16 bytes on Iron and later;
/// <see cref="WriteTo"/> writes either form (the 24-byte form zero-padded), the constructor accepts either.
/// </remarks>
public readonly struct Gid : IEquatable<Gid>, IComparable<Gid>
{
    /// <summary>Size of a DDS GUID in bytes.</summary>
    public const int Size = 16;

    /// <summary>Entity id of a DDS participant.</summary>
    public const uint ParticipantEntityId = 0x000001c1;

    private readonly ulong _high;
    private readonly ulong _low;

    /// <summary>Creates a Gid from 16 bytes, or from the 24-byte Humble form (bytes 16..23 must then be zero padding, they are ignored).</summary>
    /// <exception cref="ArgumentException">Fewer than 16 bytes.</exception>
    public Gid(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Size)
        {
            throw new ArgumentException($"A Gid needs 16 bytes (or 24 on Humble); got {bytes.Length}.", nameof(bytes));
        }

        _high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _low = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
    }

    private Gid(ulong high, ulong low)
    {
        _high = high;
        _low = low;
    }

    /// <summary>The all-zero Gid (unknown).</summary>
    public static Gid Empty => default;

    /// <summary>True for the all-zero Gid.</summary>
    public bool IsEmpty => _high == 0 && _low == 0;

    /// <summary>The 4-byte entity id (big-endian value of bytes 12..15).</summary>
    public uint EntityId => (uint)_low;

    /// <summary>The Gid of the participant that owns this entity (same prefix, entity id <see cref="ParticipantEntityId"/>).</summary>
    public Gid Participant => new(_high, (_low & 0xffffffff00000000UL) | ParticipantEntityId);

    /// <summary>Builds a Gid from a 12-byte prefix and an entity id.</summary>
    /// <exception cref="ArgumentException">The prefix is not 12 bytes.</exception>
    public static Gid FromPrefix(ReadOnlySpan<byte> prefix, uint entityId)
    {
        if (prefix.Length != 12)
        {
            throw new ArgumentException($"A GUID prefix has 12 bytes; got {prefix.Length}.", nameof(prefix));
        }

        Span<byte> b = stackalloc byte[Size];
        prefix.CopyTo(b);
        BinaryPrimitives.WriteUInt32BigEndian(b[12..], entityId);
        return new Gid(b);
    }

    /// <summary>Returns the same prefix with another entity id.</summary>
    public Gid WithEntityId(uint entityId) => new(_high, (_low & 0xffffffff00000000UL) | entityId);

    /// <summary>Writes the Gid in the 16-byte or the 24-byte (zero-padded, Humble) form.</summary>
    /// <param name="destination">At least <paramref name="size"/> bytes.</param>
    /// <param name="size">16 or 24.</param>
    /// <exception cref="ArgumentException">Size other than 16 or 24, or destination too small.</exception>
    public void WriteTo(Span<byte> destination, int size)
    {
        if (size != 16 && size != 24)
        {
            throw new ArgumentException($"Gid size {size} is not supported; use 16 (Iron and later) or 24 (Humble).", nameof(size));
        }

        if (destination.Length < size)
        {
            throw new ArgumentException($"Destination has {destination.Length} bytes; the Gid needs {size}.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _low);
        destination[Size..size].Clear();
    }

    /// <summary>The 16 bytes as a new array.</summary>
    public byte[] ToArray()
    {
        byte[] b = new byte[Size];
        WriteTo(b, Size);
        return b;
    }

    /// <summary>32 lower-case hex digits without separators.</summary>
    public string ToHex() => _high.ToString("x16", CultureInfo.InvariantCulture) + _low.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Parses 32 hex digits, optionally separated by '.' or ':' (the <see cref="ToString"/> form).</summary>
    public static bool TryParse(string text, out Gid gid)
    {
        gid = default;
        string hex = text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(":", string.Empty, StringComparison.Ordinal);
        if (hex.Length != 32 && hex.Length != 48)
        {
            return false;
        }

        try
        {
            gid = new Gid(Convert.FromHexString(hex));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Dotted hex bytes as <c>ros2 topic info -v</c> prints them, e.g. <c>01.10.8a.8f.…​.00.00.01.c1</c>.</summary>
    public override string ToString()
    {
        string hex = ToHex();
        var chars = new char[(Size * 3) - 1];
        for (int i = 0, j = 0; i < Size; i++)
        {
            if (i > 0)
            {
                chars[j++] = '.';
            }

            chars[j++] = hex[2 * i];
            chars[j++] = hex[(2 * i) + 1];
        }

        return new string(chars);
    }

    /// <inheritdoc/>
    public bool Equals(Gid other) => _high == other._high && _low == other._low;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Gid g && Equals(g);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_high, _low);

    /// <inheritdoc/>
    public int CompareTo(Gid other) => _high != other._high ? _high.CompareTo(other._high) : _low.CompareTo(other._low);

    /// <summary>Equality.</summary>
    public static bool operator ==(Gid left, Gid right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Gid left, Gid right) => !left.Equals(right);

    /// <summary>Ordering (by bytes).</summary>
    public static bool operator <(Gid left, Gid right) => left.CompareTo(right) < 0;

    /// <summary>Ordering (by bytes).</summary>
    public static bool operator >(Gid left, Gid right) => left.CompareTo(right) > 0;

    /// <summary>Ordering (by bytes).</summary>
    public static bool operator <=(Gid left, Gid right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering (by bytes).</summary>
    public static bool operator >=(Gid left, Gid right) => left.CompareTo(right) >= 0;
}
