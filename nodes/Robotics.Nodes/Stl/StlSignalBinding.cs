using System.Globalization;

namespace Robotics.Nodes.Stl;

/// <summary>
/// Where the STL monitor node reads one signal of its specification: a topic and a field of its message.
/// </summary>
/// <remarks>
/// <para>Text form (parameter <c>signals</c>, entries separated by <c>;</c>, <c>,</c> or new lines):
/// <c>signal=topic[:field]</c>. The message type follows from the field:</para>
/// <list type="bullet">
/// <item>no field, or <c>data</c>: <c>std_msgs/Float64</c>, e.g. <c>gap=/car/gap</c>;</item>
/// <item><c>data[i]</c>: element i of a <c>std_msgs/Float64MultiArray</c>, e.g. <c>u=/rig/msd/command:data[0]</c>;</item>
/// <item><c>position[i]</c>, <c>velocity[i]</c>, <c>effort[i]</c>: a <c>sensor_msgs/JointState</c> array by index, or by
/// joint name (<c>position[elbow]</c>, looked up in <c>name</c>), e.g. <c>x=/rig/msd/state:position[position_m]</c>.</item>
/// </list>
/// <para>Relative topics are resolved against the node's namespace.</para>
/// </remarks>
/// <param name="Signal">The signal name used in the specification.</param>
/// <param name="Topic">The topic (as given; the node resolves it).</param>
/// <param name="Kind">The message type.</param>
/// <param name="Array">For JointState: <c>position</c>, <c>velocity</c> or <c>effort</c>; for the others <c>data</c>.</param>
/// <param name="Index">The array index, or -1 when <paramref name="JointName"/> selects the element (or for Float64).</param>
/// <param name="JointName">For JointState by name: the joint name; else null.</param>
public sealed record StlSignalBinding(string Signal, string Topic, StlSignalSourceKind Kind, string Array, int Index, string? JointName)
{
    /// <summary>The field as written, e.g. <c>data</c>, <c>data[2]</c> or <c>position[elbow]</c>.</summary>
    public string Field => Kind switch
    {
        StlSignalSourceKind.Float64 => "data",
        _ => JointName is null ? string.Create(CultureInfo.InvariantCulture, $"{Array}[{Index}]") : $"{Array}[{JointName}]",
    };

    /// <summary>The ROS message type, e.g. <c>std_msgs/msg/Float64</c>.</summary>
    public string MessageType => Kind switch
    {
        StlSignalSourceKind.Float64 => "std_msgs/msg/Float64",
        StlSignalSourceKind.Float64MultiArray => "std_msgs/msg/Float64MultiArray",
        _ => "sensor_msgs/msg/JointState",
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Signal}={Topic}:{Field}";

    /// <summary>Parses a list of bindings (<c>signal=topic[:field]</c>, separated by <c>;</c>, <c>,</c> or new lines).</summary>
    /// <param name="text">The list.</param>
    /// <param name="parameterName">Named in error messages (e.g. <c>signals</c>).</param>
    /// <returns>The bindings, in order.</returns>
    /// <exception cref="ArgumentException">An entry is malformed or a signal is bound twice; the message names the entry and the fix.</exception>
    public static IReadOnlyList<StlSignalBinding> ParseList(string text, string parameterName = "signals")
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<StlSignalBinding>();
        foreach (string raw in text.Split([';', ',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var binding = Parse(raw, parameterName);
            if (result.Exists(b => b.Signal == binding.Signal))
            {
                throw new ArgumentException($"parameter '{parameterName}': signal '{binding.Signal}' is bound twice; keep one entry per signal.");
            }

            result.Add(binding);
        }

        return result;
    }

    /// <summary>Parses one binding, <c>signal=topic[:field]</c>.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="parameterName">Named in error messages.</param>
    /// <returns>The binding.</returns>
    /// <exception cref="ArgumentException">The entry is malformed; the message says what is expected.</exception>
    public static StlSignalBinding Parse(string entry, string parameterName = "signals")
    {
        ArgumentNullException.ThrowIfNull(entry);
        const string Expected = "expected signal=topic[:field], e.g. x=/plant/x, u=/rig/command:data[0] or q=/joint_states:position[elbow]";
        int eq = entry.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new ArgumentException($"parameter '{parameterName}': entry '{entry}' has no signal name; {Expected}.");
        }

        string signal = entry[..eq].Trim();
        string rest = entry[(eq + 1)..].Trim();
        if (!IsIdentifier(signal))
        {
            throw new ArgumentException($"parameter '{parameterName}': '{signal}' in entry '{entry}' is not a signal name (letters, digits, '_' and '.', not starting with a digit); {Expected}.");
        }

        int colon = rest.IndexOf(':', StringComparison.Ordinal);
        string topic = (colon < 0 ? rest : rest[..colon]).Trim();
        string field = colon < 0 ? "" : rest[(colon + 1)..].Trim();
        if (topic.Length == 0 || topic.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"parameter '{parameterName}': entry '{entry}' has no valid topic; {Expected}.");
        }

        if (field.Length == 0 || field == "data")
        {
            return new StlSignalBinding(signal, topic, StlSignalSourceKind.Float64, "data", -1, null);
        }

        int open = field.IndexOf('[', StringComparison.Ordinal);
        if (open <= 0 || !field.EndsWith(']'))
        {
            throw new ArgumentException($"parameter '{parameterName}': field '{field}' of entry '{entry}' is not supported; " +
                "use data (std_msgs/Float64), data[i] (std_msgs/Float64MultiArray) or position|velocity|effort[i or joint name] (sensor_msgs/JointState).");
        }

        string array = field[..open];
        string selector = field[(open + 1)..^1].Trim();
        if (selector.Length == 0)
        {
            throw new ArgumentException($"parameter '{parameterName}': field '{field}' of entry '{entry}' has an empty index; give an index or a joint name.");
        }

        bool isIndex = int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out int index);
        switch (array)
        {
            case "data":
                if (!isIndex)
                {
                    throw new ArgumentException($"parameter '{parameterName}': field '{field}' of entry '{entry}': data[...] of a Float64MultiArray needs an index >= 0.");
                }

                return new StlSignalBinding(signal, topic, StlSignalSourceKind.Float64MultiArray, "data", index, null);
            case "position" or "velocity" or "effort":
                return new StlSignalBinding(signal, topic, StlSignalSourceKind.JointState, array, isIndex ? index : -1, isIndex ? null : selector);
            default:
                throw new ArgumentException($"parameter '{parameterName}': field '{field}' of entry '{entry}' is not supported; " +
                    "use data (std_msgs/Float64), data[i] (std_msgs/Float64MultiArray) or position|velocity|effort[i or joint name] (sensor_msgs/JointState).");
        }
    }

    private static bool IsIdentifier(string s)
    {
        if (s.Length == 0 || !(char.IsAsciiLetter(s[0]) || s[0] == '_'))
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '.'))
            {
                return false;
            }
        }

        return true;
    }
}
