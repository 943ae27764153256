namespace Robotics.Models.Training.Stl;

/// <summary>Settings of <see cref="StlNpcTrainer"/> (defaults after <c>run_stl_1_car.py</c>, scaled down to run in minutes on a CPU).</summary>
public sealed record StlNpcOptions
{
    /// <summary>Task name (car or rover).</summary>
    public string Task { get; init; } = "car";

    /// <summary>Seed of torch and the initial-state sampler.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Gradient steps (each on a fresh minibatch of initial states).</summary>
    public int Epochs { get; init; } = 1500;

    /// <summary>Initial states per step.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Hidden layer widths (ReLU).</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [64, 64, 64];

    /// <summary>Smooth-robustness temperature τ.</summary>
    public double Temperature { get; init; } = 20.0;

    /// <summary>Robustness margin γ of the loss mean(relu(γ - ρ̃)) (the paper uses 0.5).</summary>
    public double Margin { get; init; } = 0.5;

    /// <summary>Held-out initial states for the final evaluation.</summary>
    public int EvaluationStates { get; init; } = 500;
}
