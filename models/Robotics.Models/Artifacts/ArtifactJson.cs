using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Robotics.Models.Artifacts;

/// <summary>The one JSON dialect of artifacts: snake_case keys, indented, shortest round-trip numbers.</summary>
internal static class ArtifactJson
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        // Files, not HTML: keep units such as "m/s²" and YAML such as "a: <b> + c" readable instead of \uXXXX.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static byte[] Serialize(ModelMetadata metadata) => JsonSerializer.SerializeToUtf8Bytes(metadata, Options);

    /// <summary>SHA-256 of the metadata written with an empty <see cref="ModelMetadata.Sha256"/>.</summary>
    internal static string CanonicalHash(ModelMetadata metadata) => Hex(SHA256.HashData(Serialize(metadata with { Sha256 = "" })));

    internal static string Hex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);

    internal static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
