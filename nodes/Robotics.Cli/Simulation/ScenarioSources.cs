using System.Reflection;
using Robotics.Sim.Scenarios;

namespace Robotics.Cli.Simulation;

/// <summary>Where scenarios come from: files in <c>sim/scenarios/</c>, or the copies embedded in the executable.</summary>
public static class ScenarioSources
{
    private const string ResourcePrefix = "scenarios/";

    /// <summary>The scenario folder of the repository.</summary>
    public static string Folder => Path.Combine(RepoPaths.Root, "sim", "scenarios");

    /// <summary>The scenario files in <see cref="Folder"/>, sorted by name (empty if the folder is missing).</summary>
    public static IReadOnlyList<string> Files() =>
        Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>The scenarios embedded at build time (the shipped defaults), sorted by resource name.</summary>
    public static IReadOnlyList<Scenario> Embedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var scenarios = new List<Scenario>();
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            scenarios.Add(ScenarioLoader.Parse(reader.ReadToEnd(), "embedded:" + name));
        }

        return scenarios;
    }
}
