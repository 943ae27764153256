namespace Robotics.Nodes.Hosting;

/// <summary>
/// The node executables this service ships, by package and name: what the launcher resolves <c>&lt;node pkg exec&gt;</c>
/// against and what the ament package installs a wrapper for.
/// </summary>
public sealed class NodeExecutableCatalog
{
    private readonly INodeExecutable[] executables;

    /// <summary>Creates a catalog.</summary>
    /// <param name="executables">The executables; package/name pairs must be unique.</param>
    /// <exception cref="ArgumentException">Two executables share a package and name.</exception>
    public NodeExecutableCatalog(IEnumerable<INodeExecutable> executables)
    {
        ArgumentNullException.ThrowIfNull(executables);
        this.executables = executables.ToArray();
        var seen = new HashSet<(string, string)>();
        foreach (var e in this.executables)
        {
            if (!seen.Add((e.Package, e.Name)))
            {
                throw new ArgumentException($"Two node executables are named '{e.Package}/{e.Name}'; rename one.", nameof(executables));
            }
        }
    }

    /// <summary>The executables the service ships (one line per executable: add yours here).</summary>
    public static NodeExecutableCatalog Default => new(
    [
        new Robotics.Nodes.Rigs.SimRigNodeExecutable(),
        new Robotics.Nodes.Rigs.SerialRigNodeExecutable(),
        new Robotics.Nodes.Blimp.BlimpAltitudeNodeExecutable(),
        new Robotics.Nodes.Racing.RacingMpcNodeExecutable(),
        new Robotics.Nodes.Risk.RiskCheckNodeExecutable(),
        new Robotics.Nodes.Stl.StlMonitorNodeExecutable(),
        new Robotics.Nodes.Hybrid.HybridSupervisorNodeExecutable(),
    ]);

    /// <summary>Every executable, in catalog order.</summary>
    public IReadOnlyList<INodeExecutable> All => executables;

    /// <summary>Finds an executable by package and name.</summary>
    /// <param name="package">The package, e.g. <c>robotics</c>.</param>
    /// <param name="name">The executable name.</param>
    /// <returns>The executable, or null when none has that package and name.</returns>
    public INodeExecutable? Find(string package, string name) =>
        Array.Find(executables, e => e.Package == package && e.Name == name);
}
