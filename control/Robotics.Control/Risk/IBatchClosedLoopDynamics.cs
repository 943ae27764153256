namespace Robotics.Control.Risk;

/// <summary>
/// Closed-loop dynamics that evaluate f and ∇·f for many samples in one call, with the states stored
/// structure-of-arrays (component i of sample s at <c>states[i * count + s]</c>), so the loop over samples is tight
/// and can use SIMD. <see cref="LiouvilleDensityPropagator"/> and <see cref="CollisionRiskEstimator"/> take this path
/// when the dynamics implement it.
/// </summary>
/// <remarks>
/// Implementations must give, per sample, exactly the numbers <see cref="IClosedLoopDynamics.Derivatives"/> and
/// <see cref="IClosedLoopDynamics.Divergence"/> give (same operations in the same order), so the batched propagation
/// is bit-identical to the per-sample one. Must not allocate.
/// </remarks>
public interface IBatchClosedLoopDynamics : IClosedLoopDynamics
{
    /// <summary>Writes f(t, x_s) and ∇·f(t, x_s) for <paramref name="count"/> samples.</summary>
    /// <param name="time">Seconds since the start of the propagation.</param>
    /// <param name="states">States, structure-of-arrays: <c>StateSize * count</c> values, component-major.</param>
    /// <param name="count">Number of samples.</param>
    /// <param name="derivatives">Receives f, same layout as <paramref name="states"/>.</param>
    /// <param name="divergences">Receives ∇·f per sample (length <paramref name="count"/>).</param>
    void DerivativesBatch(double time, ReadOnlySpan<double> states, int count, Span<double> derivatives, Span<double> divergences);
}
