namespace Robotics.Architecture.Tests;

/// <summary>
/// Enforces the dependency rules of docs/architecture.md on the compiled assemblies: the project graph
/// points inward, deterministic layers use no clocks, sleeps, global randomness, sockets or serial ports,
/// only Models.Training loads TorchSharp, and only Drivers know serial ports.
/// </summary>
public sealed class DependencyRulesTests
{
    /// <summary>Which Robotics.* assemblies each project may reference. A new project must be added here.</summary>
    private static readonly Dictionary<string, string[]> AllowedProjectReferences = new()
    {
        ["Robotics.Core"] = [],
        ["Robotics.Ros"] = ["Robotics.Core"],
        // The build-time message generator (.msg/.srv -> C#): a tool, it references nothing of ours.
        ["Robotics.Ros.Generator"] = [],
        ["Robotics.Models"] = ["Robotics.Core"],
        // Training collects its datasets from simulator rollouts (closed-loop excitation needs the controllers).
        ["Robotics.Models.Training"] = ["Robotics.Core", "Robotics.Models", "Robotics.Drivers", "Robotics.Control", "Robotics.Sim"],
        ["Robotics.Drivers"] = ["Robotics.Core"],
        ["Robotics.Drivers.Tendon"] = ["Robotics.Core", "Robotics.Drivers"],
        ["Robotics.Drivers.Hasel"] = ["Robotics.Core", "Robotics.Drivers"],
        ["Robotics.Control"] = ["Robotics.Core", "Robotics.Models", "Robotics.Drivers"],
        ["Robotics.Sim"] = ["Robotics.Core", "Robotics.Models", "Robotics.Drivers", "Robotics.Control"],
        ["Robotics.Nodes"] = ["Robotics.Core", "Robotics.Ros", "Robotics.Models", "Robotics.Drivers", "Robotics.Drivers.Tendon", "Robotics.Drivers.Hasel", "Robotics.Control", "Robotics.Sim"],
        // MIP-MPC over OR-Tools: an algorithm, but not a deterministic layer (solver time limits are wall-clock).
        ["Robotics.Control.Mip"] = ["Robotics.Core", "Robotics.Models", "Robotics.Drivers", "Robotics.Control"],
        // The launch-file evaluator and in-process launcher start node executables.
        ["Robotics.Launch"] = ["Robotics.Core", "Robotics.Ros", "Robotics.Models", "Robotics.Drivers", "Robotics.Drivers.Tendon", "Robotics.Drivers.Hasel", "Robotics.Control", "Robotics.Sim", "Robotics.Nodes"],
        // The published app behind the ament package's node wrappers (lib/robotics/<exec>).
        ["Robotics.NodeRunner"] = ["Robotics.Core", "Robotics.Ros", "Robotics.Models", "Robotics.Drivers", "Robotics.Drivers.Tendon", "Robotics.Drivers.Hasel", "Robotics.Control", "Robotics.Sim", "Robotics.Nodes", "Robotics.Launch"],
        ["Robotics.Cli"] = ["Robotics.Core", "Robotics.Ros", "Robotics.Models", "Robotics.Models.Training", "Robotics.Drivers", "Robotics.Drivers.Tendon", "Robotics.Drivers.Hasel", "Robotics.Control", "Robotics.Control.Mip", "Robotics.Sim", "Robotics.Nodes", "Robotics.Launch", "Robotics.Llm.Gguf"],
        ["Robotics.Llm.Gguf"] = [],
    };

    /// <summary>Layers that must be deterministic: time and randomness come in as arguments.</summary>
    private static readonly string[] DeterministicLayers = ["Robotics.Core", "Robotics.Control", "Robotics.Models", "Robotics.Sim"];

    public static TheoryData<string> ProductionAssemblies()
    {
        var data = new TheoryData<string>();
        foreach (string path in ProductionAssemblyPaths()) data.Add(Path.GetFileNameWithoutExtension(path));
        return data;
    }

    [Fact]
    public void AllExpectedLayersAreBuilt()
    {
        var names = ProductionAssemblyPaths().Select(Path.GetFileNameWithoutExtension).ToHashSet();
        foreach (string required in new[] { "Robotics.Core", "Robotics.Ros", "Robotics.Models", "Robotics.Models.Training", "Robotics.Drivers", "Robotics.Drivers.Tendon", "Robotics.Drivers.Hasel", "Robotics.Control", "Robotics.Control.Mip", "Robotics.Sim", "Robotics.Nodes", "Robotics.Launch", "Robotics.NodeRunner", "Robotics.Cli", "Robotics.Llm.Gguf" })
        {
            Assert.Contains(required, names);
        }
    }

    [Theory]
    [MemberData(nameof(ProductionAssemblies))]
    public void ProjectReferences_PointInward(string assembly)
    {
        var inspector = Inspect(assembly);
        Assert.True(AllowedProjectReferences.TryGetValue(assembly, out var allowed),
            $"{assembly} has no dependency rule; add it to {nameof(AllowedProjectReferences)} and docs/architecture.md.");
        var violations = inspector.References
            .Where(r => r.StartsWith("Robotics.", StringComparison.Ordinal) && !allowed!.Contains(r))
            .ToList();
        Assert.True(violations.Count == 0, $"{assembly} must not reference {string.Join(", ", violations)} (allowed: {string.Join(", ", allowed!)}).");
    }

    [Theory]
    [MemberData(nameof(ProductionAssemblies))]
    public void DeterministicLayers_UseNoClocksSleepsGlobalRandomnessOrIo(string assembly)
    {
        if (!DeterministicLayers.Contains(assembly)) return;
        var violations = BannedUsages(Inspect(assembly));
        Assert.True(violations.Count == 0, $"{assembly} is a deterministic layer but uses: {string.Join(", ", violations)}.");
    }

    [Theory]
    [MemberData(nameof(ProductionAssemblies))]
    public void OnlyModelsTraining_ReferencesTorchSharp(string assembly)
    {
        if (assembly == "Robotics.Models.Training") return;
        Assert.DoesNotContain(Inspect(assembly).References, r => r.StartsWith("TorchSharp", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ProductionAssemblies))]
    public void OnlyDrivers_UseSerialPorts(string assembly)
    {
        if (assembly.StartsWith("Robotics.Drivers", StringComparison.Ordinal)) return;
        Assert.DoesNotContain(Inspect(assembly).TypeReferences, t => t.StartsWith("System.IO.Ports.", StringComparison.Ordinal));
    }

    [Fact]
    public void BannedUsageScanner_FindsViolationsPlantedInThisAssembly()
    {
        // The scanner must be able to fail: this test assembly uses the banned APIs on purpose (below).
        var violations = BannedUsages(AssemblyInspector.Read(typeof(DependencyRulesTests).Assembly.Location));
        Assert.Contains("System.Diagnostics.Stopwatch", violations);
        Assert.Contains("System.DateTime::get_Now", violations);
        Assert.Contains("System.Random", violations);
        Assert.Contains("System.Threading.Thread::Sleep", violations);
    }

    internal static List<string> BannedUsages(AssemblyInspector inspector)
    {
        string[] bannedTypePrefixes = ["System.Diagnostics.Stopwatch", "System.Random", "System.Net.Sockets.", "System.Net.Http.", "System.IO.Ports."];
        string[] bannedMembers =
        [
            "System.DateTime::get_Now", "System.DateTime::get_UtcNow", "System.DateTimeOffset::get_Now",
            "System.DateTimeOffset::get_UtcNow", "System.Threading.Thread::Sleep", "System.TimeProvider::get_System",
            "System.Environment::get_TickCount", "System.Environment::get_TickCount64",
        ];
        var found = inspector.TypeReferences.Where(t => bannedTypePrefixes.Any(p => t == p || (p.EndsWith('.') && t.StartsWith(p, StringComparison.Ordinal)))).ToList();
        found.AddRange(inspector.MemberReferences.Where(bannedMembers.Contains));
        return found.Distinct().ToList();
    }

    private static AssemblyInspector Inspect(string assembly) =>
        AssemblyInspector.Read(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"));

    private static IEnumerable<string> ProductionAssemblyPaths() =>
        Directory.GetFiles(AppContext.BaseDirectory, "Robotics.*.dll")
            .Where(p => !Path.GetFileName(p).Contains(".Tests", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Deliberate violations for <see cref="BannedUsageScanner_FindsViolationsPlantedInThisAssembly"/>; never called.</summary>
    internal static class PlantedViolations
    {
        public static object Use() => (System.Diagnostics.Stopwatch.StartNew(), DateTime.Now, new Random(1), Sleep());

        private static int Sleep()
        {
            Thread.Sleep(0);
            return 0;
        }
    }
}
