using System.Security.Cryptography;
using System.Text;

namespace Robotics.Ros.Generator;

/// <summary>
/// RIHS01 type hashes computed like rosidl_generator_type_description (jazzy): SHA-256 of the compact JSON of
/// {type_description, referenced_type_descriptions (sorted by name)} with default values removed.
/// </summary>
internal sealed class TypeHasher
{
    private readonly InterfaceSet _set;
    private readonly Dictionary<string, List<(string Name, int TypeId, int Capacity, int StringCapacity, string Nested)>> _individual = new(StringComparer.Ordinal);

    public TypeHasher(InterfaceSet set)
    {
        _set = set;
        foreach (MsgSpec m in set.AllStructs())
        {
            _individual[m.RosName] = Describe(m);
        }

        foreach (SrvSpec s in set.Services.Values)
        {
            string p = s.Package + "/srv/" + s.Name;
            _individual[p] = new()
            {
                ("request_message", 1, 0, 0, p + "_Request"),
                ("response_message", 1, 0, 0, p + "_Response"),
                ("event_message", 1, 0, 0, p + "_Event"),
            };
            _individual[p + "_Event"] = new()
            {
                ("info", 1, 0, 0, "service_msgs/msg/ServiceEventInfo"),
                ("request", 97, 1, 0, p + "_Request"),
                ("response", 97, 1, 0, p + "_Response"),
            };
        }
    }

    /// <summary>Field type id as in type_description_interfaces/msg/FieldType.msg.</summary>
    public static int TypeId(FieldType t)
    {
        int baseId = t.Kind switch
        {
            Prim.Message => 1,
            Prim.Int8 => 2,
            Prim.UInt8 or Prim.Char => 3, // rosidl_adapter maps .msg char to uint8
            Prim.Int16 => 4,
            Prim.UInt16 => 5,
            Prim.Int32 => 6,
            Prim.UInt32 => 7,
            Prim.Int64 => 8,
            Prim.UInt64 => 9,
            Prim.Float32 => 10,
            Prim.Float64 => 11,
            Prim.Bool => 15,
            Prim.Byte => 16,
            Prim.String => t.StringBound > 0 ? 21 : 17,
            Prim.WString => t.StringBound > 0 ? 22 : 18,
            _ => throw new InvalidOperationException(t.Kind.ToString()),
        };
        return baseId + t.Array switch { ArrKind.Fixed => 48, ArrKind.Bounded => 96, ArrKind.Unbounded => 144, _ => 0 };
    }

    public string Hash(string rosName) => "RIHS01_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json(rosName))));

    /// <summary>The hashed JSON (exactly the bytes rosidl hashes).</summary>
    public string Json(string rosName)
    {
        var refs = new SortedSet<string>(StringComparer.Ordinal);
        var queue = new Stack<string>();
        foreach (var f in Get(rosName))
        {
            if (f.Nested.Length > 0)
            {
                queue.Push(f.Nested);
            }
        }

        while (queue.Count > 0)
        {
            string t = queue.Pop();
            if (refs.Add(t))
            {
                foreach (var f in Get(t))
                {
                    if (f.Nested.Length > 0)
                    {
                        queue.Push(f.Nested);
                    }
                }
            }
        }

        var sb = new StringBuilder();
        sb.Append("{\"type_description\": ");
        AppendType(sb, rosName);
        sb.Append(", \"referenced_type_descriptions\": [");
        bool first = true;
        foreach (string r in refs)
        {
            if (!first)
            {
                sb.Append(", ");
            }

            first = false;
            AppendType(sb, r);
        }

        sb.Append("]}");
        return sb.ToString();
    }

    private List<(string Name, int TypeId, int Capacity, int StringCapacity, string Nested)> Get(string name) =>
        _individual.TryGetValue(name, out var l) ? l : throw new InvalidOperationException($"Type hash: unknown referenced type '{name}'.");

    private void AppendType(StringBuilder sb, string name)
    {
        sb.Append("{\"type_name\": \"").Append(name).Append("\", \"fields\": [");
        bool first = true;
        foreach (var f in Get(name))
        {
            if (!first)
            {
                sb.Append(", ");
            }

            first = false;
            sb.Append("{\"name\": \"").Append(f.Name).Append("\", \"type\": {\"type_id\": ").Append(f.TypeId)
                .Append(", \"capacity\": ").Append(f.Capacity).Append(", \"string_capacity\": ").Append(f.StringCapacity)
                .Append(", \"nested_type_name\": \"").Append(f.Nested).Append("\"}}");
        }

        sb.Append("]}");
    }

    private static List<(string, int, int, int, string)> Describe(MsgSpec m)
    {
        var list = new List<(string, int, int, int, string)>();
        if (m.Fields.Count == 0)
        {
            list.Add(("structure_needs_at_least_one_member", 3, 0, 0, ""));
        }

        foreach (FieldSpec f in m.Fields)
        {
            int cap = f.Type.Array is ArrKind.Fixed or ArrKind.Bounded ? f.Type.ArraySize : 0;
            list.Add((f.Name, TypeId(f.Type), cap, f.Type.StringBound, f.Type.NestedRosName ?? ""));
        }

        return list;
    }
}
