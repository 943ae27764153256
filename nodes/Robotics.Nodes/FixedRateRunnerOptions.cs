namespace Robotics.Nodes;

/// <summary>Settings of a <see cref="FixedRateRunner"/>.</summary>
public sealed record FixedRateRunnerOptions
{
    /// <summary>Below this much time before a deadline the thread yields instead of sleeping. Default 1 ms.</summary>
    public TimeSpan SpinThreshold { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Priority of the control thread. Default AboveNormal.</summary>
    public ThreadPriority ThreadPriority { get; init; } = ThreadPriority.AboveNormal;

    /// <summary>Throws <see cref="ArgumentException"/> for a negative spin threshold.</summary>
    public void Validate()
    {
        if (SpinThreshold < TimeSpan.Zero)
        {
            throw new ArgumentException($"spin_threshold = {SpinThreshold} must be >= 0.", nameof(SpinThreshold));
        }
    }
}
