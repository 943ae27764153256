using System.Collections;
using System.Globalization;
using System.Text;
using Robotics.Ros.Graph;
using Robotics.Ros.Messages;
using Robotics.Ros.Serialization;
using Robotics.Ros.Transport;

namespace Robotics.Cli.Ros;

/// <summary>Text formats of the ROS commands, following ros2cli's output.</summary>
internal static class RosCliFormat
{
    /// <summary>Names within a small edit distance of <paramref name="wanted"/> (or containing its last segment), best first, at most 5.</summary>
    public static IReadOnlyList<string> CloseMatches(string wanted, IEnumerable<string> candidates)
    {
        string w = wanted.ToLowerInvariant();
        string shortWanted = w[(w.LastIndexOf('/') + 1)..];
        var scored = new List<(int Score, string Name)>();
        foreach (string c in candidates.Distinct())
        {
            string lc = c.ToLowerInvariant();
            string shortName = lc[(lc.LastIndexOf('/') + 1)..];
            int d = Math.Min(Distance(w, lc), Distance(w, ShortForm(lc)));
            int limit = Math.Max(2, w.Length / 4);
            if (d <= limit)
            {
                scored.Add((d, c));
            }
            else if (shortWanted.Length >= 3 && (shortName == shortWanted || Distance(shortName, shortWanted) <= 1))
            {
                scored.Add((limit + 1, c));
            }
        }

        return scored.OrderBy(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal).Take(5).Select(s => s.Name).ToArray();
    }

    /// <summary>One endpoint as <c>ros2 topic info -v</c> prints it (rclpy's TopicEndpointInfo.__str__).</summary>
    public static string Endpoint(TopicEndpointInfo e)
    {
        const string bare = "_CREATED_BY_BARE_DDS_APP_";
        var sb = new StringBuilder();
        sb.Append("Node name: ").Append(e.NodeName ?? bare).Append('\n');
        sb.Append("Node namespace: ").Append(e.NodeNamespace ?? bare).Append('\n');
        sb.Append("Topic type: ").Append(e.TypeName).Append('\n');
        sb.Append("Topic type hash: ").Append(e.TypeHash.Length == 0 ? "INVALID" : e.TypeHash).Append('\n');
        sb.Append("Endpoint type: ").Append(e.IsWriter ? "PUBLISHER" : "SUBSCRIPTION").Append('\n');
        sb.Append("GID: ").Append(e.EndpointGid.ToString()).Append('\n');
        sb.Append("QoS profile:\n");
        QosProfile q = e.Qos;
        sb.Append("  Reliability: ").Append(QosProfile.ReliabilityName(q.Reliability)).Append('\n');
        string history = q.History switch
        {
            HistoryPolicy.KeepLast => $"KEEP_LAST ({q.Depth.ToString(CultureInfo.InvariantCulture)})",
            HistoryPolicy.KeepAll => "KEEP_ALL",
            _ => "UNKNOWN",
        };
        sb.Append("  History (Depth): ").Append(history).Append('\n');
        sb.Append("  Durability: ").Append(QosProfile.DurabilityName(q.Durability)).Append('\n');
        sb.Append("  Lifespan: ").Append(QosProfile.FormatDuration(q.Lifespan)).Append('\n');
        sb.Append("  Deadline: ").Append(QosProfile.FormatDuration(q.Deadline)).Append('\n');
        sb.Append("  Liveliness: ").Append(QosProfile.LivelinessName(q.Liveliness)).Append('\n');
        sb.Append("  Liveliness lease duration: ").Append(QosProfile.FormatDuration(q.LivelinessLeaseDuration)).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// The value at a dotted field path (<c>linear.x</c>) as YAML, as <c>ros2 topic echo --field</c> prints it;
    /// null and an error when a segment is not a field.
    /// </summary>
    public static string? Field(IRosMessage message, string path, out string? error)
    {
        object value = message;
        foreach (string segment in path.Split('.'))
        {
            if (value is not IRosMessage m)
            {
                error = $"--field {path}: '{segment}' is below a value that is not a message";
                return null;
            }

            FieldDefinition? f = m.TypeSupport.Definition.FindField(segment);
            if (f is null)
            {
                error = $"--field {path}: {m.TypeSupport.RosTypeName} has no field '{segment}' (fields: {string.Join(", ", m.TypeSupport.Definition.Fields.Select(x => x.Name))})";
                return null;
            }

            value = f.GetValue(m);
        }

        error = null;
        return Value(value);
    }

    /// <summary>A message as Python's repr, the way <c>ros2 topic pub</c> prints what it publishes (<c>std_msgs.msg.String(data='hi')</c>).</summary>
    public static string Repr(IRosMessage message)
    {
        var sb = new StringBuilder();
        AppendRepr(sb, message);
        return sb.ToString();
    }

    private static void AppendRepr(StringBuilder sb, object value)
    {
        switch (value)
        {
            case IRosMessage m:
                sb.Append(m.TypeSupport.RosTypeName.Replace('/', '.')).Append('(');
                bool first = true;
                foreach (FieldDefinition f in m.TypeSupport.Definition.Fields)
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    sb.Append(f.Name).Append('=');
                    AppendRepr(sb, f.GetValue(m));
                }

                sb.Append(')');
                break;
            case string s:
                sb.Append('\'').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append('\'');
                break;
            case bool b:
                sb.Append(b ? "True" : "False");
                break;
            case double d:
                sb.Append(MessageYaml.PythonFloat(d));
                break;
            case float f:
                sb.Append(MessageYaml.PythonFloat(f));
                break;
            case IEnumerable e:
                sb.Append('[');
                bool firstItem = true;
                foreach (object? item in e)
                {
                    if (!firstItem)
                    {
                        sb.Append(", ");
                    }

                    firstItem = false;
                    AppendRepr(sb, item!);
                }

                sb.Append(']');
                break;
            case IFormattable x:
                sb.Append(x.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                sb.Append(value);
                break;
        }
    }

    private static string Value(object value) => value switch
    {
        IRosMessage m => MessageYaml.Write(m),
        string s => MessageYaml.QuoteString(s) + "\n",
        bool b => b ? "true\n" : "false\n",
        double d => MessageYaml.PythonFloat(d) + "\n",
        float f => MessageYaml.PythonFloat(f) + "\n",
        IEnumerable e => List(e),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture) + "\n",
        _ => value + "\n",
    };

    private static string List(IEnumerable items)
    {
        var sb = new StringBuilder();
        foreach (object? item in items)
        {
            string v = Value(item!);
            sb.Append("- ").Append(v.TrimEnd('\n').Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
        }

        return sb.Length == 0 ? "[]\n" : sb.ToString();
    }

    private static string ShortForm(string rosName)
    {
        string[] p = rosName.Split('/');
        return p.Length == 3 ? p[0] + "/" + p[2] : rosName;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
