using System.Globalization;
using System.Text;

namespace Robotics.Ros.Generator;

/// <summary>Writes one C# file per message/service plus the registry (deterministic output, written only when changed).</summary>
internal sealed class CSharpEmitter
{
    private const string Msgs = "global::Robotics.Ros.Messages.";
    private const string Ser = "global::Robotics.Ros.Serialization.";
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "TypeSupport", "Support", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
        "CdrSizeOf", "CdrWriteOf", "CdrReadOf", "NativeWriteOf", "NativeReadOf", "Definition",
    };

    private readonly InterfaceSet _set;
    private readonly DescriptorBuilder _desc;
    private readonly TypeHasher _hash;

    public CSharpEmitter(InterfaceSet set)
    {
        _set = set;
        _desc = new DescriptorBuilder(set);
        _hash = new TypeHasher(set);
    }

    public static string Pascal(string snake)
    {
        var sb = new StringBuilder();
        bool up = true;
        foreach (char c in snake)
        {
            if (c == '_')
            {
                up = true;
                continue;
            }

            sb.Append(up ? char.ToUpperInvariant(c) : c);
            up = false;
        }

        return sb.ToString();
    }

    public static string Namespace(string pkg) => "Robotics.Ros.Interfaces." + Pascal(pkg);

    public static string PropertyName(MsgSpec m, FieldSpec f)
    {
        string p = Pascal(f.Name);
        if (p == m.ClassName)
        {
            p += "Value";
        }
        else if (Reserved.Contains(p))
        {
            p += "_";
        }

        return p;
    }

    /// <summary>Generates everything into <paramref name="outDir"/>; returns the number of files.</summary>
    public int WriteAll(string outDir)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (MsgSpec m in _set.AllStructs())
        {
            files[$"{m.Package}/{m.Folder}/{m.ClassName}.g.cs"] = EmitMessage(m);
        }

        foreach (SrvSpec s in _set.Services.Values.OrderBy(s => s.RosName, StringComparer.Ordinal))
        {
            if (_set.Messages.ContainsKey(s.Package + "/msg/" + s.Name))
            {
                throw new InvalidOperationException($"{s.RosName}: a message of the same name exists in {s.Package}; C# class names would collide.");
            }

            files[$"{s.Package}/srv/{s.Name}.g.cs"] = EmitService(s);
        }

        files["MessageTypeRegistry.g.cs"] = EmitRegistry();
        Directory.CreateDirectory(outDir);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (rel, text) in files)
        {
            string path = Path.GetFullPath(Path.Combine(outDir, rel));
            keep.Add(path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path) || File.ReadAllText(path) != text)
            {
                File.WriteAllText(path, text, new UTF8Encoding(false));
            }
        }

        foreach (string stale in Directory.GetFiles(outDir, "*.g.cs", SearchOption.AllDirectories))
        {
            if (!keep.Contains(Path.GetFullPath(stale)))
            {
                File.Delete(stale);
            }
        }

        return files.Count;
    }

    private string FullClass(string rosName)
    {
        string[] p = rosName.Split('/');
        string cls = p[2].Replace("_Request", "Request", StringComparison.Ordinal).Replace("_Response", "Response", StringComparison.Ordinal);
        return "global::" + Namespace(p[0]) + "." + cls;
    }

    private string ElemCs(FieldType t) => t.Kind switch
    {
        Prim.Bool => "bool",
        Prim.Byte or Prim.Char or Prim.UInt8 => "byte",
        Prim.Int8 => "sbyte",
        Prim.Int16 => "short",
        Prim.UInt16 => "ushort",
        Prim.Int32 => "int",
        Prim.UInt32 => "uint",
        Prim.Int64 => "long",
        Prim.UInt64 => "ulong",
        Prim.Float32 => "float",
        Prim.Float64 => "double",
        Prim.String or Prim.WString => "string",
        Prim.Message => FullClass(t.NestedRosName!),
        _ => throw new InvalidOperationException(),
    };

    private string PropCs(FieldType t) => t.IsArray ? ElemCs(t) + "[]" : ElemCs(t);

    private static int PrimSize(Prim k) => k switch
    {
        Prim.Bool or Prim.Byte or Prim.Char or Prim.UInt8 or Prim.Int8 => 1,
        Prim.Int16 or Prim.UInt16 => 2,
        Prim.Int32 or Prim.UInt32 or Prim.Float32 => 4,
        Prim.Int64 or Prim.UInt64 or Prim.Float64 => 8,
        _ => 0,
    };

    private static bool IsNumeric(Prim k) => PrimSize(k) > 0;

    private static string RwName(Prim k) => k switch
    {
        Prim.Bool => "Bool",
        Prim.Byte or Prim.Char or Prim.UInt8 => "Byte",
        Prim.Int8 => "SByte",
        Prim.Int16 => "Int16",
        Prim.UInt16 => "UInt16",
        Prim.Int32 => "Int32",
        Prim.UInt32 => "UInt32",
        Prim.Int64 => "Int64",
        Prim.UInt64 => "UInt64",
        Prim.Float32 => "Single",
        Prim.Float64 => "Double",
        _ => throw new InvalidOperationException(),
    };

    private static string Xml(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Str(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static string RosTypeText(FieldType t)
    {
        string e = t.Kind switch
        {
            Prim.Message => t.MsgPackage + "/" + t.MsgName,
            Prim.String => t.StringBound > 0 ? "string<=" + t.StringBound : "string",
            Prim.WString => t.StringBound > 0 ? "wstring<=" + t.StringBound : "wstring",
            _ => t.Kind.ToString().ToLowerInvariant(),
        };
        return t.Array switch
        {
            ArrKind.Fixed => e + "[" + t.ArraySize + "]",
            ArrKind.Bounded => e + "[<=" + t.ArraySize + "]",
            ArrKind.Unbounded => e + "[]",
            _ => e,
        };
    }

    /// <summary>C# literal for a scalar default/constant value.</summary>
    internal static string Literal(Prim k, string text)
    {
        string t = text.Trim();
        CultureInfo ci = CultureInfo.InvariantCulture;
        switch (k)
        {
            case Prim.Bool:
                return t is "true" or "True" or "1" ? "true" : t is "false" or "False" or "0" ? "false" : throw new FormatException($"bad bool '{text}'");
            case Prim.String:
            case Prim.WString:
                return Str(Unquote(t));
            case Prim.Float32:
                return double.Parse(t, NumberStyles.Float, ci).ToString("R", ci) + "f";
            case Prim.Float64:
            {
                string r = double.Parse(t, NumberStyles.Float, ci).ToString("R", ci);
                return r.Contains('.', StringComparison.Ordinal) || r.Contains('E', StringComparison.Ordinal) ? r + "d" : r + ".0d";
            }
            case Prim.UInt64:
                return ulong.Parse(t, NumberStyles.Integer, ci).ToString(ci) + "UL";
            default:
            {
                long v = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? Convert.ToInt64(t.Substring(2), 16) : long.Parse(t, NumberStyles.Integer, ci);
                string cs = k switch
                {
                    Prim.Byte or Prim.Char or Prim.UInt8 => "byte",
                    Prim.Int8 => "sbyte",
                    Prim.Int16 => "short",
                    Prim.UInt16 => "ushort",
                    Prim.Int32 => "int",
                    Prim.UInt32 => "uint",
                    _ => "long",
                };
                return cs == "long" ? v.ToString(ci) + "L" : $"unchecked(({cs}){v.ToString(ci)})";
            }
        }
    }

    internal static string Unquote(string t)
    {
        if (t.Length >= 2 && ((t[0] == '"' && t[^1] == '"') || (t[0] == '\'' && t[^1] == '\'')))
        {
            string inner = t.Substring(1, t.Length - 2);
            return inner.Replace("\\" + t[0], t[0].ToString(), StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }

        return t;
    }

    private static List<string> SplitArrayDefault(string text)
    {
        string t = text.Trim();
        if (!t.StartsWith('[') || !t.EndsWith(']'))
        {
            throw new FormatException($"array default must be [a, b, ...]: '{text}'");
        }

        var items = new List<string>();
        var cur = new StringBuilder();
        char quote = '\0';
        foreach (char c in t.AsSpan(1, t.Length - 2))
        {
            if (quote != '\0')
            {
                cur.Append(c);
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                cur.Append(c);
            }
            else if (c == ',')
            {
                items.Add(cur.ToString().Trim());
                cur.Clear();
            }
            else
            {
                cur.Append(c);
            }
        }

        if (cur.ToString().Trim().Length > 0)
        {
            items.Add(cur.ToString().Trim());
        }

        return items;
    }

    private string Initializer(FieldType t, string? def)
    {
        string elem = ElemCs(t);
        if (!t.IsArray)
        {
            if (t.Kind == Prim.Message)
            {
                return "new()";
            }

            if (def is not null)
            {
                return Literal(t.Kind, def);
            }

            return t.Kind is Prim.String or Prim.WString ? "\"\"" : "default";
        }

        if (def is not null && t.Kind != Prim.Message)
        {
            var items = SplitArrayDefault(def).Select(i => Literal(t.Kind, i)).ToList();
            return items.Count == 0 ? $"global::System.Array.Empty<{elem}>()" : $"new {elem}[] {{ {string.Join(", ", items)} }}";
        }

        if (t.Array == ArrKind.Fixed)
        {
            if (t.Kind is Prim.String or Prim.WString)
            {
                return $"{Ser}RosArrays.Strings({t.ArraySize})";
            }

            if (t.Kind == Prim.Message)
            {
                return $"{Ser}RosArrays.Messages<{elem}>({t.ArraySize})";
            }

            return $"new {elem}[{t.ArraySize}]";
        }

        return $"global::System.Array.Empty<{elem}>()";
    }

    private string EmitMessage(MsgSpec m)
    {
        string cls = m.ClassName;
        StructLayout layout = _desc.Layout(m);
        (uint[] ops, uint nops) = _desc.Ops(m);
        uint flags = _desc.IsFixedSize(m) ? DescriptorBuilder.TopicFixedSize : 0;
        string hash = _hash.Hash(m.RosName);
        var props = m.Fields.Select(f => (F: f, P: PropertyName(m, f))).ToList();
        if (props.Select(p => p.P).Distinct(StringComparer.Ordinal).Count() != props.Count)
        {
            throw new InvalidOperationException($"{m.RosName}: two fields map to the same C# property name.");
        }

        var sb = new StringBuilder();
        Header(sb, m.Folder == "msg" ? _set.SourcePaths[m.RosName] : m.Package + "/srv/" + m.Name.Substring(0, m.Name.LastIndexOf('_')) + ".srv");
        sb.Append("namespace ").Append(Namespace(m.Package)).Append(";\n\n");
        sb.Append("/// <summary>ROS 2 ").Append(m.Folder == "msg" ? "message" : "service part").Append(" <c>").Append(m.RosName).Append("</c>");
        if (m.Comment.Length > 0)
        {
            sb.Append(": ").Append(Xml(m.Comment));
        }

        sb.Append("</summary>\n");
        sb.Append("/// <remarks>DDS type <c>").Append(m.DdsName).Append("</c>, type hash <c>").Append(hash).Append("</c>.</remarks>\n");
        sb.Append("public sealed partial class ").Append(cls).Append(" : ").Append(Msgs).Append("IRosMessageType<").Append(cls).Append(">, global::System.IEquatable<").Append(cls).Append(">\n{\n");

        foreach (ConstSpec c in m.Constants)
        {
            var ct = new FieldType(c.Kind, null, null, 0, ArrKind.None, 0);
            sb.Append("    /// <summary>Constant <c>").Append(Xml(c.Name)).Append(" = ").Append(Xml(c.ValueText)).Append("</c>");
            if (c.Comment.Length > 0)
            {
                sb.Append(": ").Append(Xml(c.Comment));
            }

            sb.Append("</summary>\n");
            sb.Append("    public const ").Append(ElemCs(ct)).Append(' ').Append(c.Name).Append(" = ").Append(Literal(c.Kind, c.ValueText)).Append(";\n\n");
        }

        sb.Append("    /// <summary>The type support of <c>").Append(m.RosName).Append("</c>.</summary>\n");
        sb.Append("    public static ").Append(Msgs).Append("MessageTypeSupport Support => TypeSupportImpl.Instance;\n\n");
        sb.Append("    /// <inheritdoc />\n");
        sb.Append("    public ").Append(Msgs).Append("MessageTypeSupport TypeSupport => TypeSupportImpl.Instance;\n\n");

        foreach (var (f, p) in props)
        {
            sb.Append("    /// <summary><c>").Append(Xml(RosTypeText(f.Type))).Append(' ').Append(f.Name).Append("</c>");
            if (f.DefaultText is not null)
            {
                sb.Append(" (default <c>").Append(Xml(f.DefaultText)).Append("</c>)");
            }

            if (f.Comment.Length > 0)
            {
                sb.Append(": ").Append(Xml(f.Comment));
            }

            if (f.Type.Array == ArrKind.Fixed)
            {
                sb.Append(" Exactly ").Append(f.Type.ArraySize).Append(" elements.");
            }
            else if (f.Type.Array == ArrKind.Bounded)
            {
                sb.Append(" At most ").Append(f.Type.ArraySize).Append(" elements.");
            }

            if (f.Type.StringBound > 0)
            {
                sb.Append(" At most ").Append(f.Type.StringBound).Append(" UTF-8 bytes per string.");
            }

            sb.Append("</summary>\n");
            sb.Append("    public ").Append(PropCs(f.Type)).Append(' ').Append(p).Append(" { get; set; } = ").Append(Initializer(f.Type, f.DefaultText)).Append(";\n\n");
        }

        // Equality
        sb.Append("    /// <inheritdoc />\n");
        sb.Append("    public bool Equals(").Append(cls).Append("? other) => other is not null");
        foreach (var (f, p) in props)
        {
            sb.Append("\n        && ");
            if (f.Type.IsArray)
            {
                sb.Append(Ser).Append("RosEquality.ArrayEquals(").Append(p).Append(", other.").Append(p).Append(')');
            }
            else if (f.Type.Kind == Prim.Message)
            {
                sb.Append("global::System.Object.Equals(").Append(p).Append(", other.").Append(p).Append(')');
            }
            else if (f.Type.Kind is Prim.String or Prim.WString)
            {
                sb.Append("string.Equals(").Append(p).Append(", other.").Append(p).Append(", global::System.StringComparison.Ordinal)");
            }
            else
            {
                sb.Append(p).Append(".Equals(other.").Append(p).Append(')');
            }
        }

        sb.Append(";\n\n");
        sb.Append("    /// <inheritdoc />\n    public override bool Equals(object? obj) => Equals(obj as ").Append(cls).Append(");\n\n");
        sb.Append("    /// <inheritdoc />\n    public override int GetHashCode()\n    {\n        var h = new global::System.HashCode();\n");
        foreach (var (f, p) in props)
        {
            if (f.Type.IsArray)
            {
                sb.Append("        h.Add(").Append(p).Append("?.Length ?? -1);\n");
            }
            else
            {
                sb.Append("        h.Add(").Append(p).Append(");\n");
            }
        }

        sb.Append("        return h.ToHashCode();\n    }\n\n");
        sb.Append("    /// <summary>The message as YAML in <c>ros2 topic echo</c>'s format.</summary>\n");
        sb.Append("    /// <returns>YAML text.</returns>\n");
        sb.Append("    public override string ToString() => ").Append(Ser).Append("MessageYaml.Write(this);\n\n");

        EmitCdr(sb, m, cls, props);
        EmitNative(sb, m, cls, props, layout);
        EmitSupport(sb, m, cls, props, layout, ops, nops, flags, hash);
        sb.Append("}\n");
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, string source)
    {
        sb.Append("// <auto-generated>\n// Generated by core/Robotics.Ros.Generator from core/interfaces/").Append(source).Append(".\n// Do not edit: change the interface file and rebuild.\n// </auto-generated>\n");
        sb.Append("#nullable enable\n");
        sb.Append("#pragma warning disable CS1591\n\n");
    }

    private void EmitCdr(StringBuilder sb, MsgSpec m, string cls, List<(FieldSpec F, string P)> props)
    {
        string st = Msgs + "CdrStatus";
        // size
        sb.Append("    internal static int CdrSizeOf(").Append(cls).Append(" m, int pos)\n    {\n");
        if (props.Count == 0)
        {
            sb.Append("        pos = ").Append(Ser).Append("CdrSize.Primitive(pos, 1);\n");
        }

        foreach (var (f, p) in props)
        {
            FieldType t = f.Type;
            string v = "m." + p;
            if (IsNumeric(t.Kind))
            {
                int n = PrimSize(t.Kind);
                sb.Append(t.Array switch
                {
                    ArrKind.None => $"        pos = {Ser}CdrSize.Primitive(pos, {n});\n",
                    ArrKind.Fixed => $"        pos = {Ser}CdrSize.Primitives(pos, {n}, {t.ArraySize});\n",
                    _ => $"        pos = {Ser}CdrSize.PrimitiveSequence(pos, {n}, {v}.Length);\n",
                });
            }
            else if (t.Kind is Prim.String or Prim.WString)
            {
                string fn = t.Kind == Prim.String ? "String" : "WString";
                sb.Append(t.Array switch
                {
                    ArrKind.None => $"        pos = {Ser}CdrSize.{fn}(pos, {v});\n",
                    ArrKind.Fixed => $"        foreach (string e in {v}) {{ pos = {Ser}CdrSize.{fn}(pos, e); }}\n",
                    _ => $"        pos = {Ser}CdrSize.Primitive(pos, 4);\n        foreach (string e in {v}) {{ pos = {Ser}CdrSize.{fn}(pos, e); }}\n",
                });
            }
            else
            {
                string fc = ElemCs(t);
                sb.Append(t.Array switch
                {
                    ArrKind.None => $"        pos = {fc}.CdrSizeOf({v}, pos);\n",
                    ArrKind.Fixed => $"        foreach ({fc} e in {v}) {{ pos = {fc}.CdrSizeOf(e, pos); }}\n",
                    _ => $"        pos = {Ser}CdrSize.Primitive(pos, 4);\n        foreach ({fc} e in {v}) {{ pos = {fc}.CdrSizeOf(e, pos); }}\n",
                });
            }
        }

        sb.Append("        return pos;\n    }\n\n");

        // write
        sb.Append("    internal static void CdrWriteOf(").Append(cls).Append(" m, ref ").Append(Ser).Append("CdrWriter w)\n    {\n");
        if (props.Count == 0)
        {
            sb.Append("        w.WriteByte(0);\n");
        }

        foreach (var (f, p) in props)
        {
            FieldType t = f.Type;
            string v = "m." + p;
            if (t.Array == ArrKind.Fixed)
            {
                sb.Append($"        {Ser}CdrWriter.CheckFixedLength({v}.Length, {t.ArraySize});\n");
            }
            else if (t.IsArray)
            {
                sb.Append($"        w.WriteSequenceLength({v}.Length, {(t.Array == ArrKind.Bounded ? t.ArraySize : 0)});\n");
            }

            if (IsNumeric(t.Kind))
            {
                sb.Append(t.IsArray ? $"        w.WritePrimitives<{ElemCs(t)}>({v});\n" : $"        w.Write{RwName(t.Kind)}({v});\n");
            }
            else if (t.Kind is Prim.String or Prim.WString)
            {
                string fn = t.Kind == Prim.String ? "WriteString" : "WriteWString";
                sb.Append(t.IsArray ? $"        foreach (string e in {v}) {{ w.{fn}(e, {t.StringBound}); }}\n" : $"        w.{fn}({v}, {t.StringBound});\n");
            }
            else
            {
                string fc = ElemCs(t);
                sb.Append(t.IsArray ? $"        foreach ({fc} e in {v}) {{ {fc}.CdrWriteOf(e, ref w); }}\n" : $"        {fc}.CdrWriteOf({v}, ref w);\n");
            }
        }

        sb.Append("    }\n\n");

        // read
        sb.Append("    internal static ").Append(st).Append(" CdrReadOf(").Append(cls).Append(" m, ref ").Append(Ser).Append("CdrReader r)\n    {\n");
        sb.Append("        ").Append(st).Append(" s;\n");
        if (props.Count == 0)
        {
            sb.Append("        if ((s = r.ReadByte(out _)) != ").Append(st).Append(".Ok) { return s; }\n");
        }

        int k = 0;
        foreach (var (f, p) in props)
        {
            FieldType t = f.Type;
            string v = "m." + p;
            string ok = $"!= {st}.Ok) {{ return s; }}";
            string bound = t.Array == ArrKind.Bounded ? t.ArraySize.ToString(CultureInfo.InvariantCulture) : "0";
            k++;
            if (IsNumeric(t.Kind))
            {
                string e = ElemCs(t);
                sb.Append(t.Array switch
                {
                    ArrKind.None => $"        {{ if ((s = r.Read{RwName(t.Kind)}(out {e} v{k})) {ok} {v} = v{k}; }}\n",
                    ArrKind.Fixed => $"        {{ {e}[] v{k} = {v}; if ((s = r.ReadPrimitives(ref v{k}, {t.ArraySize})) {ok} {v} = v{k}; }}\n",
                    _ => $"        {{ {e}[] v{k} = {v}; if ((s = r.ReadPrimitiveSequence(ref v{k}, {bound})) {ok} {v} = v{k}; }}\n",
                });
            }
            else if (t.Kind is Prim.String or Prim.WString)
            {
                string fn = t.Kind == Prim.String ? "ReadString" : "ReadWString";
                if (t.Kind == Prim.WString && t.IsArray)
                {
                    throw new NotSupportedException($"{m.RosName}: arrays of wstring are not supported");
                }

                sb.Append(t.Array switch
                {
                    ArrKind.None => $"        {{ string v{k} = {v} ?? \"\"; s = r.{fn}(ref v{k}, {t.StringBound}); {v} = v{k}; if (s {ok} }}\n",
                    ArrKind.Fixed => $"        {{ string[] v{k} = {v}; s = r.ReadStrings(ref v{k}, {t.ArraySize}, {t.StringBound}); {v} = v{k}; if (s {ok} }}\n",
                    _ => $"        {{ string[] v{k} = {v}; s = r.ReadStringSequence(ref v{k}, {bound}, {t.StringBound}); {v} = v{k}; if (s {ok} }}\n",
                });
            }
            else
            {
                string fc = ElemCs(t);
                if (t.Array == ArrKind.None)
                {
                    sb.Append($"        {v} ??= new {fc}();\n        if ((s = {fc}.CdrReadOf({v}, ref r)) {ok}\n");
                }
                else
                {
                    string count = t.Array == ArrKind.Fixed ? t.ArraySize.ToString(CultureInfo.InvariantCulture) : $"n{k}";
                    sb.Append("        {\n");
                    if (t.Array != ArrKind.Fixed)
                    {
                        sb.Append($"            if ((s = r.ReadSequenceLength(out int n{k}, {bound}, 1)) {ok}\n");
                    }

                    sb.Append($"            {fc}[] v{k} = {Ser}RosArrays.Resize({v}, {count});\n");
                    sb.Append($"            {v} = v{k};\n");
                    sb.Append($"            for (int i = 0; i < v{k}.Length; i++) {{ if ((s = {fc}.CdrReadOf(v{k}[i], ref r)) {ok} }}\n");
                    sb.Append("        }\n");
                }
            }
        }

        sb.Append("        return ").Append(st).Append(".Ok;\n    }\n\n");
    }

    private void EmitNative(StringBuilder sb, MsgSpec m, string cls, List<(FieldSpec F, string P)> props, StructLayout layout)
    {
        string st = Msgs + "CdrStatus";
        sb.Append("    internal static unsafe void NativeWriteOf(").Append(cls).Append(" m, ").Append(Msgs).Append("NativeSampleWriter w, byte* p)\n    {\n");
        if (props.Count == 0)
        {
            sb.Append("        p[0] = 0;\n");
        }

        for (int i = 0; i < props.Count; i++)
        {
            var (f, pn) = props[i];
            FieldType t = f.Type;
            string v = "m." + pn;
            int off = layout.Offsets[i];
            string at = $"(p + {off})";
            (int esize, _) = _desc.ElementSizeAlign(t);
            string e = ElemCs(t);
            if (t.Array == ArrKind.None)
            {
                if (t.Kind == Prim.Bool)
                {
                    sb.Append($"        p[{off}] = {v} ? (byte)1 : (byte)0;\n");
                }
                else if (IsNumeric(t.Kind))
                {
                    sb.Append($"        *({e}*){at} = {v};\n");
                }
                else if (t.Kind == Prim.String)
                {
                    sb.Append(t.StringBound > 0
                        ? $"        {Ser}NativeRead.WriteBoundedString({at}, {t.StringBound}, {v});\n"
                        : $"        *(byte**){at} = w.WriteString({v});\n");
                }
                else if (t.Kind == Prim.Message)
                {
                    sb.Append($"        {e}.NativeWriteOf({v}, w, {at});\n");
                }
                else
                {
                    throw new NotSupportedException($"{m.RosName}.{f.Name}: wstring has no native layout");
                }

                continue;
            }

            string buf;
            if (t.Array == ArrKind.Fixed)
            {
                sb.Append($"        {Ser}CdrWriter.CheckFixedLength({v}.Length, {t.ArraySize});\n");
                buf = at;
            }
            else
            {
                sb.Append("        {\n");
                if (t.Array == ArrKind.Bounded)
                {
                    sb.Append($"        if ({v}.Length > {t.ArraySize}) {{ throw new global::System.ArgumentException(\"{m.RosName}.{f.Name}: \" + {v}.Length + \" elements exceed the bound of {t.ArraySize}.\"); }}\n");
                }

                sb.Append($"        byte* b{i} = w.WriteSequence({at}, {v}.Length, {esize});\n");
                buf = $"b{i}";
            }

            if (IsNumeric(t.Kind))
            {
                sb.Append($"        if ({v}.Length > 0) {{ new global::System.ReadOnlySpan<{e}>({v}).CopyTo(new global::System.Span<{e}>({buf}, {v}.Length)); }}\n");
            }
            else if (t.Kind == Prim.String)
            {
                sb.Append(t.StringBound > 0
                    ? $"        for (int i = 0; i < {v}.Length; i++) {{ {Ser}NativeRead.WriteBoundedString({buf} + i * {esize}, {t.StringBound}, {v}[i]); }}\n"
                    : $"        for (int i = 0; i < {v}.Length; i++) {{ ((byte**){buf})[i] = w.WriteString({v}[i]); }}\n");
            }
            else if (t.Kind == Prim.Message)
            {
                sb.Append($"        for (int i = 0; i < {v}.Length; i++) {{ {e}.NativeWriteOf({v}[i], w, {buf} + i * {esize}); }}\n");
            }
            else
            {
                throw new NotSupportedException($"{m.RosName}.{f.Name}: wstring has no native layout");
            }

            if (t.Array != ArrKind.Fixed)
            {
                sb.Append("        }\n");
            }
        }

        sb.Append("    }\n\n");

        sb.Append("    internal static unsafe ").Append(st).Append(" NativeReadOf(").Append(cls).Append(" m, byte* p)\n    {\n");
        sb.Append("        ").Append(st).Append(" s = ").Append(st).Append(".Ok;\n");
        for (int i = 0; i < props.Count; i++)
        {
            var (f, pn) = props[i];
            FieldType t = f.Type;
            string v = "m." + pn;
            int off = layout.Offsets[i];
            string at = $"(p + {off})";
            (int esize, _) = _desc.ElementSizeAlign(t);
            string e = ElemCs(t);
            string ok = $"if (s != {st}.Ok) {{ return s; }}";
            if (t.Array == ArrKind.None)
            {
                if (t.Kind == Prim.Bool)
                {
                    sb.Append($"        {v} = p[{off}] != 0;\n");
                }
                else if (IsNumeric(t.Kind))
                {
                    sb.Append($"        {v} = *({e}*){at};\n");
                }
                else if (t.Kind == Prim.String)
                {
                    sb.Append(t.StringBound > 0
                        ? $"        {{ string v = {v} ?? \"\"; s = {Ser}NativeRead.BoundedString({at}, {t.StringBound + 1}, ref v, {t.StringBound}); {v} = v; {ok} }}\n"
                        : $"        {{ string v = {v} ?? \"\"; s = {Ser}NativeRead.String(*(byte**){at}, ref v, 0); {v} = v; {ok} }}\n");
                }
                else
                {
                    sb.Append($"        {v} ??= new {e}();\n        s = {e}.NativeReadOf({v}, {at}); {ok}\n");
                }

                continue;
            }

            sb.Append("        {\n");
            string n;
            string buf;
            if (t.Array == ArrKind.Fixed)
            {
                n = t.ArraySize.ToString(CultureInfo.InvariantCulture);
                buf = at;
            }
            else
            {
                sb.Append($"            int n = {Ser}NativeRead.SequenceLength({at});\n");
                sb.Append($"            byte* b = {Ser}NativeRead.SequenceBuffer({at});\n");
                sb.Append($"            if (n < 0 || (n > 0 && b == null)) {{ return {st}.InvalidLength; }}\n");
                if (t.Array == ArrKind.Bounded)
                {
                    sb.Append($"            if (n > {t.ArraySize}) {{ return {st}.BoundExceeded; }}\n");
                }

                n = "n";
                buf = "b";
            }

            if (IsNumeric(t.Kind))
            {
                sb.Append($"            {v} = {n} == 0 ? global::System.Array.Empty<{e}>() : new global::System.ReadOnlySpan<{e}>({buf}, {n}).ToArray();\n");
            }
            else if (t.Kind == Prim.String)
            {
                sb.Append($"            var a = new string[{n}];\n");
                sb.Append(t.StringBound > 0
                    ? $"            for (int i = 0; i < a.Length; i++) {{ string v = \"\"; s = {Ser}NativeRead.BoundedString({buf} + i * {esize}, {esize}, ref v, {t.StringBound}); a[i] = v; {ok} }}\n"
                    : $"            for (int i = 0; i < a.Length; i++) {{ string v = \"\"; s = {Ser}NativeRead.String(((byte**){buf})[i], ref v, 0); a[i] = v; {ok} }}\n");
                sb.Append($"            {v} = a;\n");
            }
            else
            {
                sb.Append($"            {e}[] a = {Ser}RosArrays.Resize({v}, {n});\n            {v} = a;\n");
                sb.Append($"            for (int i = 0; i < a.Length; i++) {{ s = {e}.NativeReadOf(a[i], {buf} + i * {esize}); {ok} }}\n");
            }

            sb.Append("        }\n");
        }

        sb.Append("        return s;\n    }\n\n");
    }

    private static string KindName(Prim k) => k switch
    {
        Prim.Bool => "Bool",
        Prim.Byte => "Byte",
        Prim.Char => "Char",
        Prim.Float32 => "Float32",
        Prim.Float64 => "Float64",
        Prim.Int8 => "Int8",
        Prim.UInt8 => "UInt8",
        Prim.Int16 => "Int16",
        Prim.UInt16 => "UInt16",
        Prim.Int32 => "Int32",
        Prim.UInt32 => "UInt32",
        Prim.Int64 => "Int64",
        Prim.UInt64 => "UInt64",
        Prim.String => "String",
        Prim.WString => "WString",
        _ => "Message",
    };

    private static string Descriptor(string ddsName, int size, int align, uint flags, uint[] ops, uint nops)
    {
        var sb = new StringBuilder();
        sb.Append("new ").Append(Msgs).Append("DdsTopicDescriptor(").Append(Str(ddsName)).Append(", ").Append(size).Append("u, ").Append(align).Append("u, ")
            .Append(flags).Append("u, new uint[]\n            {");
        for (int i = 0; i < ops.Length; i++)
        {
            sb.Append(i % 8 == 0 ? "\n                " : " ");
            sb.Append("0x").Append(ops[i].ToString("x8", CultureInfo.InvariantCulture)).Append("u,");
        }

        sb.Append("\n            }) { NOps = ").Append(nops).Append("u }");
        return sb.ToString();
    }

    private void EmitSupport(StringBuilder sb, MsgSpec m, string cls, List<(FieldSpec F, string P)> props, StructLayout layout, uint[] ops, uint nops, uint flags, string hash)
    {
        string st = Msgs + "CdrStatus";
        sb.Append("    private sealed unsafe class TypeSupportImpl : ").Append(Msgs).Append("GeneratedTypeSupport<").Append(cls).Append(">\n    {\n");
        sb.Append("        public static readonly TypeSupportImpl Instance = new();\n");
        sb.Append("        private static readonly ").Append(Msgs).Append("DdsTopicDescriptor Descriptor = ").Append(Descriptor(m.DdsName, layout.Size, layout.Align, flags, ops, nops)).Append(";\n");
        sb.Append("        private static ").Append(Msgs).Append("MessageDefinition? _definition;\n\n");
        sb.Append("        public override string RosTypeName => ").Append(Str(m.RosName)).Append(";\n\n");
        sb.Append("        public override string DdsTypeName => ").Append(Str(m.DdsName)).Append(";\n\n");
        sb.Append("        public override string TypeHash => ").Append(Str(hash)).Append(";\n\n");
        sb.Append("        public override ").Append(Msgs).Append("DdsTopicDescriptor TopicDescriptor => Descriptor;\n\n");
        sb.Append("        public override ").Append(Msgs).Append("MessageDefinition Definition => _definition ??= BuildDefinition();\n\n");
        sb.Append("        protected override int BodySize(").Append(cls).Append(" message, int pos) => CdrSizeOf(message, pos);\n\n");
        sb.Append("        protected override void BodyWrite(").Append(cls).Append(" message, ref ").Append(Ser).Append("CdrWriter writer) => CdrWriteOf(message, ref writer);\n\n");
        sb.Append("        protected override ").Append(st).Append(" BodyRead(").Append(cls).Append(" target, ref ").Append(Ser).Append("CdrReader reader) => CdrReadOf(target, ref reader);\n\n");
        sb.Append("        protected override void NativeWrite(").Append(cls).Append(" message, ").Append(Msgs).Append("NativeSampleWriter writer, byte* at) => NativeWriteOf(message, writer, at);\n\n");
        sb.Append("        protected override ").Append(st).Append(" NativeRead(").Append(cls).Append(" target, byte* at) => NativeReadOf(target, at);\n\n");
        sb.Append("        private static ").Append(Msgs).Append("MessageDefinition BuildDefinition() => new(\n            ").Append(Str(m.RosName)).Append(",\n            new ").Append(Msgs).Append("FieldDefinition[]\n            {\n");
        foreach (var (f, p) in props)
        {
            FieldType t = f.Type;
            string nested = t.Kind == Prim.Message ? $"static () => {ElemCs(t)}.Support" : "null";
            string arr = t.Array switch { ArrKind.Fixed => "Fixed", ArrKind.Bounded => "Bounded", ArrKind.Unbounded => "Unbounded", _ => "None" };
            sb.Append("                new(").Append(Str(f.Name)).Append(", ").Append(Str(p)).Append(", ").Append(Msgs).Append("RosFieldKind.").Append(KindName(t.Kind)).Append(", ")
                .Append(t.NestedRosName is null ? "null" : Str(t.NestedRosName)).Append(", ").Append(t.StringBound).Append(", ").Append(Msgs).Append("RosArrayKind.").Append(arr).Append(", ")
                .Append(t.ArraySize).Append(", ").Append(f.DefaultText is null ? "null" : Str(f.DefaultText))
                .Append(", static m => ((").Append(cls).Append(")m).").Append(p)
                .Append(", static (m, v) => ((").Append(cls).Append(")m).").Append(p).Append(" = (").Append(PropCs(t)).Append(")v, ").Append(nested).Append("),\n");
        }

        sb.Append("            },\n            new ").Append(Msgs).Append("ConstantDefinition[]\n            {\n");
        foreach (ConstSpec c in m.Constants)
        {
            sb.Append("                new(").Append(Str(c.Name)).Append(", ").Append(Msgs).Append("RosFieldKind.").Append(KindName(c.Kind)).Append(", ").Append(c.Name).Append(", ").Append(Str(c.ValueText)).Append("),\n");
        }

        sb.Append("            },\n            ").Append(Str(m.Text)).Append(");\n    }\n");
    }

    private string EmitService(SrvSpec s)
    {
        var sb = new StringBuilder();
        Header(sb, _set.SourcePaths[s.RosName]);
        StructLayout rq = _desc.Layout(s.Request), rs = _desc.Layout(s.Response);
        (uint[] rqOps, uint rqN) = _desc.Ops(s.Request, wrapped: true);
        (uint[] rsOps, uint rsN) = _desc.Ops(s.Response, wrapped: true);
        uint rqF = _desc.IsFixedSize(s.Request) ? DescriptorBuilder.TopicFixedSize : 0;
        uint rsF = _desc.IsFixedSize(s.Response) ? DescriptorBuilder.TopicFixedSize : 0;
        sb.Append("namespace ").Append(Namespace(s.Package)).Append(";\n\n");
        sb.Append("/// <summary>ROS 2 service <c>").Append(s.RosName).Append("</c>: request <see cref=\"").Append(s.Request.ClassName)
            .Append("\"/>, response <see cref=\"").Append(s.Response.ClassName).Append("\"/>.</summary>\n");
        sb.Append("public static class ").Append(s.Name).Append("\n{\n");
        sb.Append("    /// <summary>The service type support (request/response supports, rmw_cyclonedds wrapped forms, RIHS01 hash).</summary>\n");
        sb.Append("    public static ").Append(Msgs).Append("ServiceTypeSupport Support { get; } = new ").Append(Msgs).Append("GeneratedServiceTypeSupport(\n        ")
            .Append(Str(s.RosName)).Append(",\n        ").Append(Str(_hash.Hash(s.RosName))).Append(",\n        ")
            .Append(s.Request.ClassName).Append(".Support,\n        ").Append(s.Response.ClassName).Append(".Support,\n        ")
            .Append(Descriptor(s.Request.DdsName, (16 + rq.Size + 7) / 8 * 8, 8, rqF, rqOps, rqN)).Append(",\n        ")
            .Append(Descriptor(s.Response.DdsName, (16 + rs.Size + 7) / 8 * 8, 8, rsF, rsOps, rsN)).Append(");\n}\n");
        return sb.ToString();
    }

    private string EmitRegistry()
    {
        var sb = new StringBuilder();
        sb.Append("// <auto-generated>\n// Generated by core/Robotics.Ros.Generator. Do not edit.\n// </auto-generated>\n#nullable enable\n\n");
        sb.Append("namespace Robotics.Ros.Messages;\n\n");
        sb.Append("public static partial class MessageTypeRegistry\n{\n    static partial void RegisterGenerated()\n    {\n");
        foreach (MsgSpec m in _set.Messages.Values.OrderBy(m => m.RosName, StringComparer.Ordinal))
        {
            sb.Append("        Register(").Append(FullClass(m.RosName)).Append(".Support);\n");
        }

        foreach (SrvSpec s in _set.Services.Values.OrderBy(s => s.RosName, StringComparer.Ordinal))
        {
            sb.Append("        Register(global::").Append(Namespace(s.Package)).Append('.').Append(s.Name).Append(".Support);\n");
        }

        sb.Append("    }\n}\n");
        return sb.ToString();
    }
}
