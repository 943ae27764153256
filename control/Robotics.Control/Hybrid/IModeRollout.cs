namespace Robotics.Control.Hybrid;

/// <summary>
/// Closed-loop rollout of one mode, used by <see cref="RoaEstimator"/>: Sim-side plants implement it so that the
/// deterministic control layer never references the simulator.
/// </summary>
public interface IModeRollout
{
    /// <summary>
    /// Simulates the closed loop of the mode with parameter <paramref name="parameter"/> from
    /// <paramref name="initialState"/> (the same coordinates as the mode's <see cref="ModeLqr"/>) and reports whether
    /// it converged to the operating point. Must be deterministic.
    /// </summary>
    bool Converges(double parameter, ReadOnlySpan<double> initialState);
}
