namespace Robotics.Sim.Racing;

/// <summary>
/// Behaviour measures of a racing run, as in the paper's control-adaptability evaluation.
/// </summary>
/// <param name="Ticks">Control ticks recorded.</param>
/// <param name="LateralRmseM">RMS lateral offset from the centreline ("centre" case), m.</param>
/// <param name="MeanSpeedMS">Mean speed, m/s.</param>
/// <param name="AccelerationRmsMS2">RMS of sqrt(ax^2 + ay^2) with ax the applied acceleration and ay = v^2 tan(delta)/L ("smooth" case), m/s^2.</param>
/// <param name="MaxAbsLateralM">Largest |n|, m.</param>
/// <param name="OffTrackTicks">Ticks with |n| beyond the half width.</param>
/// <param name="ProgressM">Arc length travelled (negative when reversing), m.</param>
public sealed record RacingMetrics(int Ticks, double LateralRmseM, double MeanSpeedMS, double AccelerationRmsMS2, double MaxAbsLateralM,
    int OffTrackTicks, double ProgressM)
{
    /// <summary>RMS speed error to a constant target ("refvel" and "reverse" cases), m/s; set by <see cref="RacingRun.SpeedRmse"/>.</summary>
    public double SpeedRmseMS { get; init; }
}
