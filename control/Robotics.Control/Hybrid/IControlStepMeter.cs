namespace Robotics.Control.Hybrid;

/// <summary>
/// Measures controller compute time per control step. The deterministic layers may not read a clock, so benchmark
/// systems only bracket each controller computation; the CLI implements the meter with a stopwatch.
/// </summary>
public interface IControlStepMeter
{
    /// <summary>A controller computation starts.</summary>
    void BeginStep();

    /// <summary>The controller computation ends.</summary>
    void EndStep();
}
