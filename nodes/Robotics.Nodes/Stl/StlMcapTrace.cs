using System.Globalization;
using Robotics.Control.Stl;
using Robotics.Ros.Messages;
using Robotics.Ros.Recording;

namespace Robotics.Nodes.Stl;

/// <summary>
/// Reads the signals of an STL specification from an MCAP recording (ROS 2 profile, CDR messages with
/// <c>ros2msg</c> schemas, as <c>robotics bag record</c> and <c>ros2 bag record</c> write them) into a uniformly
/// sampled <see cref="StlTrace"/>.
/// </summary>
/// <remarks>
/// <para><b>Which topic and field.</b> A binding <c>signal=topic[:field]</c> names them; the field is a path through the
/// message (<c>data</c>, <c>data[2]</c>, <c>linear.x</c>, <c>pose.position.y</c>, <c>position[elbow]</c>: an index, or a
/// name looked up in the message's <c>name</c> array as in sensor_msgs/JointState); no field means <c>data</c>. A signal
/// without a binding is resolved from its name, whose dots stand for slashes and the field: <c>car.gap</c> is tried as
/// topic <c>/car</c> field <c>gap</c>, then topic <c>/car/gap</c> field <c>data</c>; the first topic of the recording
/// with that field wins.</para>
/// <para><b>Sampling.</b> Signals are sampled on a uniform grid by zero-order hold (the newest message logged at or
/// before each grid time). The grid starts when every signal has a value (time 0 of the trace) and ends at the last
/// message of any bound topic; its period is <c>period</c> or, by default, the smallest median interval between
/// messages of a bound topic.</para>
/// </remarks>
public static class StlMcapTrace
{
    /// <summary>Reads the signals of <paramref name="specification"/> from an MCAP file.</summary>
    /// <param name="path">The MCAP file.</param>
    /// <param name="specification">The specification (its signals are read).</param>
    /// <param name="bindings">Optional <c>signal=topic[:field]</c> entries; other signals are resolved from their names.</param>
    /// <param name="period">Grid period in seconds, or null for the default.</param>
    /// <returns>The trace, one column per signal of the specification.</returns>
    /// <exception cref="ArgumentException">A signal has no topic or field in the recording, a binding is malformed, the type is unknown, the
    /// file is not a valid MCAP file or a topic is empty; the message names the file, the signal, the topic/field and what the recording holds.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static StlTrace Read(string path, StlSpecification specification, IReadOnlyList<string>? bindings = null, double? period = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(specification);
        if (period is { } p && !(p > 0 && double.IsFinite(p)))
        {
            throw new ArgumentException($"--period must be a positive number of seconds, got {p.ToString(CultureInfo.InvariantCulture)}.");
        }

        McapRecording recording;
        try
        {
            recording = McapReader.ReadFile(path);
        }
        catch (McapFormatException e)
        {
            throw new ArgumentException($"{path}: {e.Message}", e);
        }

        var explicitBindings = ParseBindings(path, bindings ?? []);
        foreach (string signal in explicitBindings.Keys)
        {
            if (!specification.Signals.Contains(signal))
            {
                throw new ArgumentException($"{path}: --signal '{signal}' is not used by the specification (it reads: {string.Join(", ", specification.Signals)}).");
            }
        }

        var columns = new List<Column>();
        foreach (string signal in specification.Signals)
        {
            columns.Add(explicitBindings.TryGetValue(signal, out var b)
                ? Resolve(path, recording, signal, b.Topic, b.Field, explicitBinding: true)!
                : ResolveByName(path, recording, signal));
        }

        // Decode every message of the bound channels.
        foreach (var m in recording.Messages)
        {
            foreach (var c in columns)
            {
                if (c.ChannelId == m.ChannelId)
                {
                    c.Add(path, m);
                }
            }
        }

        foreach (var c in columns)
        {
            if (c.Times.Count == 0)
            {
                throw new ArgumentException($"{path}: signal '{c.Signal}': topic '{c.Topic}' has no messages in the recording.");
            }
        }

        long start = columns.Max(c => c.Times[0]);
        long end = columns.Max(c => c.Times[^1]);
        double periodS = period ?? DefaultPeriod(path, columns);
        long periodNs = Math.Max(1, (long)Math.Round(periodS * 1e9));
        int n = checked((int)((end - start) / periodNs) + 1);
        var times = new double[n];
        var data = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var c in columns)
        {
            var values = new double[n];
            int j = 0;
            for (int k = 0; k < n; k++)
            {
                long t = start + (k * periodNs);
                while (j + 1 < c.Times.Count && c.Times[j + 1] <= t)
                {
                    j++;
                }

                values[k] = c.Values[j];
            }

            data[c.Signal] = values;
        }

        for (int k = 0; k < n; k++)
        {
            times[k] = k * periodNs * 1e-9;
        }

        return new StlTrace(times, data);
    }

    private static double DefaultPeriod(string path, List<Column> columns)
    {
        double best = double.PositiveInfinity;
        foreach (var c in columns)
        {
            if (c.Times.Count < 2)
            {
                continue;
            }

            var gaps = new long[c.Times.Count - 1];
            for (int i = 1; i < c.Times.Count; i++)
            {
                gaps[i - 1] = c.Times[i] - c.Times[i - 1];
            }

            Array.Sort(gaps);
            double median = gaps[gaps.Length / 2] * 1e-9;
            if (median > 0)
            {
                best = Math.Min(best, median);
            }
        }

        return double.IsFinite(best) ? best : 1.0;
    }

    private static Dictionary<string, (string Topic, string Field)> ParseBindings(string path, IReadOnlyList<string> bindings)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (string entry in bindings)
        {
            int eq = entry.IndexOf('=', StringComparison.Ordinal);
            string signal = eq > 0 ? entry[..eq].Trim() : "";
            string rest = eq > 0 ? entry[(eq + 1)..].Trim() : "";
            int colon = rest.IndexOf(':', StringComparison.Ordinal);
            string topic = colon < 0 ? rest : rest[..colon].Trim();
            string field = colon < 0 ? "data" : rest[(colon + 1)..].Trim();
            if (signal.Length == 0 || topic.Length == 0 || field.Length == 0)
            {
                throw new ArgumentException($"{path}: --signal '{entry}' is malformed; expected signal=topic[:field], e.g. x=/rig/state:position[0].");
            }

            if (!result.TryAdd(signal, (topic.StartsWith('/') ? topic : "/" + topic, field)))
            {
                throw new ArgumentException($"{path}: signal '{signal}' is bound twice by --signal; keep one.");
            }
        }

        return result;
    }

    private static Column ResolveByName(string path, McapRecording recording, string signal)
    {
        string[] parts = signal.Split('.');
        var tried = new List<string>();
        for (int i = 1; i <= parts.Length; i++)
        {
            string topic = "/" + string.Join('/', parts[..i]);
            string field = i < parts.Length ? string.Join('.', parts[i..]) : "data";
            tried.Add($"topic {topic} field {field}");
            var column = Resolve(path, recording, signal, topic, field, explicitBinding: false);
            if (column is not null)
            {
                return column;
            }
        }

        throw new ArgumentException(
            $"{path}: signal '{signal}' matches no topic and field of the recording (tried {string.Join("; ", tried)}); " +
            $"topics: {Topics(recording)}. Bind it with --signal {signal}=/topic:field.");
    }

    private static string Topics(McapRecording recording) =>
        string.Join(", ", recording.Channels.Values.Select(c => $"{c.Topic} ({recording.SchemaOf(c)?.Name ?? "?"})").Order(StringComparer.Ordinal));

    // Null (by-name resolution) or an exception (explicit binding) when the topic or field does not exist.
    private static Column? Resolve(string path, McapRecording recording, string signal, string topic, string field, bool explicitBinding)
    {
        var channel = recording.FindChannel(topic);
        if (channel is null)
        {
            return explicitBinding
                ? throw new ArgumentException($"{path}: signal '{signal}': topic '{topic}' is not in the recording; topics: {Topics(recording)}.")
                : null;
        }

        string typeName = recording.SchemaOf(channel)?.Name ?? "";
        if (!MessageTypeRegistry.TryGet(typeName, out var support))
        {
            throw new ArgumentException($"{path}: signal '{signal}': topic '{topic}' has message type '{typeName}', which this build cannot decode.");
        }

        if (channel.MessageEncoding != "cdr")
        {
            throw new ArgumentException($"{path}: signal '{signal}': topic '{topic}' is encoded as '{channel.MessageEncoding}'; only cdr (ROS 2) is read.");
        }

        var steps = new List<Step>();
        var definition = support.Definition;
        string[] segments = field.Split('.');
        for (int s = 0; s < segments.Length; s++)
        {
            string segment = segments[s];
            string name = segment;
            string? selector = null;
            int open = segment.IndexOf('[', StringComparison.Ordinal);
            if (open > 0 && segment.EndsWith(']'))
            {
                name = segment[..open];
                selector = segment[(open + 1)..^1].Trim();
            }

            var f = definition.FindField(name);
            string? problem = null;
            if (f is null)
            {
                problem = $"has no field '{name}' (fields of {definition.RosTypeName}: {string.Join(", ", definition.Fields.Select(x => x.Name))})";
            }
            else if (f.IsArray != (selector is not null))
            {
                problem = f.IsArray ? $"field '{name}' is an array: give an index or a name, e.g. {name}[0]" : $"field '{name}' is not an array";
            }
            else if (f.Kind is RosFieldKind.String or RosFieldKind.WString)
            {
                problem = $"field '{name}' is a string, not a number";
            }
            else if ((f.Kind == RosFieldKind.Message) == (s == segments.Length - 1))
            {
                problem = f.Kind == RosFieldKind.Message ? $"field '{name}' is a message ({f.MessageTypeName}): continue the path, e.g. {segment}.x" : $"field '{name}' is a number and has no field '{segments[s + 1]}'";
            }

            if (problem is not null)
            {
                return explicitBinding
                    ? throw new ArgumentException($"{path}: signal '{signal}': topic '{topic}' ({typeName}) {problem}.")
                    : null;
            }

            int index = -1;
            FieldDefinition? names = null;
            if (selector is not null && !int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out index))
            {
                names = definition.FindField("name");
                if (names is null || names.Kind != RosFieldKind.String || !names.IsArray)
                {
                    throw new ArgumentException($"{path}: signal '{signal}': topic '{topic}' ({typeName}): '{segment}' selects by name, but {definition.RosTypeName} has no 'name' string array; use an index.");
                }

                index = -1;
            }

            steps.Add(new Step(f!, index, selector, names));
            if (f!.Kind == RosFieldKind.Message)
            {
                definition = f.NestedSupport?.Definition ?? throw new ArgumentException($"{path}: signal '{signal}': type '{f.MessageTypeName}' is unknown.");
            }
        }

        return new Column(signal, topic, field, channel.Id, support, [.. steps]);
    }

    private sealed record Step(FieldDefinition Field, int Index, string? Selector, FieldDefinition? Names);

    private sealed class Column(string signal, string topic, string field, ushort channelId, MessageTypeSupport support, Step[] steps)
    {
        public string Signal { get; } = signal;

        public string Topic { get; } = topic;

        public ushort ChannelId { get; } = channelId;

        public List<long> Times { get; } = [];

        public List<double> Values { get; } = [];

        public void Add(string path, McapMessage m)
        {
            var message = support.CreateMessage();
            if (support.TryDeserialize(m.Data, message) != CdrStatus.Ok)
            {
                throw new ArgumentException($"{path}: message {m.Sequence} on '{Topic}' could not be decoded as {support.RosTypeName}.");
            }

            object current = message;
            foreach (var step in steps)
            {
                object value = step.Field.GetValue((IRosMessage)current);
                if (step.Field.IsArray)
                {
                    var array = (Array)value;
                    int index = step.Index;
                    if (step.Names is not null)
                    {
                        index = Array.IndexOf((string[])step.Names.GetValue((IRosMessage)current), step.Selector);
                    }

                    if ((uint)index >= (uint)array.Length)
                    {
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                            $"{path}: signal '{Signal}': message at {m.LogTime} ns on '{Topic}' has no element {step.Selector} in '{step.Field.Name}' ({array.Length} elements)."));
                    }

                    value = array.GetValue(index)!;
                }

                current = value;
            }

            Times.Add(checked((long)m.LogTime));
            Values.Add(current switch
            {
                bool b => b ? 1.0 : 0.0,
                IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
                _ => throw new ArgumentException($"{path}: signal '{Signal}': field '{field}' of '{Topic}' is not a number."),
            });
        }
    }
}
