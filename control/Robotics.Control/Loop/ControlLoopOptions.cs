using Robotics.Core.Time;

namespace Robotics.Control.Loop;

/// <summary>Settings of a <see cref="ControlLoop"/>, validated when the loop is built.</summary>
public sealed record ControlLoopOptions
{
    /// <summary>The tick period. Default 1 ms (1 kHz).</summary>
    public SimTime Period { get; init; } = SimTime.FromMilliseconds(1);

    /// <summary>
    /// How many consecutive failed reads the loop rides through by controlling on the last good state.
    /// Past this, it writes the hardware's safe command until a read succeeds again. Default 5.
    /// </summary>
    public int ReadFaultToleranceTicks { get; init; } = 5;

    /// <summary>Throws <see cref="ArgumentException"/> naming the field and the fix when a setting is invalid.</summary>
    public void Validate()
    {
        if (Period.Nanoseconds <= 0)
        {
            throw new ArgumentException($"control loop period = {Period} must be > 0; give a positive rate in Hz.", nameof(Period));
        }

        if (ReadFaultToleranceTicks < 0)
        {
            throw new ArgumentException($"read_fault_tolerance_ticks = {ReadFaultToleranceTicks} must be >= 0.", nameof(ReadFaultToleranceTicks));
        }
    }
}
