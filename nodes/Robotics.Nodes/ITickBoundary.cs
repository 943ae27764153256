using Robotics.Control.Loop;

namespace Robotics.Nodes;

/// <summary>
/// Work a <see cref="FixedRateRunner"/> does on the control thread around every tick: the node host applies parameter
/// changes and serialises lifecycle transitions here, so a tick never runs during a change.
/// </summary>
/// <remarks>Called every tick: implementations must not allocate on the steady-state path.</remarks>
public interface ITickBoundary
{
    /// <summary>Called just before <see cref="ControlLoop.Tick"/>.</summary>
    void BeforeTick();

    /// <summary>Called just after the tick (also when it threw, with the loop's last status).</summary>
    /// <param name="status">The tick's status.</param>
    void AfterTick(TickStatus status);
}
