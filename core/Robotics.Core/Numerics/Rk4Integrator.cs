namespace Robotics.Core.Numerics;

/// <summary>
/// The classical fourth-order Runge-Kutta method with a fixed step and a workspace allocated once.
/// </summary>
/// <remarks>The input u is held constant over the step (zero-order hold), as a sampled controller does.</remarks>
public sealed class Rk4Integrator
{
    private readonly double[] _k1, _k2, _k3, _k4, _tmp;

    /// <summary>Creates an integrator for states of length <paramref name="stateSize"/>.</summary>
    public Rk4Integrator(int stateSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stateSize);
        StateSize = stateSize;
        _k1 = new double[stateSize];
        _k2 = new double[stateSize];
        _k3 = new double[stateSize];
        _k4 = new double[stateSize];
        _tmp = new double[stateSize];
    }

    /// <summary>The state length this integrator was built for.</summary>
    public int StateSize { get; }

    /// <summary>Advances <paramref name="state"/> in place from <paramref name="time"/> by <paramref name="step"/> seconds.</summary>
    public void Step<TSystem>(TSystem system, double time, double step, Span<double> state, ReadOnlySpan<double> input)
        where TSystem : IOdeSystem
    {
        if (state.Length != StateSize)
        {
            throw new ArgumentException($"State has length {state.Length}; this integrator was built for {StateSize}.", nameof(state));
        }

        int n = StateSize;
        double half = 0.5 * step;
        Span<double> k1 = _k1, k2 = _k2, k3 = _k3, k4 = _k4, tmp = _tmp;

        system.Derivatives(time, state, input, k1);
        for (int i = 0; i < n; i++) tmp[i] = state[i] + half * k1[i];
        system.Derivatives(time + half, tmp, input, k2);
        for (int i = 0; i < n; i++) tmp[i] = state[i] + half * k2[i];
        system.Derivatives(time + half, tmp, input, k3);
        for (int i = 0; i < n; i++) tmp[i] = state[i] + step * k3[i];
        system.Derivatives(time + step, tmp, input, k4);

        double sixth = step / 6.0;
        for (int i = 0; i < n; i++)
        {
            state[i] += sixth * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
        }
    }
}
