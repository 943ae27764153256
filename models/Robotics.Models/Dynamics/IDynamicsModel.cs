namespace Robotics.Models.Dynamics;

/// <summary>
/// Discrete-time dynamics x_{k+1} = F(x_k, u_k) with a fixed time step: analytic (a simulator plant integrated
/// at dt) or learned (an artifact evaluated by managed code). Implementations allocate nothing in steady state
/// and keep scratch buffers, so one instance serves one thread.
/// </summary>
/// <remarks>
/// For recurrent models the state vector is [observed outputs; latent hidden state]: <see cref="LatentSize"/>
/// trailing entries that a controller carries along but does not measure.
/// </remarks>
public interface IDynamicsModel
{
    /// <summary>Length of the state vector (observed state plus <see cref="LatentSize"/>).</summary>
    int StateSize { get; }

    /// <summary>Length of the input vector.</summary>
    int InputSize { get; }

    /// <summary>Number of trailing latent entries of the state (0 for feed-forward models).</summary>
    int LatentSize { get; }

    /// <summary>Time step dt of one <see cref="Step"/>, seconds.</summary>
    double TimeStep { get; }

    /// <summary>Names of the observed states (length <see cref="StateSize"/> - <see cref="LatentSize"/>).</summary>
    IReadOnlyList<string> StateNames { get; }

    /// <summary>Names of the inputs.</summary>
    IReadOnlyList<string> InputNames { get; }

    /// <summary>
    /// Writes F(<paramref name="state"/>, <paramref name="input"/>) into <paramref name="nextState"/>, which may be the
    /// same storage as <paramref name="state"/> (in-place rollouts).
    /// </summary>
    void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState);

    /// <summary>
    /// Steps <paramref name="batch"/> independent samples stored row-major (states B x n, inputs B x m).
    /// </summary>
    void StepBatch(ReadOnlySpan<double> states, ReadOnlySpan<double> inputs, Span<double> nextStates, int batch)
    {
        int n = StateSize, m = InputSize;
        for (int b = 0; b < batch; b++)
        {
            Step(states.Slice(b * n, n), inputs.Slice(b * m, m), nextStates.Slice(b * n, n));
        }
    }
}
