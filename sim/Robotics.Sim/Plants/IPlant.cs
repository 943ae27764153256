using Robotics.Core.Numerics;

namespace Robotics.Sim.Plants;

/// <summary>
/// A simulated physical system: a continuous-time state-space model x' = f(t, x, u) with named states
/// and inputs in SI units, plus the fixed-step integration the simulator uses for it.
/// </summary>
public interface IPlant : IOdeSystem
{
    /// <summary>The plant's type name as used in scenario files, e.g. <c>mass_spring_damper</c>.</summary>
    string TypeName { get; }

    /// <summary>State names with unit suffixes (e.g. <c>position_m</c>, <c>velocity_m_s</c>), in state order.</summary>
    IReadOnlyList<string> StateNames { get; }

    /// <summary>Input names with unit suffixes (e.g. <c>force_n</c>), in input order.</summary>
    IReadOnlyList<string> InputNames { get; }

    /// <summary>
    /// Advances <paramref name="state"/> in place by one integration step of <paramref name="step"/> seconds
    /// with the input held constant. Must not allocate.
    /// </summary>
    void Advance(double time, double step, Span<double> state, ReadOnlySpan<double> input);
}
