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
        Section(sb, "Plants (`plant.type`)", ScenarioCatalog.Plants);
        Section(sb, "Controllers (`controller.type`)", ScenarioCatalog.Controllers);
        Section(sb, "References (`reference.type`)", ScenarioCatalog.References);
        Section(sb, "Simulated hardware (`hardware`)", [new HardwareSection()]);
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title, IEnumerable<ICatalogEntry> entries)
    {
        sb.Append("\n## ").Append(title).Append('\n');
        foreach (var entry in entries)
        {
            sb.Append("\n### `").Append(entry.TypeName).Append("`\n\n").Append(entry.Description).Append("\n\n");
            sb.Append("| name | type | default | unit | range | meaning |\n|---|---|---|---|---|---|\n");
            foreach (var p in entry.Parameters)
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

    /// <summary>The <c>hardware</c> section, listed like a catalog entry.</summary>
    private sealed class HardwareSection : ICatalogEntry
    {
        public string TypeName => "hardware";

        public string Description => "Sensor and actuator model of SimHardware.";

        public IReadOnlyList<ParameterDescriptor> Parameters => SimHardwareOptions.Parameters;
    }
}
