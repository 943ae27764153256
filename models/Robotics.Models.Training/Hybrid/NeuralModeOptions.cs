namespace Robotics.Models.Training.Hybrid;

/// <summary>
/// Settings of <see cref="NeuralModeTrainer"/>: one car friction mode at one reference speed, the residual ratio rho,
/// the network sizes and the training schedule. Defaults train in a few seconds.
/// </summary>
public sealed record NeuralModeOptions
{
    /// <summary>Seed of the torch initialisation and of all sampling. Default 7.</summary>
    public ulong Seed { get; init; } = 7;

    /// <summary>True for the icy mode (mu = 0.1), false for dry (mu = 1.0). Default true.</summary>
    public bool Icy { get; init; } = true;

    /// <summary>Reference speed p of the mode, m/s. Default 5.</summary>
    public double SpeedMS { get; init; } = 5.0;

    /// <summary>Residual ratio rho in u = (1 - rho)(-K e) + rho NN(e). Default 0.5.</summary>
    public double Rho { get; init; } = 0.5;

    /// <summary>Hidden width of the Lyapunov feature network phi and of the controller residual network. Default 16.</summary>
    public int Hidden { get; init; } = 16;

    /// <summary>eps in V(e) = ||phi(z) - phi(0)||^2 + eps ||z||^2 (z = e / box). Default 0.01.</summary>
    public double Epsilon { get; init; } = 0.01;

    /// <summary>Optimiser steps (RMSprop, full batch). Default 200.</summary>
    public int Epochs { get; init; } = 200;

    /// <summary>Re-label the training states by closed-loop rollouts every this many steps. Default 25. The iterate
    /// whose controller converged from the most training states at a re-labelling is the one exported.</summary>
    public int RelabelEvery { get; init; } = 25;

    /// <summary>Training states sampled uniformly in the box. Default 512.</summary>
    public int Samples { get; init; } = 512;

    /// <summary>RMSprop learning rate. Default 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Decrease rate alpha_v in relu(V(e') - (1 - alpha_v) V(e) + margin). Default 0.005 (per 20 ms step).</summary>
    public double DecreaseRate { get; init; } = 0.005;

    /// <summary>Margin of the decrease loss. Default 1e-4.</summary>
    public double Margin { get; init; } = 1e-4;

    /// <summary>
    /// Half-widths of the sampling box of the error e = x - x* = [e_y m, e_psi rad, vx - p m/s, vy m/s, r rad/s].
    /// Default the icy RoA sampling box of <c>CarHybridOptions</c>: [1.0, 0.4, 1.5, 0.2, 0.4].
    /// </summary>
    public double[] Box { get; init; } = [1.0, 0.4, 1.5, 0.2, 0.4];

    /// <summary>Control period, s (zero-order hold). Default 0.02 (as the car's mode LQRs).</summary>
    public double ControlPeriodS { get; init; } = 0.02;

    /// <summary>Rollout horizon for the convergence labels, s. Default 8 (as the car's RoA rollouts).</summary>
    public double HorizonS { get; init; } = 8.0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad field.</summary>
    public void Validate()
    {
        if (!(Rho >= 0 && Rho <= 1)) throw new ArgumentException($"Rho is {Rho}; use a value in [0, 1].", nameof(Rho));
        if (Hidden < 1) throw new ArgumentException($"Hidden is {Hidden}; use at least 1.", nameof(Hidden));
        if (Epochs < 0) throw new ArgumentException($"Epochs is {Epochs}; use 0 or more.", nameof(Epochs));
        if (RelabelEvery < 1) throw new ArgumentException($"RelabelEvery is {RelabelEvery}; use at least 1.", nameof(RelabelEvery));
        if (Samples < 8) throw new ArgumentException($"Samples is {Samples}; use at least 8.", nameof(Samples));
        if (!(Epsilon > 0)) throw new ArgumentException($"Epsilon is {Epsilon}; use a positive value.", nameof(Epsilon));
        if (!(SpeedMS > 0.5)) throw new ArgumentException($"SpeedMS is {SpeedMS}; use more than 0.5 m/s.", nameof(SpeedMS));
        if (Box is null || Box.Length != 5 || Box.Any(b => !(b > 0)))
            throw new ArgumentException("Box needs 5 positive half-widths [e_y, e_psi, e_v, vy, r].", nameof(Box));
        if (!(ControlPeriodS > 0) || !(HorizonS >= ControlPeriodS))
            throw new ArgumentException($"ControlPeriodS {ControlPeriodS} / HorizonS {HorizonS}: use 0 < period <= horizon.", nameof(ControlPeriodS));
    }
}
