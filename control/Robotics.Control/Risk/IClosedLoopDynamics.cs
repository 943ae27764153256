namespace Robotics.Control.Risk;

/// <summary>
/// Closed-loop dynamics x' = f(t, x) (plant with its controller in the loop) and the divergence of f, which the
/// Liouville equation needs: d log ρ / dt = -∇·f(t, x) along a trajectory.
/// </summary>
/// <remarks>Neither member may allocate: they are called for every sample at every integration stage.</remarks>
public interface IClosedLoopDynamics
{
    /// <summary>Length of x.</summary>
    int StateSize { get; }

    /// <summary>Writes f(t, x) into <paramref name="derivative"/>.</summary>
    /// <param name="time">Seconds since the start of the propagation.</param>
    /// <param name="state">x.</param>
    /// <param name="derivative">Receives f(t, x).</param>
    void Derivatives(double time, ReadOnlySpan<double> state, Span<double> derivative);

    /// <summary>∇·f(t, x) = trace of ∂f/∂x.</summary>
    /// <param name="time">Seconds since the start of the propagation.</param>
    /// <param name="state">x.</param>
    /// <returns>The divergence.</returns>
    double Divergence(double time, ReadOnlySpan<double> state);
}
