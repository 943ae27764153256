using Robotics.Control.Pid;

namespace Robotics.Control.Snn;

/// <summary>
/// Settings of <see cref="SnnTrainer"/>: the teacher PID, the encoder, the closed loop, the training profiles, the
/// fitness weights, the three populations and the CMA-ES budget.
/// </summary>
public sealed record SnnTrainingOptions
{
    /// <summary>Seed of every random stream (profiles, sensor noise, initial genomes, CMA-ES sampling).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The closed loop (period, noise, limits).</summary>
    public AltitudeLoopSettings Loop { get; init; } = new();

    /// <summary>The teacher PID: kp 0.3, ki 0.03, kd 0.6, Tf 0.2 s, output [-0.1, 0.2] N (tuned for the default blimp:
    /// 13 % overshoot and 13 s settling on a 0.5 m step; the gains of <c>sim/scenarios/blimp-altitude.yaml</c>
    /// overshoot 75 %).</summary>
    public PidParameters Teacher { get; init; } = new()
    {
        Kp = 0.3, Ki = 0.03, Kd = 0.6, DerivativeFilterTimeS = 0.2, OutputMin = -0.1, OutputMax = 0.2,
    };

    /// <summary>Encoder error scale e_s, m (default 0.5).</summary>
    public double ErrorScaleM { get; init; } = 0.5;

    /// <summary>Encoder derivative scale d_s, m/s (default 0.25).</summary>
    public double DerivativeScaleMS { get; init; } = 0.25;

    /// <summary>Encoder derivative filter time constant, s (default: the teacher's, 0.2).</summary>
    public double DerivativeFilterTimeS { get; init; } = 0.2;

    /// <summary>Number of random-step training profiles (default 3).</summary>
    public int Profiles { get; init; } = 3;

    /// <summary>Duration of each training profile, s (default 40).</summary>
    public double ProfileDurationS { get; init; } = 40.0;

    /// <summary>Shortest hold of a training profile, s (default 8).</summary>
    public double HoldMinS { get; init; } = 8.0;

    /// <summary>Longest hold of a training profile, s (default 12).</summary>
    public double HoldMaxS { get; init; } = 12.0;

    /// <summary>Lowest random set-point, m (default 0.5).</summary>
    public double AltitudeMinM { get; init; } = 0.5;

    /// <summary>Highest random set-point, m (default 2).</summary>
    public double AltitudeMaxM { get; init; } = 2.0;

    /// <summary>Weight of the imitation term (mean squared difference to the PID target / thrust_scale^2). Default 1.</summary>
    public double ImitationWeight { get; init; } = 1.0;

    /// <summary>Weight of the closed-loop term (mean squared altitude error / altitude_scale^2). Default 1.</summary>
    public double TrackingWeight { get; init; } = 1.0;

    /// <summary>Thrust scale of the imitation term, N (default 0.05).</summary>
    public double ThrustScaleN { get; init; } = 0.05;

    /// <summary>Altitude scale of the tracking term, m (default 0.1).</summary>
    public double AltitudeScaleM { get; init; } = 0.1;

    /// <summary>The fast population imitating the PID's P + D terms.</summary>
    public SnnPopulationSpec Fast { get; init; } = new() { Name = "pd", Neurons = 120 };

    /// <summary>The slow population imitating the PID's integral term (its current may integrate: leak up to 1).</summary>
    public SnnPopulationSpec Slow { get; init; } = new()
    {
        Name = "i", Neurons = 40, CurrentLeakMin = 0.95, CurrentLeakMax = 1.0, OutputWeightMax = 0.01,
    };

    /// <summary>The one-population baseline imitating the whole PID output.</summary>
    public SnnPopulationSpec Single { get; init; } = new() { Name = "single", Neurons = 160 };

    /// <summary>CMA-ES generations for the fast population (default 120).</summary>
    public int FastGenerations { get; init; } = 120;

    /// <summary>CMA-ES generations for the slow population (default 80).</summary>
    public int SlowGenerations { get; init; } = 80;

    /// <summary>CMA-ES generations for the one-population baseline (default 120; 0 skips it).</summary>
    public int SingleGenerations { get; init; } = 120;

    /// <summary>CMA-ES population size; null = 4 + floor(3 ln D).</summary>
    public int? PopulationSize { get; init; }

    /// <summary>CMA-ES initial step size in the unit-cube genome space (default 0.15).</summary>
    public double InitialSigma { get; init; } = 0.15;

    /// <summary>Use sep-CMA-ES (diagonal covariance; default true, it learns faster in hundreds of dimensions).</summary>
    public bool DiagonalCovariance { get; init; } = true;

    /// <summary>Parallel fitness workers (default 1). The result does not depend on this number.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentException">A value is invalid; the message names it.</exception>
    public void Validate()
    {
        Loop.Validate();
        Teacher.Validate();
        Fast.Validate();
        Slow.Validate();
        Single.Validate();
        if (Fast.Neurons + Slow.Neurons > 160)
        {
            throw new ArgumentException($"fast.neurons + slow.neurons = {Fast.Neurons + Slow.Neurons} exceeds the paper's budget of 160 neurons.");
        }

        if (Profiles < 1) throw new ArgumentException($"profiles = {Profiles} must be >= 1.");
        if (!(ProfileDurationS > HoldMinS) || !(HoldMinS > 0) || !(HoldMaxS >= HoldMinS))
        {
            throw new ArgumentException($"profile_duration_s = {ProfileDurationS}, hold_min_s = {HoldMinS}, hold_max_s = {HoldMaxS}: need 0 < hold_min <= hold_max and duration > hold_min.");
        }

        if (!(AltitudeMaxM >= AltitudeMinM)) throw new ArgumentException($"altitude_min_m = {AltitudeMinM} must be <= altitude_max_m = {AltitudeMaxM}.");
        if (!(ImitationWeight >= 0) || !(TrackingWeight >= 0)) throw new ArgumentException("imitation_weight and tracking_weight must be >= 0.");
        if (!(ThrustScaleN > 0) || !(AltitudeScaleM > 0)) throw new ArgumentException("thrust_scale_n and altitude_scale_m must be > 0.");
        if (FastGenerations < 1 || SlowGenerations < 1 || SingleGenerations < 0)
        {
            throw new ArgumentException("fast_generations and slow_generations must be >= 1, single_generations >= 0.");
        }

        if (Workers < 1) throw new ArgumentException($"workers = {Workers} must be >= 1.");
        if (!(InitialSigma > 0)) throw new ArgumentException($"initial_sigma = {InitialSigma} must be > 0.");
        if (PopulationSize is < 2) throw new ArgumentException($"population_size = {PopulationSize} must be >= 2.");
        _ = new SnnErrorEncoder(ErrorScaleM, DerivativeScaleMS, DerivativeFilterTimeS);
    }

    /// <summary>A new encoder with these settings.</summary>
    public SnnErrorEncoder CreateEncoder() => new(ErrorScaleM, DerivativeScaleMS, DerivativeFilterTimeS);
}
