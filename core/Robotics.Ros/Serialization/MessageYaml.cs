using System.Globalization;
using System.Text;
using Robotics.Ros.Messages;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Robotics.Ros.Serialization;

/// <summary>
/// Converts messages to and from YAML in ros2cli's format: <see cref="Write(IRosMessage, int?, bool)"/> prints what
/// <c>ros2 topic echo</c> prints for a message (block style, fields in .msg order, Python float spelling, PyYAML
/// quoting; without the <c>---</c> separator), and <see cref="TryParse"/> reads the message syntax of
/// <c>ros2 topic pub</c> (flow <c>"{linear: {x: 1.0}}"</c> or block YAML; fields not given keep their defaults).
/// <c>byte</c> values are written as the one-character string chr(value), as ros2cli does with rclpy's bytes;
/// <c>char</c> and <c>uint8</c> as integers. Strings follow PyYAML's quoting rules.
/// </summary>
public static partial class MessageYaml
{
    /// <summary>Writes <paramref name="message"/> as <c>ros2 topic echo</c> does (without the trailing <c>---</c>).</summary>
    /// <param name="message">Any generated message.</param>
    /// <param name="truncateLength">Cut sequences and strings longer than this and append <c>...</c>
    /// (ros2cli's default for echo is 128); null writes everything.</param>
    /// <param name="flowStyle">As <c>ros2 topic echo --flow-style</c>: sequences are written in flow style
    /// (<c>[a, b]</c>, message elements as <c>{k: v}</c>), mappings stay in block style.</param>
    /// <returns>YAML text ending with a newline.</returns>
    public static string Write(IRosMessage message, int? truncateLength = null, bool flowStyle = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sb = new StringBuilder();
        MessageDefinition def = message.TypeSupport.Definition;
        if (def.Fields.Count == 0)
        {
            return "{}\n";
        }

        WriteMapping(sb, message, def, 0, truncateLength, flowStyle);
        return sb.ToString();
    }

    private static void WriteMapping(StringBuilder sb, IRosMessage message, MessageDefinition def, int indent, int? trunc, bool flow)
    {
        foreach (FieldDefinition f in def.Fields)
        {
            sb.Append(' ', indent).Append(f.Name).Append(':');
            object value = f.GetValue(message);
            if (!f.IsArray)
            {
                if (f.Kind == RosFieldKind.Message)
                {
                    var nested = (IRosMessage)value;
                    MessageDefinition nd = nested.TypeSupport.Definition;
                    if (nd.Fields.Count == 0)
                    {
                        sb.Append(" {}\n");
                    }
                    else
                    {
                        sb.Append('\n');
                        WriteMapping(sb, nested, nd, indent + 2, trunc, flow);
                    }
                }
                else
                {
                    sb.Append(' ').Append(Scalar(f.Kind, value, trunc)).Append('\n');
                }

                continue;
            }

            var array = (Array)value;
            if (array.Length == 0)
            {
                sb.Append(" []\n");
                continue;
            }

            int n = trunc is int t && array.Length > t ? t : array.Length;
            if (flow)
            {
                sb.Append(' ');
                FlowArray(sb, f, array, n, trunc);
                sb.Append('\n');
                continue;
            }

            sb.Append('\n');
            for (int i = 0; i < n; i++)
            {
                object e = array.GetValue(i)!;
                if (f.Kind == RosFieldKind.Message)
                {
                    var nested = (IRosMessage)e;
                    MessageDefinition nd = nested.TypeSupport.Definition;
                    if (nd.Fields.Count == 0)
                    {
                        sb.Append(' ', indent).Append("- {}\n");
                        continue;
                    }

                    var inner = new StringBuilder();
                    WriteMapping(inner, nested, nd, indent + 2, trunc, flow);
                    sb.Append(' ', indent).Append("- ").Append(inner.ToString(indent + 2, inner.Length - indent - 2));
                }
                else
                {
                    sb.Append(' ', indent).Append("- ").Append(Scalar(f.Kind, e, trunc)).Append('\n');
                }
            }

            if (n < array.Length)
            {
                sb.Append(' ', indent).Append("- '...'\n");
            }
        }
    }

    private static void FlowArray(StringBuilder sb, FieldDefinition f, Array array, int n, int? trunc)
    {
        sb.Append('[');
        for (int i = 0; i < n; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            object e = array.GetValue(i)!;
            if (f.Kind == RosFieldKind.Message)
            {
                FlowMapping(sb, (IRosMessage)e, trunc);
            }
            else
            {
                sb.Append(Scalar(f.Kind, e, trunc, inFlow: true));
            }
        }

        if (n < array.Length)
        {
            sb.Append(n > 0 ? ", '...'" : "'...'");
        }

        sb.Append(']');
    }

    private static void FlowMapping(StringBuilder sb, IRosMessage m, int? trunc)
    {
        MessageDefinition def = m.TypeSupport.Definition;
        sb.Append('{');
        for (int i = 0; i < def.Fields.Count; i++)
        {
            FieldDefinition f = def.Fields[i];
            sb.Append(i > 0 ? ", " : string.Empty).Append(f.Name).Append(": ");
            object v = f.GetValue(m);
            if (f.IsArray)
            {
                var a = (Array)v;
                FlowArray(sb, f, a, trunc is int t && a.Length > t ? t : a.Length, trunc);
            }
            else if (f.Kind == RosFieldKind.Message)
            {
                FlowMapping(sb, (IRosMessage)v, trunc);
            }
            else
            {
                sb.Append(Scalar(f.Kind, v, trunc, inFlow: true));
            }
        }

        sb.Append('}');
    }

    private static string Scalar(RosFieldKind kind, object value, int? trunc, bool inFlow = false) => kind switch
    {
        RosFieldKind.Bool => (bool)value ? "true" : "false",
        RosFieldKind.Float32 => PythonFloat((float)value),
        RosFieldKind.Float64 => PythonFloat((double)value),
        RosFieldKind.String or RosFieldKind.WString => QuoteString(Truncate((string)value, trunc), inFlow),
        RosFieldKind.Byte => QuoteString(((char)(byte)value).ToString(), inFlow), // rclpy bytes -> chr(value) in ros2cli
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static string Truncate(string s, int? trunc) => trunc is int t && s.Length > t ? s.Substring(0, t) + "..." : s;

    /// <summary>Python's <c>repr(float)</c> as PyYAML writes it (<c>1.0e-05</c>, <c>.inf</c>, <c>.nan</c>).</summary>
    /// <param name="d">The value.</param>
    /// <returns>The text.</returns>
    public static string PythonFloat(double d)
    {
        if (double.IsNaN(d))
        {
            return ".nan";
        }

        if (double.IsPositiveInfinity(d))
        {
            return ".inf";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "-.inf";
        }

        // Shortest round-trip digits and decimal exponent.
        string shortest = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        string digits;
        int exp10; // value = 0.digits * 10^exp10 ... computed below as d.ddd * 10^exp
        int ePos = shortest.IndexOfAny(['E', 'e']);
        string mant = ePos >= 0 ? shortest.Substring(0, ePos) : shortest;
        int expPart = ePos >= 0 ? int.Parse(shortest.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        int dot = mant.IndexOf('.');
        string intPart = dot >= 0 ? mant.Substring(0, dot) : mant;
        string fracPart = dot >= 0 ? mant.Substring(dot + 1) : string.Empty;
        digits = (intPart + fracPart).TrimStart('0');
        int leadingZeros = (intPart + fracPart).Length - (intPart + fracPart).TrimStart('0').Length;
        string sign = double.IsNegative(d) ? "-" : string.Empty;
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

        digits = digits.TrimEnd('0');
        // decpt: position of the decimal point relative to the first significant digit (Python's convention).
        int decpt = intPart.Length - leadingZeros + expPart;
        exp10 = decpt - 1;
        string text;
        if (decpt > -4 && decpt <= 16)
        {
            if (decpt <= 0)
            {
                text = "0." + new string('0', -decpt) + digits;
            }
            else if (digits.Length <= decpt)
            {
                text = digits + new string('0', decpt - digits.Length) + ".0";
            }
            else
            {
                text = digits.Substring(0, decpt) + "." + digits.Substring(decpt);
            }
        }
        else
        {
            string m = digits.Length == 1 ? digits + ".0" : digits.Substring(0, 1) + "." + digits.Substring(1);
            text = m + "e" + (exp10 < 0 ? "-" : "+") + Math.Abs(exp10).ToString("00", CultureInfo.InvariantCulture);
        }

        return sign + text;
    }

    /// <summary>
    /// Writes a string scalar the way PyYAML's emitter chooses its style (<c>analyze_scalar</c> and
    /// <c>choose_scalar_style</c> with <c>allow_unicode=True</c>): plain when allowed and it would read back as a
    /// string, else single-quoted, else double-quoted with PyYAML's escapes. Strings with line breaks are written
    /// double-quoted (PyYAML would write a multi-line single-quoted scalar).
    /// </summary>
    /// <param name="s">The string.</param>
    /// <param name="inFlow">True inside a flow collection (<c>--flow-style</c> lists).</param>
    /// <returns>The YAML scalar text.</returns>
    public static string QuoteString(string s, bool inFlow = false)
    {
        if (s.Length == 0)
        {
            return "''";
        }

        Analyze(s, out bool flowPlain, out bool blockPlain, out bool single, out bool lineBreaks);
        if ((inFlow ? flowPlain : blockPlain) && !ResolvesToNonString(s))
        {
            return s;
        }

        return single && !lineBreaks ? "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'" : DoubleQuote(s);
    }

    private static bool IsSpaceOrBreak(int cp) => cp is 0 or ' ' or '\t' or '\r' or '\n' or 0x85 or 0x2028 or 0x2029;

    private static void Analyze(string s, out bool allowFlowPlain, out bool allowBlockPlain, out bool allowSingle, out bool lineBreaks)
    {
        var cps = new List<int>(s.Length);
        foreach (Rune r in s.EnumerateRunes())
        {
            cps.Add(r.Value);
        }

        int n = cps.Count;
        bool blockIndicators = false, flowIndicators = false, special = false;
        bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false, breakSpace = false, spaceBreak = false;
        lineBreaks = false;
        if (s.StartsWith("---", StringComparison.Ordinal) || s.StartsWith("...", StringComparison.Ordinal))
        {
            blockIndicators = flowIndicators = true;
        }

        bool precededByWhitespace = true;
        bool followedByWhitespace = n == 1 || IsSpaceOrBreak(cps[1]);
        bool previousSpace = false, previousBreak = false;
        for (int i = 0; i < n; i++)
        {
            int ch = cps[i];
            if (i == 0)
            {
                if (ch < 128 && "#,[]{}&*!|>'\"%@`".Contains((char)ch, StringComparison.Ordinal))
                {
                    flowIndicators = blockIndicators = true;
                }

                if (ch is '?' or ':')
                {
                    flowIndicators = true;
                    blockIndicators |= followedByWhitespace;
                }

                if (ch == '-' && followedByWhitespace)
                {
                    flowIndicators = blockIndicators = true;
                }
            }
            else
            {
                if (ch is ',' or '?' or '[' or ']' or '{' or '}')
                {
                    flowIndicators = true;
                }

                if (ch == ':')
                {
                    flowIndicators = true;
                    blockIndicators |= followedByWhitespace;
                }

                if (ch == '#' && precededByWhitespace)
                {
                    flowIndicators = blockIndicators = true;
                }
            }

            bool isBreak = ch is '\n' or 0x85 or 0x2028 or 0x2029;
            lineBreaks |= isBreak;
            if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7E)))
            {
                bool unicode = (ch == 0x85 || (ch >= 0xA0 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD) || (ch >= 0x10000 && ch < 0x10FFFF)) && ch != 0xFEFF;
                special |= !unicode;
            }

            if (ch == ' ')
            {
                leadingSpace |= i == 0;
                trailingSpace |= i == n - 1;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            }
            else if (isBreak)
            {
                leadingBreak |= i == 0;
                trailingBreak |= i == n - 1;
                spaceBreak |= previousSpace;
                previousSpace = false;
                previousBreak = true;
            }
            else
            {
                previousSpace = previousBreak = false;
            }

            precededByWhitespace = IsSpaceOrBreak(ch);
            followedByWhitespace = i + 2 >= n || IsSpaceOrBreak(cps[i + 2]);
        }

        allowFlowPlain = allowBlockPlain = allowSingle = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
        {
            allowFlowPlain = allowBlockPlain = false;
        }

        if (breakSpace || spaceBreak || special)
        {
            allowFlowPlain = allowBlockPlain = allowSingle = false;
        }

        if (lineBreaks)
        {
            allowFlowPlain = allowBlockPlain = false;
        }

        if (flowIndicators)
        {
            allowFlowPlain = false;
        }

        if (blockIndicators)
        {
            allowBlockPlain = false;
        }
    }

    private static bool ResolvesToNonString(string s)
    {
        // PyYAML implicit resolvers (YAML 1.1): bool, null, int, float, timestamp, merge, value.
        string[] bools = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"];
        if (Array.IndexOf(bools, s) >= 0 || s is "~" or "null" or "Null" or "NULL" or "<<" or "=")
        {
            return true;
        }

        if (System.Text.RegularExpressions.Regex.IsMatch(s, @"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"))
        {
            return true;
        }

        if (System.Text.RegularExpressions.Regex.IsMatch(s, @"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"))
        {
            return true;
        }

        return System.Text.RegularExpressions.Regex.IsMatch(s, @"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");
    }

    private static string DoubleQuote(string s)
    {
        // PyYAML write_double_quoted with allow_unicode=True (no line folding: ros2cli passes width=sys.maxsize).
        var sb = new StringBuilder("\"");
        foreach (Rune r in s.EnumerateRunes())
        {
            int ch = r.Value;
            bool escape = ch is '"' or '\\' or 0x85 or 0x2028 or 0x2029 or 0xFEFF
                || !((ch >= 0x20 && ch <= 0x7E) || (ch >= 0xA0 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD));
            if (!escape)
            {
                sb.Append(r.ToString());
                continue;
            }

            string? rep = ch switch
            {
                0 => "0",
                0x07 => "a",
                0x08 => "b",
                0x09 => "t",
                0x0A => "n",
                0x0B => "v",
                0x0C => "f",
                0x0D => "r",
                0x1B => "e",
                '"' => "\"",
                '\\' => "\\",
                0x85 => "N",
                0xA0 => "_",
                0x2028 => "L",
                0x2029 => "P",
                _ => null,
            };
            sb.Append('\\');
            if (rep is not null)
            {
                sb.Append(rep);
            }
            else if (ch <= 0xFF)
            {
                sb.Append('x').Append(ch.ToString("X2", CultureInfo.InvariantCulture));
            }
            else if (ch <= 0xFFFF)
            {
                sb.Append('u').Append(ch.ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append('U').Append(ch.ToString("X8", CultureInfo.InvariantCulture));
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>
    /// Parses a message in <c>ros2 topic pub</c> syntax. An empty text gives the default message.
    /// </summary>
    /// <param name="text">YAML, e.g. <c>{data: hi}</c> or <c>"linear: {x: 0.5}"</c>.</param>
    /// <param name="support">The message type.</param>
    /// <param name="message">The parsed message, or null on error.</param>
    /// <param name="error">On failure, the reason, starting with the field path (e.g. <c>header.stamp.sec: expected an integer, got 'x'</c>).</param>
    /// <returns>True on success.</returns>
    public static bool TryParse(string text, MessageTypeSupport support, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IRosMessage? message, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(support);
        message = null;
        IRosMessage m = support.CreateMessage();
        YamlNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(QuoteColonScalars(text ?? string.Empty)));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            error = $"invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}";
            return false;
        }

        if (root is null || root is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            message = m;
            error = null;
            return true;
        }

        if (root is not YamlMappingNode map)
        {
            error = $"{support.RosTypeName}: expected a mapping of field names to values (e.g. \"{{data: hi}}\"), got '{root}'";
            return false;
        }

        error = FillMessage(m, map, string.Empty);
        if (error is not null)
        {
            return false;
        }

        message = m;
        return true;
    }

    /// <summary>
    /// YamlDotNet drops the leading ':' of a block plain scalar such as <c>- :x</c> or <c>key: :x</c> (valid YAML that
    /// PyYAML writes and reads); such values are single-quoted before parsing.
    /// </summary>
    private static string QuoteColonScalars(string text)
    {
        if (!text.Contains(":", StringComparison.Ordinal))
        {
            return text;
        }

        return ColonScalar().Replace(text, m => m.Groups["pre"].Value + "'" + m.Groups["val"].Value.Replace("'", "''", StringComparison.Ordinal) + "'");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<pre>[ ]*(?:- )*(?:[A-Za-z_][A-Za-z0-9_]*:[ ]+)?(?:- )*)(?<val>:[^\s'""].*?)[ ]*$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex ColonScalar();

    private static string? FillMessage(IRosMessage m, YamlMappingNode map, string path)
    {
        MessageDefinition def = m.TypeSupport.Definition;
        foreach (var (k, v) in map.Children)
        {
            string key = (k as YamlScalarNode)?.Value ?? string.Empty;
            string fpath = path.Length == 0 ? key : path + "." + key;
            FieldDefinition? f = def.FindField(key);
            if (f is null)
            {
                return $"{fpath}: {def.RosTypeName} has no field '{key}' (fields: {string.Join(", ", def.Fields.Select(x => x.Name))})";
            }

            string? err = f.IsArray ? FillArray(m, f, v, fpath) : FillSingle(m, f, v, fpath);
            if (err is not null)
            {
                return err;
            }
        }

        return null;
    }

    private static string? FillSingle(IRosMessage m, FieldDefinition f, YamlNode v, string path)
    {
        if (f.Kind == RosFieldKind.Message)
        {
            var nested = (IRosMessage)f.GetValue(m);
            if (v is YamlScalarNode { Value: null or "" } || v is YamlScalarNode { Style: ScalarStyle.Plain, Value: "~" or "null" })
            {
                return null;
            }

            return v is YamlMappingNode nm ? FillMessage(nested, nm, path) : $"{path}: expected a mapping for {f.MessageTypeName}, got '{v}'";
        }

        string? err = ParseScalar(f, v, path, out object value);
        if (err is null)
        {
            f.SetValue(m, value);
        }

        return err;
    }

    private static string? FillArray(IRosMessage m, FieldDefinition f, YamlNode v, string path)
    {
        if (v is not YamlSequenceNode seq)
        {
            return $"{path}: expected a list ([a, b, ...]) for {f.RosTypeText}, got '{v}'";
        }

        int n = seq.Children.Count;
        if (f.ArrayKind == RosArrayKind.Fixed && n != f.ArraySize)
        {
            return $"{path}: expected exactly {f.ArraySize} elements for {f.RosTypeText}, got {n}";
        }

        if (f.ArrayKind == RosArrayKind.Bounded && n > f.ArraySize)
        {
            return $"{path}: at most {f.ArraySize} elements allowed for {f.RosTypeText}, got {n}";
        }

        Array current = (Array)f.GetValue(m);
        Type elemType = current.GetType().GetElementType()!;
        Array result = Array.CreateInstance(elemType, n);
        for (int i = 0; i < n; i++)
        {
            string ep = $"{path}[{i}]";
            YamlNode item = seq.Children[i];
            if (f.Kind == RosFieldKind.Message)
            {
                IRosMessage e = f.NestedSupport!.CreateMessage();
                if (item is YamlMappingNode im)
                {
                    string? err = FillMessage(e, im, ep);
                    if (err is not null)
                    {
                        return err;
                    }
                }
                else
                {
                    return $"{ep}: expected a mapping for {f.MessageTypeName}, got '{item}'";
                }

                result.SetValue(e, i);
            }
            else
            {
                string? err = ParseScalar(f, item, ep, out object value);
                if (err is not null)
                {
                    return err;
                }

                result.SetValue(value, i);
            }
        }

        f.SetValue(m, result);
        return null;
    }

    private static string? ParseScalar(FieldDefinition f, YamlNode node, string path, out object value)
    {
        value = 0;
        if (node is not YamlScalarNode sn)
        {
            return $"{path}: expected a single value for {f.RosTypeText}, got a {(node is YamlSequenceNode ? "list" : "mapping")}";
        }

        string s = sn.Value ?? string.Empty;
        bool plain = sn.Style == ScalarStyle.Plain;
        CultureInfo ci = CultureInfo.InvariantCulture;
        switch (f.Kind)
        {
            case RosFieldKind.String:
            case RosFieldKind.WString:
                if (f.StringBound > 0 && Encoding.UTF8.GetByteCount(s) > f.StringBound)
                {
                    return $"{path}: string longer than its bound of {f.StringBound} bytes";
                }

                value = s;
                return null;
            case RosFieldKind.Bool:
                if (plain && s is "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON")
                {
                    value = true;
                    return null;
                }

                if (plain && s is "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF")
                {
                    value = false;
                    return null;
                }

                return $"{path}: expected a boolean (true/false), got '{s}'";
            case RosFieldKind.Float32:
            case RosFieldKind.Float64:
            {
                if (!plain || !TryParseFloat(s, out double d))
                {
                    return $"{path}: expected a number, got '{s}'";
                }

                value = f.Kind == RosFieldKind.Float32 ? (object)(float)d : d;
                return null;
            }

            default:
            {
                if (f.Kind == RosFieldKind.Byte && (!plain || !TryParseInteger(s, out _)) && s.Length == 1 && s[0] <= 0xFF)
                {
                    value = (byte)s[0]; // ros2 topic echo prints byte fields as chr(value)
                    return null;
                }

                if (!plain || !TryParseInteger(s, out System.Numerics.BigInteger b))
                {
                    return $"{path}: expected an integer, got '{s}'";
                }

                (System.Numerics.BigInteger min, System.Numerics.BigInteger max) = f.Kind switch
                {
                    RosFieldKind.Int8 => ((System.Numerics.BigInteger)sbyte.MinValue, (System.Numerics.BigInteger)sbyte.MaxValue),
                    RosFieldKind.Int16 => (short.MinValue, short.MaxValue),
                    RosFieldKind.UInt16 => (ushort.MinValue, ushort.MaxValue),
                    RosFieldKind.Int32 => (int.MinValue, int.MaxValue),
                    RosFieldKind.UInt32 => (uint.MinValue, uint.MaxValue),
                    RosFieldKind.Int64 => (long.MinValue, long.MaxValue),
                    RosFieldKind.UInt64 => (ulong.MinValue, ulong.MaxValue),
                    _ => ((System.Numerics.BigInteger)byte.MinValue, (System.Numerics.BigInteger)byte.MaxValue),
                };
                if (b < min || b > max)
                {
                    return $"{path}: {s} is out of range for {f.Kind.ToString().ToLowerInvariant()} [{min}, {max}]";
                }

                value = f.Kind switch
                {
                    RosFieldKind.Int8 => (sbyte)b,
                    RosFieldKind.Int16 => (short)b,
                    RosFieldKind.UInt16 => (ushort)b,
                    RosFieldKind.Int32 => (int)b,
                    RosFieldKind.UInt32 => (uint)b,
                    RosFieldKind.Int64 => (long)b,
                    RosFieldKind.UInt64 => (ulong)b,
                    _ => (object)(byte)b,
                };
                return null;
            }
        }
    }

    private static bool TryParseInteger(string s, out System.Numerics.BigInteger value)
    {
        string t = s.Replace("_", string.Empty, StringComparison.Ordinal);
        value = default;
        bool neg = t.StartsWith('-');
        if (neg || t.StartsWith('+'))
        {
            t = t.Substring(1);
        }

        bool ok;
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            ok = System.Numerics.BigInteger.TryParse("0" + t.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else
        {
            ok = t.Length > 0 && t.All(char.IsAsciiDigit) && System.Numerics.BigInteger.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out value);
            if (!ok)
            {
                value = default;
            }
        }

        if (neg)
        {
            value = -value;
        }

        return ok;
    }

    private static bool TryParseFloat(string s, out double d)
    {
        switch (s)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "inf":
                d = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF" or "-inf":
                d = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN" or "nan":
                d = double.NaN;
                return true;
        }

        string t = s.Replace("_", string.Empty, StringComparison.Ordinal);
        if (t.Length == 0 || t.Any(c => !(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-')))
        {
            d = 0;
            return false;
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out d);
    }
}
