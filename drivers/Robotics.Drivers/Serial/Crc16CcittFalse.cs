namespace Robotics.Drivers.Serial;

/// <summary>
/// CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR.
/// Check value: CRC("123456789") = 0x29B1. Table-driven, allocation-free.
/// </summary>
public static class Crc16CcittFalse
{
    private static readonly ushort[] Table = BuildTable();

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Update(0xFFFF, data);

    /// <summary>Continues a CRC over more bytes (start with 0xFFFF).</summary>
    public static ushort Update(ushort crc, ReadOnlySpan<byte> data)
    {
        ushort[] table = Table;
        foreach (byte b in data)
        {
            crc = (ushort)((crc << 8) ^ table[((crc >> 8) ^ b) & 0xFF]);
        }

        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            ushort crc = (ushort)(i << 8);
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
