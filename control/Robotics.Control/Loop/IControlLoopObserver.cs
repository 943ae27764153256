using Robotics.Core.Time;

namespace Robotics.Control.Loop;

/// <summary>
/// Receives every tick's data after the write (recorders, telemetry, metrics). Called on the control
/// thread: implementations must be fast and must not allocate in steady state.
/// </summary>
public interface IControlLoopObserver
{
    /// <summary>Called once per tick with the data the tick used.</summary>
    void OnTick(long tickIndex, SimTime now, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, ReadOnlySpan<double> command, TickStatus status);
}
