namespace Robotics.Control.Snn;

/// <summary>
/// The closed-loop setting in which altitude controllers are trained and benchmarked: control period, altitude
/// sensor noise, thrust limits of the command and the initial state.
/// </summary>
/// <remarks>Defaults: 100 Hz (the blimp paper's TIME_STEP 0.01 s), 1 cm Gaussian altitude noise (the order of a
/// radar/ToF altimeter's indoor noise), thrust command in [-0.1, 0.2] N (the blimp plant's limits), start at
/// 1 m at rest.</remarks>
public sealed record AltitudeLoopSettings
{
    /// <summary>Control period h, s (default 0.01).</summary>
    public double PeriodS { get; init; } = 0.01;

    /// <summary>Standard deviation of the additive Gaussian altitude-sensor noise, m (default 0.01).</summary>
    public double SensorNoiseStdM { get; init; } = 0.01;

    /// <summary>Lowest thrust command, N (default -0.1).</summary>
    public double ThrustMinN { get; init; } = -0.1;

    /// <summary>Highest thrust command, N (default 0.2).</summary>
    public double ThrustMaxN { get; init; } = 0.2;

    /// <summary>Initial altitude, m (default 1).</summary>
    public double InitialAltitudeM { get; init; } = 1.0;

    /// <summary>When true a state below altitude 0 is put on the floor at rest after each step (as the blimp plant
    /// does). Default true.</summary>
    public bool Floor { get; init; } = true;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public void Validate()
    {
        if (!(PeriodS > 0) || !double.IsFinite(PeriodS)) throw new ArgumentException($"period_s = {PeriodS} must be > 0.");
        if (!(SensorNoiseStdM >= 0) || !double.IsFinite(SensorNoiseStdM)) throw new ArgumentException($"sensor_noise_std_m = {SensorNoiseStdM} must be >= 0.");
        if (!(ThrustMinN <= ThrustMaxN)) throw new ArgumentException($"thrust_min_n = {ThrustMinN} must be <= thrust_max_n = {ThrustMaxN}.");
        if (!double.IsFinite(InitialAltitudeM)) throw new ArgumentException($"initial_altitude_m = {InitialAltitudeM} must be finite.");
    }
}
