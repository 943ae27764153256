namespace Robotics.Sim.Scenarios;

/// <summary>
/// The control loop's timing statistics as measured against the simulated clock (periods are exact and
/// jitter and compute time are zero unless a clock moves during a tick). All values in seconds.
/// </summary>
/// <param name="MeanPeriodSeconds">Mean measured period.</param>
/// <param name="MinPeriodSeconds">Smallest measured period.</param>
/// <param name="MaxPeriodSeconds">Largest measured period.</param>
/// <param name="RmsJitterSeconds">Root-mean-square start jitter against the deadlines.</param>
/// <param name="MaxAbsJitterSeconds">Largest absolute start jitter.</param>
/// <param name="MeanComputeSeconds">Mean compute time of a tick (simulated clock).</param>
/// <param name="MaxComputeSeconds">Largest compute time of a tick (simulated clock).</param>
public sealed record ScenarioTiming(double MeanPeriodSeconds, double MinPeriodSeconds, double MaxPeriodSeconds,
    double RmsJitterSeconds, double MaxAbsJitterSeconds, double MeanComputeSeconds, double MaxComputeSeconds);
