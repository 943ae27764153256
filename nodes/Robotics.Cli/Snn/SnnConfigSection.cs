using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Robotics.Cli.Snn;

/// <summary>A YAML mapping read key by key with defaults; unknown keys are errors naming the file and path.</summary>
internal sealed class SnnConfigSection
{
    private readonly YamlMappingNode? _node;
    private readonly string _source, _path;
    private readonly HashSet<string> _used = [];

    public SnnConfigSection(YamlMappingNode? node, string source, string path)
    {
        _node = node;
        _source = source;
        _path = path;
    }

    public SnnConfigSection Section(string key)
    {
        _used.Add(key);
        var child = Find(key);
        if (child is null || child is YamlScalarNode { Value: null or "" or "~" or "null" }) return new SnnConfigSection(null, _source, Path(key));
        if (child is not YamlMappingNode map) throw Error(key, child, "a mapping of settings");
        return new SnnConfigSection(map, _source, Path(key));
    }

    public double Double(string key, double defaultValue)
    {
        _used.Add(key);
        var node = Find(key);
        if (node is null) return defaultValue;
        if (node is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
        throw Error(key, node, "a finite number");
    }

    public int Int(string key, int defaultValue)
    {
        _used.Add(key);
        var node = Find(key);
        if (node is null) return defaultValue;
        if (node is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)) return v;
        throw Error(key, node, "an integer");
    }

    public int? NullableInt(string key, int? defaultValue)
    {
        _used.Add(key);
        var node = Find(key);
        if (node is null || node is YamlScalarNode { Value: null or "" or "~" or "null" }) return defaultValue;
        return Int(key, 0);
    }

    public ulong ULong(string key, ulong defaultValue)
    {
        _used.Add(key);
        var node = Find(key);
        if (node is null) return defaultValue;
        if (node is YamlScalarNode s && ulong.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong v)) return v;
        throw Error(key, node, "a non-negative integer");
    }

    public bool Bool(string key, bool defaultValue)
    {
        _used.Add(key);
        var node = Find(key);
        if (node is null) return defaultValue;
        if (node is YamlScalarNode s && bool.TryParse(s.Value, out bool v)) return v;
        throw Error(key, node, "true or false");
    }

    public string String(string key, string defaultValue)
    {
        _used.Add(key);
        var node = Find(key);
        if (node is null) return defaultValue;
        if (node is YamlScalarNode s && s.Value is { } v) return v;
        throw Error(key, node, "a string");
    }

    public double[] Doubles(string key, double[] defaultValue)
    {
        _used.Add(key);
        var node = Find(key);
        if (node is null) return defaultValue;
        if (node is YamlSequenceNode seq)
        {
            var values = new double[seq.Children.Count];
            for (int i = 0; i < values.Length; i++)
            {
                if (seq.Children[i] is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) values[i] = v;
                else throw Error(key, node, "a list of numbers");
            }

            return values;
        }

        throw Error(key, node, "a list of numbers, e.g. [1.0, 1.5]");
    }

    /// <summary>Throws for the first key of this mapping that was never read.</summary>
    public void RejectUnknown()
    {
        if (_node is null) return;
        foreach (var entry in _node.Children)
        {
            string key = ((YamlScalarNode)entry.Key).Value ?? "";
            if (!_used.Contains(key))
            {
                throw new SnnConfigException($"{_source}:{entry.Key.Start.Line}: unknown key '{Path(key)}'; known keys here: {string.Join(", ", _used.Order())}. Fix the spelling or remove it.");
            }
        }
    }

    private YamlNode? Find(string key)
    {
        if (_node is null) return null;
        foreach (var entry in _node.Children)
        {
            if (entry.Key is YamlScalarNode k && k.Value == key) return entry.Value;
        }

        return null;
    }

    private string Path(string key) => _path.Length == 0 ? key : _path + "." + key;

    private SnnConfigException Error(string key, YamlNode node, string expected) =>
        new($"{_source}:{node.Start.Line}: '{Path(key)}' must be {expected}; found '{(node as YamlScalarNode)?.Value ?? node.NodeType.ToString()}'. Fix the value.");
}
