using System.Text;
using System.Text.RegularExpressions;
using Robotics.Ros.Messages;

namespace Robotics.Ros.Recording;

/// <summary>
/// The <c>ros2msg</c> schema text of a message type exactly as rosbag2 writes it into MCAP Schema records
/// (rosbag2_cpp <c>LocalMessageDefinitionSource::get_full_text</c>): the type's own .msg text first, then, depth-first,
/// each not-yet-seen dependency preceded by <c>"\n" + 80 '=' + "\nMSG: " + name + "\n"</c> and followed by its own
/// dependencies. Dependencies of one file are the first word of each line that is not a primitive type (rosbag2's
/// regex), qualified with the file's package when unqualified, visited in ordinal order and named as written
/// (e.g. <c>std_msgs/Header</c>).
/// </summary>
public static partial class Ros2MessageDefinitionText
{
    private static readonly HashSet<string> Primitives = new(StringComparer.Ordinal)
    {
        "bool", "byte", "char", "float32", "float64", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "string",
    };

    private static readonly string Delimiter = new('=', 80);

    /// <summary>The full concatenated definition of <paramref name="type"/>.</summary>
    /// <param name="type">A registered message type.</param>
    /// <returns>The <c>ros2msg</c> text.</returns>
    /// <exception cref="KeyNotFoundException">A dependency is not registered in <see cref="MessageTypeRegistry"/>.</exception>
    public static string For(MessageTypeSupport type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        Append(sb, type, seen, depth: 50);
        return sb.ToString();
    }

    /// <summary>The dependency names rosbag2 finds in one .msg text (sorted ordinally).</summary>
    /// <param name="text">The .msg text.</param>
    /// <param name="package">The package the text belongs to (qualifies unqualified names).</param>
    /// <returns>Dependency names such as <c>std_msgs/Header</c>.</returns>
    public static IReadOnlyList<string> Dependencies(string text, string package)
    {
        ArgumentNullException.ThrowIfNull(text);
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in FieldType().Matches(text))
        {
            string t = m.Groups[1].Value;
            if (Primitives.Contains(t)) continue;
            set.Add(t.Contains('/', StringComparison.Ordinal) ? t : package + "/" + t);
        }

        return set.ToArray();
    }

    private static void Append(StringBuilder sb, MessageTypeSupport type, HashSet<string> seen, int depth)
    {
        if (depth <= 0) throw new InvalidOperationException($"Reached the maximum nesting depth resolving the definition of {type.RosTypeName}.");
        string text = type.Definition.Text;
        sb.Append(text);
        foreach (string dep in Dependencies(text, type.PackageName))
        {
            if (!seen.Add(dep)) continue;
            sb.Append('\n').Append(Delimiter).Append("\nMSG: ").Append(dep).Append('\n');
            Append(sb, MessageTypeRegistry.Get(dep), seen, depth - 1);
        }
    }

    // rosbag2: (?:^|\n)\s*([a-zA-Z0-9_/]+)(?:\[[^\]]*\])?\s+ (ECMAScript: ^ only at the start of the text).
    [GeneratedRegex(@"(?:\A|\n)\s*([a-zA-Z0-9_/]+)(?:\[[^\]]*\])?\s+", RegexOptions.CultureInvariant)]
    private static partial Regex FieldType();
}
