namespace Robotics.Models.Training.Configuration;

/// <summary>The <c>data:</c> section: how many trajectories of which excitation to record, and the split.</summary>
public sealed class DataSection
{
    /// <summary>Number of simulated trajectories.</summary>
    public int Trajectories { get; set; } = 60;

    /// <summary>Steps per trajectory.</summary>
    public int Steps { get; set; } = 200;

    /// <summary><c>random_steps</c>, <c>chirp</c> or <c>closed_loop</c>.</summary>
    public string Excitation { get; set; } = "random_steps";

    /// <summary>Input amplitude in input units (per input; one value applies to all).</summary>
    public double[] InputAmplitude { get; set; } = [1.0];

    /// <summary>For random steps: the range [min, max] of steps a level is held.</summary>
    public int[] HoldSteps { get; set; } = [5, 40];

    /// <summary>For chirps: the frequency range [f0, f1] in Hz swept over a trajectory.</summary>
    public double[] ChirpHz { get; set; } = [0.05, 2.0];

    /// <summary>For closed loop: PID gains [kp, ki, kd] on state 0 tracking random set-points.</summary>
    public double[] PidGains { get; set; } = [5.0, 0.0, 1.0];

    /// <summary>For closed loop: standard deviation of the exploration noise added to the PID command.</summary>
    public double ExplorationNoise { get; set; } = 0.5;

    /// <summary>Standard deviation of each initial state (zero mean), per state; one value applies to all.</summary>
    public double[] InitialStateStd { get; set; } = [0.5];

    /// <summary>Fractions of trajectories for [train, validation, test]; they must sum to 1.</summary>
    public double[] Split { get; set; } = [0.7, 0.15, 0.15];
}
