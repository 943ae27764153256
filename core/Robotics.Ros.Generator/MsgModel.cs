namespace Robotics.Ros.Generator;

/// <summary>Element kinds of ROS 2 interface fields.</summary>
internal enum Prim { Bool, Byte, Char, Float32, Float64, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, String, WString, Message }

/// <summary>Array decoration.</summary>
internal enum ArrKind { None, Fixed, Bounded, Unbounded }

/// <summary>A field type: element kind, nested type, string bound, array decoration.</summary>
internal sealed record FieldType(Prim Kind, string? MsgPackage, string? MsgName, int StringBound, ArrKind Array, int ArraySize)
{
    /// <summary>ROS name of the nested message type (pkg/msg/Name), or null.</summary>
    public string? NestedRosName => Kind == Prim.Message ? MsgPackage + "/msg/" + MsgName : null;

    /// <summary>The element type without array decoration.</summary>
    public FieldType Element => this with { Array = ArrKind.None, ArraySize = 0 };

    /// <summary>True for an array or sequence.</summary>
    public bool IsArray => Array != ArrKind.None;
}

/// <summary>A field of a message.</summary>
internal sealed record FieldSpec(string Name, FieldType Type, string? DefaultText, string Comment);

/// <summary>A constant of a message.</summary>
internal sealed record ConstSpec(string Name, Prim Kind, string ValueText, string Comment);

/// <summary>A message (or a service request/response/event part).</summary>
internal sealed class MsgSpec
{
    public MsgSpec(string package, string folder, string name, List<FieldSpec> fields, List<ConstSpec> constants, string text, string comment)
    {
        Package = package;
        Folder = folder;
        Name = name;
        Fields = fields;
        Constants = constants;
        Text = text;
        Comment = comment;
    }

    public string Package { get; }
    public string Folder { get; }
    public string Name { get; }
    public List<FieldSpec> Fields { get; }
    public List<ConstSpec> Constants { get; }
    public string Text { get; }
    public string Comment { get; }
    public string RosName => Package + "/" + Folder + "/" + Name;
    public string DdsName => Package + "::" + Folder + "::dds_::" + Name + "_";

    /// <summary>C# class name: the ROS name, with "_Request"/"_Response" turned into "Request"/"Response".</summary>
    public string ClassName => Name.Replace("_Request", "Request", StringComparison.Ordinal)
        .Replace("_Response", "Response", StringComparison.Ordinal).Replace("_Event", "Event", StringComparison.Ordinal);
}

/// <summary>A service.</summary>
internal sealed record SrvSpec(string Package, string Name, MsgSpec Request, MsgSpec Response, string Text)
{
    public string RosName => Package + "/srv/" + Name;
}

/// <summary>Parses .msg and .srv text following rosidl_adapter's rules.</summary>
internal static class MsgParser
{
    private static readonly Dictionary<string, Prim> Prims = new(StringComparer.Ordinal)
    {
        ["bool"] = Prim.Bool, ["byte"] = Prim.Byte, ["char"] = Prim.Char, ["float32"] = Prim.Float32,
        ["float64"] = Prim.Float64, ["int8"] = Prim.Int8, ["uint8"] = Prim.UInt8, ["int16"] = Prim.Int16,
        ["uint16"] = Prim.UInt16, ["int32"] = Prim.Int32, ["uint32"] = Prim.UInt32, ["int64"] = Prim.Int64,
        ["uint64"] = Prim.UInt64, ["string"] = Prim.String, ["wstring"] = Prim.WString,
    };

    public static MsgSpec ParseMessage(string package, string folder, string name, string text)
    {
        var fields = new List<FieldSpec>();
        var constants = new List<ConstSpec>();
        var leading = new List<string>();
        bool seenMember = false;
        var pendingComment = new List<string>();
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string raw = lines[i];
            string line = raw.Trim();
            if (line.Length == 0)
            {
                if (!seenMember && pendingComment.Count > 0)
                {
                    leading.AddRange(pendingComment);
                    pendingComment.Clear();
                }

                continue;
            }

            if (line.StartsWith('#'))
            {
                pendingComment.Add(line.TrimStart('#').Trim());
                continue;
            }

            int ws = IndexOfWhitespace(line);
            if (ws < 0)
            {
                throw new FormatException($"{package}/{folder}/{name}: line {i + 1}: expected '<type> <name>': '{raw}'");
            }

            string typeText = line.Substring(0, ws);
            string rest = line.Substring(ws).TrimStart();
            FieldType type = ParseType(typeText, package, $"{package}/{folder}/{name}: line {i + 1}");
            int eq = rest.IndexOf('=');
            int nameEnd = 0;
            while (nameEnd < rest.Length && (char.IsLetterOrDigit(rest[nameEnd]) || rest[nameEnd] == '_'))
            {
                nameEnd++;
            }

            string memberName = rest.Substring(0, nameEnd);
            string after = rest.Substring(nameEnd).TrimStart();
            string comment = string.Join(" ", pendingComment);
            pendingComment.Clear();
            seenMember = true;
            if (after.StartsWith('=') && eq >= 0)
            {
                string value = after.Substring(1).Trim();
                if (type.Kind != Prim.String && type.Kind != Prim.WString)
                {
                    int hash = value.IndexOf('#');
                    if (hash >= 0)
                    {
                        comment = value.Substring(hash + 1).Trim();
                        value = value.Substring(0, hash).Trim();
                    }
                }

                constants.Add(new ConstSpec(memberName, type.Kind, value, comment));
                continue;
            }

            string? def = null;
            if (after.Length > 0)
            {
                if (after.StartsWith('#'))
                {
                    comment = Join(comment, after.TrimStart('#').Trim());
                }
                else
                {
                    int hash = FindCommentStart(after);
                    def = (hash >= 0 ? after.Substring(0, hash) : after).Trim();
                    if (hash >= 0)
                    {
                        comment = Join(comment, after.Substring(hash + 1).Trim());
                    }
                }
            }

            if (memberName.Length == 0)
            {
                throw new FormatException($"{package}/{folder}/{name}: line {i + 1}: missing field name: '{raw}'");
            }

            fields.Add(new FieldSpec(memberName, type, def, comment));
        }

        if (!seenMember)
        {
            leading.AddRange(pendingComment);
        }

        return new MsgSpec(package, folder, name, fields, constants, text, string.Join(" ", leading).Trim());
    }

    public static SrvSpec ParseService(string package, string name, string text)
    {
        string norm = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        string[] lines = norm.Split('\n');
        int sep = Array.FindIndex(lines, l => l.Trim() == "---");
        if (sep < 0)
        {
            throw new FormatException($"{package}/srv/{name}: missing '---' separator");
        }

        string req = string.Join("\n", lines.Take(sep));
        string resp = string.Join("\n", lines.Skip(sep + 1));
        return new SrvSpec(package, name, ParseMessage(package, "srv", name + "_Request", req),
            ParseMessage(package, "srv", name + "_Response", resp), text);
    }

    public static FieldType ParseType(string text, string package, string where)
    {
        ArrKind arr = ArrKind.None;
        int size = 0;
        string t = text;
        int lb = t.IndexOf('[');
        if (lb >= 0)
        {
            if (!t.EndsWith(']'))
            {
                throw new FormatException($"{where}: bad array type '{text}'");
            }

            string inner = t.Substring(lb + 1, t.Length - lb - 2);
            t = t.Substring(0, lb);
            if (inner.Length == 0)
            {
                arr = ArrKind.Unbounded;
            }
            else if (inner.StartsWith("<=", StringComparison.Ordinal))
            {
                arr = ArrKind.Bounded;
                size = int.Parse(inner.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                arr = ArrKind.Fixed;
                size = int.Parse(inner, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        int sb = 0;
        int le = t.IndexOf("<=", StringComparison.Ordinal);
        if (le >= 0)
        {
            sb = int.Parse(t.AsSpan(le + 2), System.Globalization.CultureInfo.InvariantCulture);
            t = t.Substring(0, le);
        }

        if (Prims.TryGetValue(t, out Prim p))
        {
            if (sb > 0 && p != Prim.String && p != Prim.WString)
            {
                throw new FormatException($"{where}: only strings can be bounded: '{text}'");
            }

            return new FieldType(p, null, null, sb, arr, size);
        }

        string pkg = package;
        string n = t;
        int slash = t.IndexOf('/');
        if (slash >= 0)
        {
            pkg = t.Substring(0, slash);
            n = t.Substring(slash + 1);
            if (n.StartsWith("msg/", StringComparison.Ordinal))
            {
                n = n.Substring(4);
            }
        }
        else if (t == "Header")
        {
            pkg = "std_msgs";
        }

        return new FieldType(Prim.Message, pkg, n, 0, arr, size);
    }

    private static int IndexOfWhitespace(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsWhiteSpace(s[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindCommentStart(string s)
    {
        bool inSingle = false, inDouble = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\'' && !inDouble)
            {
                inSingle = !inSingle;
            }
            else if (c == '"' && !inSingle)
            {
                inDouble = !inDouble;
            }
            else if (c == '#' && !inSingle && !inDouble)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : a + " " + b;
}
