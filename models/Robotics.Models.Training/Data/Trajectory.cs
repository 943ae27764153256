namespace Robotics.Models.Training.Data;

/// <summary>
/// One recorded trajectory: states x_0..x_T and the inputs u_0..u_{T-1} applied between them, row-major.
/// </summary>
public sealed class Trajectory
{
    /// <summary>Creates a trajectory; <paramref name="states"/> holds (steps + 1) x n values, <paramref name="inputs"/> steps x m.</summary>
    public Trajectory(int stateSize, int inputSize, double[] states, double[] inputs)
    {
        if (stateSize <= 0 || inputSize < 0 || inputs.Length % Math.Max(1, inputSize) != 0)
        {
            throw new ArgumentException("Inputs must hold whole rows of the input size.");
        }

        Steps = inputSize == 0 ? states.Length / stateSize - 1 : inputs.Length / inputSize;
        if (states.Length != (Steps + 1) * stateSize)
        {
            throw new ArgumentException($"{Steps} steps need {(Steps + 1) * stateSize} state values; got {states.Length}.");
        }

        StateSize = stateSize;
        InputSize = inputSize;
        States = states;
        Inputs = inputs;
    }

    /// <summary>State size n.</summary>
    public int StateSize { get; }

    /// <summary>Input size m.</summary>
    public int InputSize { get; }

    /// <summary>Number of transitions T.</summary>
    public int Steps { get; }

    /// <summary>States, (T + 1) x n row-major.</summary>
    public double[] States { get; }

    /// <summary>Inputs, T x m row-major.</summary>
    public double[] Inputs { get; }

    /// <summary>State x_k.</summary>
    public ReadOnlySpan<double> State(int k) => States.AsSpan(k * StateSize, StateSize);

    /// <summary>Input u_k.</summary>
    public ReadOnlySpan<double> Input(int k) => Inputs.AsSpan(k * InputSize, InputSize);
}
