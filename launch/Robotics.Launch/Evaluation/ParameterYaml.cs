using System.Globalization;
using System.Text;
using Robotics.Launch.Expressions;

namespace Robotics.Launch.Evaluation;

/// <summary>
/// Inline <c>&lt;param&gt;</c> values as ros2 launch types them (<c>"1"</c> int, <c>"1.0"</c> float, <c>"true"</c> bool,
/// <c>"'1'"</c> string, lists with <c>value-sep</c>) and the ROS 2 parameters YAML written for them.
/// </summary>
internal static class ParameterYaml
{
    /// <summary>Types a scalar as the launch frontend does.</summary>
    public static object Infer(string text)
    {
        string t = text.Trim();
        if (t.Length >= 2 && ((t[0] == '\'' && t[^1] == '\'') || (t[0] == '"' && t[^1] == '"'))) return t[1..^1];
        if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)) return l;
        if (t.Length > 0 && (char.IsAsciiDigit(t[0]) || t[0] is '-' or '+' or '.')
            && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return d;
        if (t.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
        if (t.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
        return text;
    }

    /// <summary>Converts a value to an explicit <c>type</c> (<c>str</c>, <c>int</c>, <c>float</c>, <c>bool</c>).</summary>
    public static object Convert(string text, string type) => type switch
    {
        "str" => text,
        "int" => long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) ? l
            : throw new FormatException($"'{text}' is not an int."),
        "float" => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d
            : throw new FormatException($"'{text}' is not a float."),
        "bool" => text.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw new FormatException($"'{text}' is not a bool (true/false)."),
        },
        _ => throw new FormatException($"type '{type}' is not supported; use str, int, float or bool."),
    };

    /// <summary>Writes <c>key: ros__parameters: …</c>.</summary>
    public static string Write(string nodeKey, IReadOnlyList<KeyValuePair<string, object>> parameters)
    {
        var sb = new StringBuilder();
        sb.Append(nodeKey).Append(":\n  ros__parameters:\n");
        WriteMap(sb, parameters, 4);
        return sb.ToString();
    }

    private static void WriteMap(StringBuilder sb, IReadOnlyList<KeyValuePair<string, object>> map, int indent)
    {
        if (map.Count == 0)
        {
            sb.Append(' ', indent).Append("{}\n");
            return;
        }

        foreach (var (key, value) in map)
        {
            sb.Append(' ', indent).Append(key).Append(':');
            if (value is IReadOnlyList<KeyValuePair<string, object>> nested)
            {
                sb.Append('\n');
                WriteMap(sb, nested, indent + 2);
            }
            else
            {
                sb.Append(' ').Append(Scalar(value)).Append('\n');
            }
        }
    }

    /// <summary>One YAML scalar or flow list.</summary>
    public static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Float(d),
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        IReadOnlyList<object> list => "[" + string.Join(", ", list.Select(Scalar)) + "]",
        _ => throw new ArgumentException($"unsupported parameter value {value}", nameof(value)),
    };

    private static string Float(double d)
    {
        if (double.IsNaN(d)) return ".nan";
        if (double.IsPositiveInfinity(d)) return ".inf";
        if (double.IsNegativeInfinity(d)) return "-.inf";
        string s = EvalExpression.FormatFloat(d);
        int e = s.IndexOf('e', StringComparison.Ordinal);
        if (e >= 0 && s.IndexOf('.', StringComparison.Ordinal) < 0) s = s[..e] + ".0" + s[e..];
        return s;
    }
}
