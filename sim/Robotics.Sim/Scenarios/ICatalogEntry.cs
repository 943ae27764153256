using Robotics.Core.Parameters;

namespace Robotics.Sim.Scenarios;

/// <summary>What every <see cref="ScenarioCatalog"/> entry (plant, controller or reference type) has in common.</summary>
public interface ICatalogEntry
{
    /// <summary>The name scenario files use in <c>type:</c>.</summary>
    string TypeName { get; }

    /// <summary>One-line description for <c>sim list</c>.</summary>
    string Description { get; }

    /// <summary>The parameters a scenario may set, with defaults, units and ranges.</summary>
    IReadOnlyList<ParameterDescriptor> Parameters { get; }
}
