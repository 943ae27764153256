using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Tests.Dds;

/// <summary>Gid formatting as the interop peers print it.</summary>
internal static class TransportTestExtensions
{
    /// <summary>Hex of a Gid in its 16-byte form, or padded with zeros to <paramref name="size"/> bytes.</summary>
    public static string Hex(this Gid gid, int size = 16)
    {
        var bytes = new byte[size];
        gid.WriteTo(bytes, size);
        return Convert.ToHexStringLower(bytes);
    }
}
