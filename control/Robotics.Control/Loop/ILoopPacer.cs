namespace Robotics.Control.Loop;

/// <summary>
/// Decides when the next tick of a <see cref="ControlLoop"/> starts: in the simulator by advancing a
/// <see cref="Robotics.Core.Time.ManualClock"/> to the deadline, on a robot by waiting for the monotonic
/// clock to reach it. Runners call <see cref="WaitForNextDeadline"/> then <see cref="ControlLoop.Tick"/>.
/// </summary>
public interface ILoopPacer
{
    /// <summary>The clock the loop must be built with.</summary>
    TimeProvider Clock { get; }

    /// <summary>Returns when the loop's clock has reached <see cref="ControlLoop.NextDeadline"/> (or cancellation was requested).</summary>
    void WaitForNextDeadline(ControlLoop loop, CancellationToken cancellationToken = default);
}
