using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Robotics.Models.Snn;

/// <summary>Reads and writes <see cref="SnnArtifact"/> JSON files (snake_case names, indented).</summary>
public static class SnnArtifactFile
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Serialises to JSON text (doubles round-trip exactly).</summary>
    public static string ToJson(SnnArtifact artifact) => JsonSerializer.Serialize(artifact, s_json);

    /// <summary>Parses JSON text and checks the format and array sizes.</summary>
    /// <exception cref="InvalidDataException">The text is not a valid artifact; the message names the field.</exception>
    public static SnnArtifact FromJson(string json, string source = "<text>")
    {
        SnnArtifact? artifact;
        try
        {
            artifact = JsonSerializer.Deserialize<SnnArtifact>(json, s_json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a valid SNN artifact JSON ({e.Message}).", e);
        }

        if (artifact is null || artifact.Format != SnnArtifact.FormatName)
        {
            throw new InvalidDataException($"{source}: format is '{artifact?.Format}', expected '{SnnArtifact.FormatName}'; write it with `robotics train-snn`.");
        }

        if (artifact.Controller.Length == 0)
        {
            throw new InvalidDataException($"{source}: 'controller' has no populations.");
        }

        foreach (var p in artifact.Controller) Check(p, source);
        if (artifact.Baseline is { } b) Check(b, source);
        return artifact;
    }

    /// <summary>Writes <paramref name="artifact"/> to <paramref name="path"/> (creating the directory).</summary>
    public static void Save(SnnArtifact artifact, string path)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, ToJson(artifact) + "\n");
    }

    /// <summary>Reads an artifact file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid artifact.</exception>
    public static SnnArtifact Load(string path) => FromJson(File.ReadAllText(path), path);

    /// <summary>Lower-case hex SHA-256 of a UTF-8 text.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void Check(SnnPopulationArtifact p, string source)
    {
        int n = p.Neurons;
        if (n < 1 || p.Inputs < 1 || p.CurrentLeak.Length != n || p.VoltageLeak.Length != n || p.Threshold.Length != n
            || p.Bias.Length != n || p.OutputWeights.Length != n || p.InputWeights.Length != n * p.Inputs)
        {
            throw new InvalidDataException($"{source}: population '{p.Name}' declares {n} neurons x {p.Inputs} inputs but its arrays have other lengths.");
        }
    }
}
