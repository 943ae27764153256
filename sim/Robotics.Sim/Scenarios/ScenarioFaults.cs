using Robotics.Sim.Faults;

namespace Robotics.Sim.Scenarios;

/// <summary>Fault kinds scenario files may name (lower_snake) and the <see cref="FaultKind"/> each maps to.</summary>
internal static class ScenarioFaults
{
    private static readonly (string Name, FaultKind Kind)[] s_kinds =
    [
        ("sensor_dropout", FaultKind.SensorDropout),
        ("stuck_actuator", FaultKind.StuckActuator),
        ("noise_burst", FaultKind.NoiseBurst),
    ];

    public static IReadOnlyList<string> KindNames { get; } = s_kinds.Select(k => k.Name).ToArray();

    public static FaultKind? Find(string name)
    {
        foreach (var (n, k) in s_kinds)
        {
            if (n == name) return k;
        }

        return null;
    }
}
