namespace Robotics.Core.Numerics;

/// <summary>
/// Semi-implicit (symplectic) Euler for states laid out as [positions..., velocities...]: velocities are
/// updated first from f(x), then positions from f evaluated with the new velocities.
/// </summary>
/// <remarks>
/// First order, but it preserves phase-space volume, so the energy of a conservative system oscillates
/// instead of drifting as with explicit Euler. Useful as a cheap integrator for stiff-free mechanics.
/// </remarks>
public sealed class SemiImplicitEulerIntegrator
{
    private readonly double[] _derivative;

    /// <summary>Creates an integrator; the first <paramref name="positionCount"/> state entries are positions.</summary>
    public SemiImplicitEulerIntegrator(int stateSize, int positionCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stateSize);
        if (positionCount <= 0 || positionCount >= stateSize)
        {
            throw new ArgumentOutOfRangeException(nameof(positionCount), positionCount,
                $"Position count must be in [1, {stateSize - 1}] for a state of length {stateSize}.");
        }

        StateSize = stateSize;
        PositionCount = positionCount;
        _derivative = new double[stateSize];
    }

    /// <summary>The state length.</summary>
    public int StateSize { get; }

    /// <summary>How many leading state entries are positions.</summary>
    public int PositionCount { get; }

    /// <summary>Advances <paramref name="state"/> in place by <paramref name="step"/> seconds.</summary>
    public void Step<TSystem>(TSystem system, double time, double step, Span<double> state, ReadOnlySpan<double> input)
        where TSystem : IOdeSystem
    {
        if (state.Length != StateSize)
        {
            throw new ArgumentException($"State has length {state.Length}; this integrator was built for {StateSize}.", nameof(state));
        }

        Span<double> f = _derivative;
        system.Derivatives(time, state, input, f);
        for (int i = PositionCount; i < StateSize; i++)
        {
            state[i] += step * f[i];
        }

        system.Derivatives(time, state, input, f);
        for (int i = 0; i < PositionCount; i++)
        {
            state[i] += step * f[i];
        }
    }
}
