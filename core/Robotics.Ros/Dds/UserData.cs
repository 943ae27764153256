using System.Text;

namespace Robotics.Ros.Dds;

/// <summary>
/// The <c>key=value;</c> USER_DATA format of rmw (<c>rmw::impl::cpp::parse_key_value</c>): participants carry
/// <c>enclave=/;</c>, endpoints <c>typehash=RIHS01_…;</c> (Iron and later) and services <c>serviceid=…;</c> /
/// <c>clientid=…;</c>.
/// </summary>
public static class UserData
{
    /// <summary>Parses <paramref name="data"/> into key/value pairs; malformed entries (no '=') are skipped.</summary>
    /// <param name="data">The raw USER_DATA bytes (UTF-8).</param>
    /// <returns>The pairs, in order; a repeated key keeps its first value.</returns>
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> data)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        string text = Encoding.UTF8.GetString(data);
        foreach (string item in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                map.TryAdd(item.Substring(0, eq), item.Substring(eq + 1));
            }
        }

        return map;
    }

    /// <summary>The participant USER_DATA of rmw: <c>enclave=&lt;enclave&gt;;</c>.</summary>
    /// <param name="enclave">The security enclave, "/" by default.</param>
    /// <returns>The text.</returns>
    public static string ForParticipant(string enclave) => "enclave=" + enclave + ";";

    /// <summary>
    /// The endpoint USER_DATA of <c>create_readwrite_qos()</c>: <paramref name="extra"/> followed by
    /// <c>typehash=&lt;hash&gt;;</c> when a hash is given (<c>encode_type_hash_for_user_data_qos</c>).
    /// </summary>
    /// <param name="typeHash">RIHS01 hash, or null/empty for none (Humble).</param>
    /// <param name="extra">Text in front (e.g. <c>serviceid=…;</c>), or empty.</param>
    /// <returns>The text.</returns>
    public static string ForEndpoint(string? typeHash, string extra = "") =>
        string.IsNullOrEmpty(typeHash) ? extra : extra + "typehash=" + typeHash + ";";
}
