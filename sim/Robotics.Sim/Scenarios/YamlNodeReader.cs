using System.Globalization;
using Robotics.Core.Parameters;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Robotics.Sim.Scenarios;

/// <summary>
/// Hand mapping of YamlDotNet representation nodes with positioned, fix-suggesting errors. Every failure
/// is a <see cref="ScenarioException"/> pointing at the node's start mark.
/// </summary>
internal sealed class YamlNodeReader
{
    public YamlNodeReader(string sourceName) => SourceName = sourceName;

    public string SourceName { get; }

    public ScenarioException Error(YamlNode node, string path, string expected, string found, string fix, Exception? inner = null) =>
        new(SourceName, (int)node.Start.Line, (int)node.Start.Column, path, expected, found, fix, inner);

    public ScenarioException Error(Mark mark, string path, string expected, string found, string fix, Exception? inner = null) =>
        new(SourceName, (int)mark.Line, (int)mark.Column, path, expected, found, fix, inner);

    /// <summary>The message of an <see cref="ArgumentException"/> without the "(Parameter 'x')" suffix the runtime appends.</summary>
    public static string MessageOf(Exception e)
    {
        string message = e.Message;
        if (e is ArgumentException { ParamName: { } name })
        {
            string suffix = $" (Parameter '{name}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal)) message = message[..^suffix.Length];
        }

        return message;
    }

    /// <summary>A short description of a node for "found ..." texts.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s when IsNull(s) => "an empty value",
        YamlScalarNode s when s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => $"the string \"{s.Value}\"",
        YamlScalarNode s when TryNumber(s, out _) => s.Value!,
        YamlScalarNode s => $"\"{s.Value}\"",
        YamlSequenceNode q => $"a sequence of {q.Children.Count} items",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };

    public static bool IsNull(YamlScalarNode s) =>
        s.Style == ScalarStyle.Plain && (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");

    public static bool TryNumber(YamlScalarNode s, out double value)
    {
        value = 0;
        if (s.Style != ScalarStyle.Plain || string.IsNullOrEmpty(s.Value)) return false;
        return double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    public YamlMappingNode Mapping(YamlNode node, string path, string fix)
    {
        if (node is YamlMappingNode m) return m;
        throw Error(node, path, "a mapping (key: value lines)", Describe(node), fix);
    }

    public YamlSequenceNode Sequence(YamlNode node, string path, string what, string fix)
    {
        if (node is YamlSequenceNode q) return q;
        throw Error(node, path, $"a sequence of {what}", Describe(node), fix);
    }

    /// <summary>Checks that every key is a known scalar; reports unknown keys with the allowed list and the closest match.</summary>
    public void CheckKeys(YamlMappingNode map, string path, IReadOnlyList<string> allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode s || s.Value is null)
            {
                throw Error(key, path, "a plain field name", Describe(key), "Use simple names as keys");
            }

            if (!allowed.Contains(s.Value, StringComparer.Ordinal))
            {
                throw UnknownName(key, Join(path, s.Value), "a known field", s.Value, allowed, "field");
            }
        }
    }

    public ScenarioException UnknownName(YamlNode at, string path, string expected, string found, IReadOnlyList<string> allowed, string noun)
    {
        string? closest = Closest(found, allowed);
        string list = allowed.Count == 0 ? "(none)" : string.Join(", ", allowed);
        string fix = closest is null
            ? $"Allowed {noun}s: {list}"
            : $"Did you mean '{closest}'? Allowed {noun}s: {list}";
        return Error(at, path, expected, $"'{found}'", fix);
    }

    public YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public YamlNode Required(YamlMappingNode map, string path, string key, string what, string example)
    {
        var node = Optional(map, key);
        if (node is null)
        {
            throw Error(map, Join(path, key), $"a required field '{key}' ({what})", "no such field in this mapping",
                $"Add '{key}:' here, e.g. {example}");
        }

        return node;
    }

    public string String(YamlNode node, string path, string fix)
    {
        if (node is YamlScalarNode s && !IsNull(s) && s.Value is { } v) return v;
        throw Error(node, path, "a text value", Describe(node), fix);
    }

    public double Number(YamlNode node, string path, Func<double, bool> isValid, string expected, string fix)
    {
        if (node is YamlScalarNode s && TryNumber(s, out double v) && isValid(v)) return v;
        throw Error(node, path, expected, Describe(node), fix);
    }

    public long Integer(YamlNode node, string path, long minimum, long maximum, string expected, string fix)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain } s
            && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v)
            && v >= minimum && v <= maximum)
        {
            return v;
        }

        throw Error(node, path, expected, Describe(node), fix);
    }

    public bool Bool(YamlNode node, string path, string fix)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "True" or "TRUE" }) return true;
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" or "False" or "FALSE" }) return false;
        throw Error(node, path, "true or false", Describe(node), fix);
    }

    /// <summary>A sequence of numbers; <paramref name="length"/> (when given) is checked, with the reason in <paramref name="lengthWhy"/>.</summary>
    public double[] Numbers(YamlNode node, string path, int? length, string lengthWhy, Func<double, bool> isValid, string elementExpected, string fix)
    {
        string expectedAll = length is { } n ? $"a sequence of {n} numbers ({lengthWhy})" : "a sequence of numbers";
        if (node is not YamlSequenceNode q)
        {
            throw Error(node, path, expectedAll, Describe(node), fix);
        }

        if (length is { } len && q.Children.Count != len)
        {
            throw Error(node, path, expectedAll, q.Children.Count == 1 ? "1 number" : $"{q.Children.Count} numbers", fix);
        }

        var values = new double[q.Children.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Number(q.Children[i], $"{path}[{i}]", isValid, elementExpected, fix);
        }

        return values;
    }

    /// <summary>Reads a <c>parameters:</c> mapping into a fresh <see cref="ParameterSet"/>, validating through the descriptors.</summary>
    public ParameterSet Parameters(YamlNode? node, string path, IReadOnlyList<ParameterDescriptor> descriptors, string ownerType)
    {
        var set = new ParameterSet(descriptors);
        if (node is null || node is YamlScalarNode s && IsNull(s)) return set;
        var map = Mapping(node, path, $"Give the {ownerType} parameters as a mapping, e.g. {{ {ExampleOf(descriptors)} }}");
        var names = descriptors.Select(d => d.Name).ToArray();
        foreach (var (keyNode, valueNode) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                throw Error(keyNode, path, "a parameter name", Describe(keyNode), "Use simple names as keys");
            }

            string p = Join(path, key);
            var d = descriptors.FirstOrDefault(x => x.Name == key);
            if (d is null)
            {
                throw UnknownName(keyNode, p, $"a parameter of {ownerType}", key, names, "parameter");
            }

            var value = ToParameterValue(valueNode, p, d);
            var check = set.TrySet(key, value);
            if (!check.IsValid)
            {
                throw Error(valueNode, p, ExpectedFor(d), Describe(valueNode), Capitalize(check.Message));
            }
        }

        return set;
    }

    private ParameterValue ToParameterValue(YamlNode node, string path, ParameterDescriptor d)
    {
        string fix = $"Set {d.Name} to {ExpectedFor(d)}{(d.Description.Length > 0 ? $" ({d.Description})" : "")}; default {d.DefaultValue}";
        switch (d.Type)
        {
            case ParameterType.Double:
                if (node is YamlScalarNode ds && TryNumber(ds, out double x)) return ParameterValue.FromDouble(x);
                break;
            case ParameterType.Integer:
                if (node is YamlScalarNode { Style: ScalarStyle.Plain } i
                    && long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
                {
                    return ParameterValue.FromInteger(n);
                }

                break;
            case ParameterType.Bool:
                return ParameterValue.FromBool(Bool(node, path, fix));
            case ParameterType.String:
                return ParameterValue.FromString(String(node, path, fix));
            case ParameterType.DoubleArray:
                if (node is YamlSequenceNode q)
                {
                    var values = new double[q.Children.Count];
                    for (int k = 0; k < values.Length; k++)
                    {
                        if (q.Children[k] is YamlScalarNode e && TryNumber(e, out double v))
                        {
                            values[k] = v;
                        }
                        else
                        {
                            throw Error(q.Children[k], $"{path}[{k}]", "a number", Describe(q.Children[k]), fix);
                        }
                    }

                    return ParameterValue.FromDoubleArray(values);
                }

                break;
        }

        throw Error(node, path, ExpectedFor(d), Describe(node), fix);
    }

    /// <summary>"a number in [0, 10] kg", "a sequence of 4 numbers >= 0", ...</summary>
    public static string ExpectedFor(ParameterDescriptor d)
    {
        string range = d.RangeText();
        string suffix = range.Length > 0 ? " in " + range : d.Unit.Length > 0 ? $" ({d.Unit})" : "";
        return d.Type switch
        {
            ParameterType.Double => "a number" + suffix,
            ParameterType.Integer => "an integer" + suffix,
            ParameterType.Bool => "true or false",
            ParameterType.String => "a text value",
            ParameterType.DoubleArray => (d.ArrayLength is { } n ? $"a sequence of {n} numbers" : "a sequence of numbers")
                + (range.Length > 0 ? ", each in " + range : suffix),
            _ => "a value",
        };
    }

    private static string ExampleOf(IReadOnlyList<ParameterDescriptor> descriptors) =>
        descriptors.Count == 0 ? "" : string.Join(", ", descriptors.Take(2).Select(d => $"{d.Name}: {d.DefaultValue}"));

    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>The allowed name closest to <paramref name="name"/> by edit distance, if close enough to be a likely typo.</summary>
    public static string? Closest(string name, IEnumerable<string> allowed)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in allowed)
        {
            int d = EditDistance(name, candidate);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        int threshold = Math.Max(2, name.Length / 3);
        if (bestDistance <= threshold) return best;

        // A truncated or extended name (e.g. 'mass_spring' for 'mass_spring_damper') is also a likely slip.
        if (name.Length >= 3)
        {
            foreach (var candidate in allowed)
            {
                if (candidate.Contains(name, StringComparison.Ordinal) || name.Contains(candidate, StringComparison.Ordinal)) return candidate;
            }
        }

        return null;
    }

    /// <summary>Levenshtein distance (insert, delete, substitute, each cost 1).</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
