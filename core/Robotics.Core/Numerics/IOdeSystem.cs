namespace Robotics.Core.Numerics;

/// <summary>
/// A continuous-time system x' = f(t, x, u) with fixed state and input sizes, evaluated in place.
/// </summary>
/// <remarks>Implementations must not allocate in <see cref="Derivatives"/>: integrators call it every step.</remarks>
public interface IOdeSystem
{
    /// <summary>Length of the state vector x.</summary>
    int StateSize { get; }

    /// <summary>Length of the input vector u.</summary>
    int InputSize { get; }

    /// <summary>Writes f(t, x, u) into <paramref name="derivative"/>.</summary>
    void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative);
}
