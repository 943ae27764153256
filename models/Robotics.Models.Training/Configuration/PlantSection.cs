namespace Robotics.Models.Training.Configuration;

/// <summary>The <c>plant:</c> section: a simulator plant type and parameter overrides.</summary>
public sealed class PlantSection
{
    /// <summary>Plant type name as in scenario files (<c>robotics sim list</c>), e.g. <c>pendulum</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>Parameter overrides by name; plant defaults apply to the rest.</summary>
    public Dictionary<string, double> Parameters { get; set; } = [];
}
