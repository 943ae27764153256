using Robotics.Core.Parameters;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Robotics.Nodes.Parameters;

/// <summary>
/// A ROS 2 parameters file (rcl_yaml_param_parser's format, what <c>--params-file</c> and <c>ros2 param dump</c> use):
/// <c>[namespace:] node: ros__parameters: {name: value}</c>, nested maps flattened to dotted names, node keys may be
/// fully qualified (<c>/rig/controller</c>) and may use wildcards (<c>/**</c> every node, <c>*</c> one name token).
/// </summary>
public sealed class ParamsFile
{
    private const string ParametersKey = "ros__parameters";

    private ParamsFile(string path, IReadOnlyList<ParamsFileBlock> blocks)
    {
        Path = path;
        Blocks = blocks;
    }

    /// <summary>The file name used in messages.</summary>
    public string Path { get; }

    /// <summary>The node blocks, in file order.</summary>
    public IReadOnlyList<ParamsFileBlock> Blocks { get; }

    /// <summary>Reads and parses a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The parsed file.</returns>
    /// <exception cref="ArgumentException">The file is missing or malformed; the message names the file, line and fix.</exception>
    public static ParamsFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"{path}: parameters file not found; check the --params-file path (relative paths are relative to {Environment.CurrentDirectory}).");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses params-file text.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="path">The file name used in messages.</param>
    /// <returns>The parsed file.</returns>
    /// <exception cref="ArgumentException">The text is malformed; the message names the file, line and fix.</exception>
    public static ParamsFile Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ArgumentException($"{path}:{ex.Start.Line}: not valid YAML: {ex.Message}", ex);
        }

        var blocks = new List<ParamsFileBlock>();
        if (stream.Documents.Count == 0) return new ParamsFile(path, blocks);
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ArgumentException($"{path}:{stream.Documents[0].RootNode.Start.Line}: a parameters file is a map of node names, e.g. '/my_node:' then 'ros__parameters:'.");
        }

        Walk(root, "", path, blocks);
        return new ParamsFile(path, blocks);
    }

    /// <summary>Whether a node pattern of a file applies to a node.</summary>
    /// <param name="pattern">The pattern, e.g. <c>/**</c>, <c>/rig/*</c>, <c>/rig/controller</c>.</param>
    /// <param name="fullyQualifiedName">The node's name, e.g. <c>/rig/controller</c>.</param>
    /// <returns>True when the pattern matches.</returns>
    public static bool Matches(string pattern, string fullyQualifiedName)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(fullyQualifiedName);
        string[] p = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string[] n = fullyQualifiedName.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Match(p, 0, n, 0);
    }

    /// <summary>The blocks that apply to a node, in file order.</summary>
    /// <param name="fullyQualifiedName">The node's name.</param>
    /// <returns>The matching blocks.</returns>
    public IReadOnlyList<ParamsFileBlock> BlocksFor(string fullyQualifiedName)
    {
        var list = new List<ParamsFileBlock>();
        foreach (var b in Blocks)
        {
            if (Matches(b.NodePattern, fullyQualifiedName)) list.Add(b);
        }

        return list;
    }

    /// <summary>Writes parameters in this format (what <c>ros2 param dump</c> prints).</summary>
    /// <param name="fullyQualifiedName">The node.</param>
    /// <param name="parameters">Name/value pairs.</param>
    /// <returns>YAML text.</returns>
    public static string Format(string fullyQualifiedName, IEnumerable<KeyValuePair<string, ParameterValue>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine($"{fullyQualifiedName}:");
        w.WriteLine($"  {ParametersKey}:");
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteLine($"    {name}: {FormatValue(value)}");
        }

        return w.ToString();
    }

    /// <summary>A value as YAML (strings quoted when they would read back as another type).</summary>
    /// <param name="value">The value.</param>
    /// <returns>YAML text.</returns>
    public static string FormatValue(ParameterValue value)
    {
        if (value.Type == ParameterType.String)
        {
            string s = value.AsString();
            bool plain = s.Length > 0 && ParameterText.Parse(s).Type == ParameterType.String && s.IndexOfAny([':', '#', '\'', '"', '[', ']', '{', '}', ',']) < 0;
            return plain ? s : "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        if (value.Type == ParameterType.Double)
        {
            double d = value.AsDouble();
            if (double.IsPositiveInfinity(d)) return ".inf";
            if (double.IsNegativeInfinity(d)) return "-.inf";
            if (double.IsNaN(d)) return ".nan";
            string t = value.ToString();
            return t.Contains('.', StringComparison.Ordinal) || t.Contains('e', StringComparison.Ordinal) ? t : t + ".0";
        }

        if (value.Type == ParameterType.DoubleArray)
        {
            var parts = new List<string>();
            foreach (double d in value.AsDoubleArray()) parts.Add(FormatValue(ParameterValue.FromDouble(d)));
            return "[" + string.Join(", ", parts) + "]";
        }

        return value.ToString();
    }

    private static bool Match(string[] p, int i, string[] n, int j)
    {
        if (i == p.Length) return j == n.Length;
        if (p[i] == "**")
        {
            for (int k = j; k <= n.Length; k++)
            {
                if (Match(p, i + 1, n, k)) return true;
            }

            return false;
        }

        if (j == n.Length) return false;
        return (p[i] == "*" || p[i] == n[j]) && Match(p, i + 1, n, j + 1);
    }

    private static void Walk(YamlMappingNode map, string prefix, string path, List<ParamsFileBlock> blocks)
    {
        foreach (var (keyNode, valueNode) in map.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            int line = (int)keyNode.Start.Line;
            if (key.Length == 0)
            {
                throw new ArgumentException($"{path}:{line}: empty or non-text key; node keys are names such as '/rig/controller' or '/**'.");
            }

            if (key == ParametersKey)
            {
                throw new ArgumentException($"{path}:{line}: 'ros__parameters' must sit under a node name, e.g. '/**:' or '/my_node:' on the line above.");
            }

            if (valueNode is not YamlMappingNode child)
            {
                throw new ArgumentException(
                    $"{path}:{line}: '{key}' holds a value, but at this level a parameters file expects node names with a 'ros__parameters:' map; indent parameters under '<node>: ros__parameters:'.");
            }

            string pattern = prefix + "/" + key.Trim('/');
            if (child.Children.TryGetValue(new YamlScalarNode(ParametersKey), out var parameters))
            {
                if (child.Children.Count != 1)
                {
                    throw new ArgumentException($"{path}:{line}: node '{key}' has keys beside 'ros__parameters'; put every parameter under 'ros__parameters:'.");
                }

                if (parameters is not YamlMappingNode pmap)
                {
                    if (parameters is YamlScalarNode { Value: null or "" })
                    {
                        blocks.Add(new ParamsFileBlock(pattern, line, []));
                        continue;
                    }

                    throw new ArgumentException($"{path}:{parameters.Start.Line}: 'ros__parameters' of '{key}' must be a map of name: value.");
                }

                var entries = new List<ParameterAssignment>();
                bool wildcard = pattern.Contains('*', StringComparison.Ordinal);
                Flatten(pmap, "", path, wildcard, entries);
                blocks.Add(new ParamsFileBlock(pattern, line, entries));
            }
            else
            {
                Walk(child, pattern, path, blocks);
            }
        }
    }

    private static void Flatten(YamlMappingNode map, string prefix, string path, bool wildcard, List<ParameterAssignment> entries)
    {
        foreach (var (keyNode, valueNode) in map.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            int line = (int)keyNode.Start.Line;
            if (key.Length == 0)
            {
                throw new ArgumentException($"{path}:{line}: empty parameter name.");
            }

            string name = prefix.Length == 0 ? key : prefix + "." + key;
            if (valueNode is YamlMappingNode nested)
            {
                Flatten(nested, name, path, wildcard, entries);
                continue;
            }

            string where = $"{path}:{line}";
            ParameterValue value;
            try
            {
                value = ParameterText.FromNode(valueNode, $"{where}: parameter '{name}'");
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException(ex.Message, ex);
            }

            entries.Add(new ParameterAssignment(name, value, where, wildcard));
        }
    }
}
