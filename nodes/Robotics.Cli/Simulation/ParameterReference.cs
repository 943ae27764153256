using System.Text;
using Robotics.Core.Parameters;
using Robotics.Sim.Hardware;
using Robotics.Sim.Scenarios;

namespace Robotics.Cli.Simulation;

/// <summary>
/// Generates <c>docs/parameters.md</c>, the table of every parameter a scenario can set, from the parameter
/// descriptors in code (so the document cannot drift: a test compares the committed file with this output).
/// </summary>
public static class ParameterReference
{
    /// <summary>The repository-relative path of the generated document.</summary>
    public const string RelativePath = "docs/parameters.md";

    /// <summary>The document's Markdown text.</summary>
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("# Scenario parameters\n\n");
        sb.Append("Generated from the parameter descriptors in code by `./robotics sim list --markdown > docs/parameters.md`;\n");
        sb.Append("`tests/Robotics.Cli.Tests` fails when this file is out of date. The scenario format is in `sim/scenarios/README.md`.\n");
        Section(sb, "Plants (`plant.type`)", ScenarioCatalog.Plants.Select(p => (p.TypeName, p.Description, p.Parameters)));
        Section(sb, "Controllers (`controller.type`)", ScenarioCatalog.Controllers.Select(p => (p.TypeName, p.Description, p.Parameters)));
        Section(sb, "References (`reference.type`)", ScenarioCatalog.References.Select(p => (p.TypeName, p.Description, p.Parameters)));
        Section(sb, "Simulated hardware (`hardware`)", [("hardware", "Sensor and actuator model of SimHardware.", SimHardwareOptions.Parameters)]);
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title, IEnumerable<(string Type, string Description, IReadOnlyList<ParameterDescriptor> Parameters)> entries)
    {
        sb.Append("\n## ").Append(title).Append('\n');
        foreach (var (type, description, parameters) in entries)
        {
            sb.Append("\n### `").Append(type).Append("`\n\n").Append(description).Append("\n\n");
            sb.Append("| name | type | default | unit | range | meaning |\n|---|---|---|---|---|---|\n");
            foreach (var p in parameters)
            {
                sb.Append("| `").Append(p.Name).Append("` | ").Append(TypeName(p)).Append(" | `").Append(p.DefaultValue.ToString()).Append("` | ")
                    .Append(Cell(p.Unit)).Append(" | ").Append(Cell(p.RangeText())).Append(" | ")
                    .Append(Cell(p.Description + (p.ReadOnly ? " (read-only)" : ""))).Append(" |\n");
            }
        }
    }

    private static string TypeName(ParameterDescriptor p) => p.Type switch
    {
        ParameterType.DoubleArray when p.ArrayLength is { } n => $"double[{n}]",
        ParameterType.DoubleArray => "double[]",
        _ => p.Type.ToString().ToLowerInvariant(),
    };

    private static string Cell(string text) => text.Length == 0 ? "" : text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
