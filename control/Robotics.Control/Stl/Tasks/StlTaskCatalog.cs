namespace Robotics.Control.Stl.Tasks;

/// <summary>The STL benchmark tasks by name.</summary>
public static class StlTaskCatalog
{
    /// <summary>Task names: <c>car</c>, <c>rover</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["car", "rover"];

    /// <summary>Creates the task called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the known ones).</exception>
    public static IStlTask Create(string name) => name switch
    {
        "car" => new TrafficLightCarTask(),
        "rover" => new RoverBatteryTask(),
        _ => throw new ArgumentException($"Unknown STL task '{name}'; known tasks: {string.Join(", ", Names)}.", nameof(name)),
    };
}
