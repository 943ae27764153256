using System.Text.Json.Nodes;

namespace Robotics.Control.Tuning;

/// <summary>
/// The JSON schema of a valid reply, generated from the whitelisted parameters' descriptors: each a number with its
/// range and meaning, no other keys. Servers that support structured output can enforce it; the validator enforces it
/// either way.
/// </summary>
public static class TuningSchema
{
    /// <summary>Builds the schema.</summary>
    /// <param name="policy">The whitelist.</param>
    /// <returns>The schema as a JSON object.</returns>
    public static JsonObject Build(TuningPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var properties = new JsonObject();
        foreach (var t in policy.Tunable)
        {
            var d = policy.Parameters.GetDescriptor(t.Name);
            var p = new JsonObject
            {
                ["type"] = d.Type == Core.Parameters.ParameterType.Integer ? "integer" : "number",
                ["description"] = string.IsNullOrEmpty(d.Unit) ? d.Description : $"{d.Description} [{d.Unit}]",
            };
            if (d.Minimum is { } min)
            {
                p["minimum"] = min;
            }

            if (d.Maximum is { } max)
            {
                p["maximum"] = max;
            }

            properties[t.Name] = p;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["parameters"] = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false },
                ["rationale"] = new JsonObject { ["type"] = "string", ["description"] = "One or two sentences: why these values." },
            },
            ["required"] = new JsonArray("parameters", "rationale"),
            ["additionalProperties"] = false,
        };
    }
}
