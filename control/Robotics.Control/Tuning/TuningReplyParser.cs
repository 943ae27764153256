using System.Text.Json;
using System.Globalization;

namespace Robotics.Control.Tuning;

/// <summary>
/// Reads a language model's reply into a <see cref="TuningProposal"/>, tolerating prose around the JSON object but
/// nothing inside it: the first balanced <c>{…}</c> must be JSON (or the paper's Python-dict form with single quotes),
/// either <c>{"parameters": {...}, "rationale": "..."}</c> or a bare <c>{"name": value}</c> map.
/// </summary>
public static class TuningReplyParser
{
    /// <summary>Replies longer than this are refused unread (a runaway or hostile model).</summary>
    public const int MaxReplyLength = 16 * 1024;

    /// <summary>Parses a reply.</summary>
    /// <param name="reply">The model's text.</param>
    /// <param name="proposal">The proposal, when the reply could be read.</param>
    /// <param name="error">Why it could not be read, otherwise empty.</param>
    /// <returns>True when a proposal was read.</returns>
    public static bool TryParse(string? reply, out TuningProposal? proposal, out string error)
    {
        proposal = null;
        if (string.IsNullOrWhiteSpace(reply))
        {
            error = "the reply is empty";
            return false;
        }

        if (reply.Length > MaxReplyLength)
        {
            error = $"the reply is {reply.Length} characters, more than the {MaxReplyLength} allowed; refused unread";
            return false;
        }

        string? json = FirstObject(reply);
        if (json is null)
        {
            error = "the reply holds no JSON object ({...})";
            return false;
        }

        using JsonDocument? document = ParseLenient(json, out string parseError);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            error = $"the reply's object is not valid JSON: {parseError}";
            return false;
        }

        // JsonDocument keeps duplicate keys (JsonObject would throw on them), so the validator can name them.
        JsonElement values = document.RootElement;
        string rationale = "";
        if (values.TryGetProperty("parameters", out JsonElement inner) && inner.ValueKind == JsonValueKind.Object)
        {
            if (values.TryGetProperty("rationale", out JsonElement r) && r.ValueKind == JsonValueKind.String)
            {
                rationale = r.GetString() ?? "";
            }

            values = inner;
        }

        var list = new List<KeyValuePair<string, double>>();
        foreach (JsonProperty property in values.EnumerateObject())
        {
            double number = double.NaN;
            if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out double d))
            {
                number = d;
            }
            else if (property.Value.ValueKind == JsonValueKind.String &&
                     double.TryParse(property.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
            {
                number = parsed;
            }

            list.Add(KeyValuePair.Create(property.Name, double.IsFinite(number) ? number : double.NaN));
        }

        proposal = new TuningProposal(list, rationale);
        error = "";
        return true;
    }

    private static JsonDocument? ParseLenient(string json, out string error)
    {
        try
        {
            error = "";
            return JsonDocument.Parse(json);
        }
        catch (JsonException first)
        {
            try
            {
                // The paper's format: a Python dict literal with single quotes.
                error = "";
                return JsonDocument.Parse(json.Replace('\'', '"'));
            }
            catch (JsonException)
            {
                error = first.Message;
                return null;
            }
        }
    }

    private static string? FirstObject(string text)
    {
        int start = text.IndexOf('{');
        while (start >= 0)
        {
            int depth = 0;
            bool inString = false;
            char quote = '"';
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (inString)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == quote)
                    {
                        inString = false;
                    }

                    continue;
                }

                if (c is '"' or '\'')
                {
                    inString = true;
                    quote = c;
                }
                else if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && --depth == 0)
                {
                    return text[start..(i + 1)];
                }
            }

            start = text.IndexOf('{', start + 1);
        }

        return null;
    }
}
