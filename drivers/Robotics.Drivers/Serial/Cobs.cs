namespace Robotics.Drivers.Serial;

/// <summary>
/// Consistent Overhead Byte Stuffing: removes every 0x00 from a block so 0x00 can delimit frames.
/// Overhead is one byte per started 254 bytes. Span-based and allocation-free.
/// </summary>
public static class Cobs
{
    /// <summary>The largest encoded size of <paramref name="sourceLength"/> bytes (without the delimiter).</summary>
    public static int MaxEncodedLength(int sourceLength) => sourceLength + sourceLength / 254 + 1;

    /// <summary>Encodes <paramref name="source"/> into <paramref name="destination"/>; returns the encoded length.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="MaxEncodedLength"/>.</exception>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < MaxEncodedLength(source.Length))
        {
            throw new ArgumentException($"COBS destination has {destination.Length} bytes; {MaxEncodedLength(source.Length)} are needed for {source.Length} source bytes.", nameof(destination));
        }

        int codeIndex = 0;
        int write = 1;
        byte code = 1;
        for (int i = 0; i < source.Length; i++)
        {
            byte b = source[i];
            if (b == 0)
            {
                destination[codeIndex] = code;
                codeIndex = write++;
                code = 1;
                continue;
            }

            destination[write++] = b;
            code++;
            if (code == 0xFF)
            {
                destination[codeIndex] = code;
                if (i == source.Length - 1) return write; // canonical COBS: no trailing code after a final full block
                codeIndex = write++;
                code = 1;
            }
        }

        destination[codeIndex] = code;
        return write;
    }

    /// <summary>
    /// Decodes one encoded block (without its 0x00 delimiter). Returns the decoded length, or -1 when the
    /// block is not valid COBS (a zero byte inside, a code running past the end) or does not fit.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int read = 0;
        int write = 0;
        while (read < source.Length)
        {
            byte code = source[read++];
            if (code == 0) return -1;
            int count = code - 1;
            if (read + count > source.Length || write + count > destination.Length) return -1;
            for (int i = 0; i < count; i++)
            {
                byte b = source[read++];
                if (b == 0) return -1;
                destination[write++] = b;
            }

            if (code != 0xFF && read < source.Length)
            {
                if (write >= destination.Length) return -1;
                destination[write++] = 0;
            }
        }

        return write;
    }
}
