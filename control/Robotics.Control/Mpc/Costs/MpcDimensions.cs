namespace Robotics.Control.Mpc.Costs;

/// <summary>
/// The sizes a cost term is configured for: model state and input sizes, horizon, batch and plan time step.
/// Terms check their per-state and per-input parameters against these and preallocate scratch buffers.
/// </summary>
/// <param name="StateSize">Length n of the model state (observed states plus latent entries).</param>
/// <param name="ObservedStateSize">Number of observed (leading) states; also the reference length.</param>
/// <param name="InputSize">Length m of the input.</param>
/// <param name="Horizon">Number of plan steps H (states have H + 1 rows, controls H rows).</param>
/// <param name="BatchSize">Largest batch of trajectories evaluated at once.</param>
/// <param name="TimeStepS">Plan step dt in seconds.</param>
/// <param name="StateNames">Names of the observed states.</param>
/// <param name="InputNames">Names of the inputs.</param>
public sealed record MpcDimensions(int StateSize, int ObservedStateSize, int InputSize, int Horizon, int BatchSize, double TimeStepS,
    IReadOnlyList<string> StateNames, IReadOnlyList<string> InputNames);
