namespace Robotics.Ros.Recording;

/// <summary>CRC-32 (ISO-HDLC / zlib: reflected polynomial 0xEDB88320, init and final xor 0xFFFFFFFF), as MCAP uses.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = CreateTable();

    /// <summary>The running value to start with.</summary>
    public const uint Initial = 0xFFFFFFFFu;

    /// <summary>Feeds <paramref name="data"/> into a running (not yet finalised) CRC.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        uint[] table = Table;
        foreach (byte b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    /// <summary>Finalises a running CRC.</summary>
    public static uint Finish(uint crc) => crc ^ 0xFFFFFFFFu;

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Update(Initial, data));

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
