namespace Robotics.Control.Hybrid;

/// <summary>
/// One-step Lyapunov decrease check of a mode's closed loop, used by <see cref="RoaEstimator"/>: a rollout that also
/// implements it lets the estimator lower the level below every sampled state where V does not decrease.
/// </summary>
/// <remarks>
/// If V(x_next) &lt; V(x) holds at every state of {V &lt;= c} except x*, the sublevel set is forward invariant and
/// V is a Lyapunov function on it (discrete-time Lyapunov theorem), so the set is a region of attraction; the check
/// is a single control period, far cheaper than a convergence rollout, so it can be sampled densely.
/// </remarks>
public interface ILyapunovStepCheck
{
    /// <summary>True if one control step of the closed loop of mode <paramref name="parameter"/> from <paramref name="state"/> strictly lowers V.</summary>
    bool Decreases(double parameter, ReadOnlySpan<double> state);
}
