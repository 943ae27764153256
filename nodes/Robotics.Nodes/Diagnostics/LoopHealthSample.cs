namespace Robotics.Nodes.Diagnostics;

/// <summary>What the host knows about its loop over one diagnostics window (1 s by default).</summary>
/// <param name="TargetRateHz">The configured rate.</param>
/// <param name="MeasuredRateHz">Ticks in the window divided by the window length (NaN when the loop is not running).</param>
/// <param name="RmsJitterSeconds">RMS start-time jitter against the deadline grid since start.</param>
/// <param name="MaxJitterSeconds">Largest absolute jitter since start.</param>
/// <param name="MaxComputeSeconds">Longest tick compute time since start.</param>
/// <param name="NewOverruns">Ticks that started a whole period late during the window.</param>
/// <param name="NewStaleTicks">Ticks that reused the last good state (read fault tolerated) during the window.</param>
/// <param name="NewSafeTicks">Ticks that wrote the safe command (read fault beyond tolerance, failed controller) during the window.</param>
/// <param name="NewWriteFaults">Ticks whose write was refused by the hardware during the window.</param>
/// <param name="DriverFaults">Driver faults since start (each one deactivated the node).</param>
/// <param name="LastFault">Text of the last driver fault, empty when none.</param>
/// <param name="LinkState">The driver's link state text (e.g. <c>ok</c>, <c>reconnecting</c>, <c>simulated</c>).</param>
/// <param name="LifecycleLabel">The node's lifecycle state label.</param>
/// <param name="Active">True when the node is active (commanding the hardware).</param>
public sealed record LoopHealthSample(
    double TargetRateHz,
    double MeasuredRateHz,
    double RmsJitterSeconds,
    double MaxJitterSeconds,
    double MaxComputeSeconds,
    long NewOverruns,
    long NewStaleTicks,
    long NewSafeTicks,
    long NewWriteFaults,
    long DriverFaults,
    string LastFault,
    string LinkState,
    string LifecycleLabel,
    bool Active);
