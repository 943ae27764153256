using System.Globalization;
using Robotics.Core.Parameters;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Robotics.Nodes.Parameters;

/// <summary>
/// Turns YAML values (a <c>-p name:=value</c> text or a node of a params file) into parameter values with rcl's typing
/// rules: plain <c>true</c>/<c>false</c> are bools, canonical integers are integers, other numbers doubles, quoted or
/// other text strings, and flow/block sequences arrays (integers in a list become doubles when any element is a double).
/// </summary>
public static class ParameterText
{
    /// <summary>Parses the value text of a <c>-p name:=value</c> assignment.</summary>
    /// <param name="text">YAML text, e.g. <c>1.5</c>, <c>true</c>, <c>[0.1, 0.2]</c>, <c>'quoted'</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The text is not a YAML scalar or a list of scalars.</exception>
    public static ParameterValue Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return ParameterValue.FromString("");
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ArgumentException($"value '{text}' is not valid YAML ({ex.Message}); quote strings, write lists as [1.0, 2.0].", nameof(text), ex);
        }

        if (stream.Documents.Count == 0) return ParameterValue.FromString("");
        return FromNode(stream.Documents[0].RootNode, text);
    }

    /// <summary>Converts one YAML node (scalar or sequence of scalars).</summary>
    /// <param name="node">The node.</param>
    /// <param name="where">Where the node is, for the error message.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The node is a map or a mixed/nested list.</exception>
    public static ParameterValue FromNode(YamlNode node, string where)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case YamlScalarNode s:
                return FromScalar(s);
            case YamlSequenceNode seq:
                var items = new List<ParameterValue>();
                foreach (var child in seq.Children)
                {
                    if (child is not YamlScalarNode cs)
                    {
                        throw new ArgumentException($"{where}: a parameter list holds plain values only (no nested lists or maps), e.g. [1.0, 2.0].");
                    }

                    items.Add(FromScalar(cs));
                }

                return FromList(items, where);
            default:
                throw new ArgumentException($"{where}: a parameter value must be a scalar or a list; a map here would need to be nested parameter names.");
        }
    }

    private static ParameterValue FromList(List<ParameterValue> items, string where)
    {
        if (items.Count == 0) return ParameterValue.FromDoubleArray([]);
        var values = new double[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].Type is not (ParameterType.Double or ParameterType.Integer))
            {
                throw new ArgumentException(
                    $"{where}: element {i} of the list is '{items[i]}' ({items[i].Type}); only numeric lists are supported (double arrays), e.g. [0.1, 0.2].");
            }

            values[i] = items[i].AsDouble();
        }

        return ParameterValue.FromDoubleArray(values);
    }

    private static ParameterValue FromScalar(YamlScalarNode s)
    {
        string v = s.Value ?? "";
        if (s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return ParameterValue.FromString(v);
        }

        switch (v)
        {
            case "true" or "True" or "TRUE": return ParameterValue.FromBool(true);
            case "false" or "False" or "FALSE": return ParameterValue.FromBool(false);
            case ".inf" or ".Inf" or ".INF" or "+.inf": return ParameterValue.FromDouble(double.PositiveInfinity);
            case "-.inf" or "-.Inf" or "-.INF": return ParameterValue.FromDouble(double.NegativeInfinity);
            case ".nan" or ".NaN" or ".NAN": return ParameterValue.FromDouble(double.NaN);
        }

        if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long i))
        {
            return ParameterValue.FromInteger(i);
        }

        if (v.Length > 0 && (char.IsAsciiDigit(v[0]) || v[0] is '-' or '+' or '.')
            && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
        {
            return ParameterValue.FromDouble(d);
        }

        return ParameterValue.FromString(v);
    }
}
