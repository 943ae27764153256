namespace Robotics.Drivers.Serial;

/// <summary>Settings of a <see cref="SerialRigHardware"/> component beyond the connection itself.</summary>
public sealed record SerialRigOptions
{
    /// <summary>How long Configure waits for the first connection before it fails.</summary>
    public TimeSpan ConfigureTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A read fails when the newest sample is older than this (stalled stream): the loop's fault policy applies.</summary>
    public TimeSpan MaxSampleAge { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>On a firmware watchdog fault (latched), reconnect so the HELLO re-arms the rig.</summary>
    public bool RearmAfterWatchdogFault { get; init; } = true;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (ConfigureTimeout <= TimeSpan.Zero)
            throw new ArgumentException($"Rig option configure_timeout = {ConfigureTimeout.TotalMilliseconds} ms must be positive; the default is 5000 ms.", nameof(ConfigureTimeout));
        if (MaxSampleAge <= TimeSpan.Zero)
            throw new ArgumentException($"Rig option max_sample_age = {MaxSampleAge.TotalMilliseconds} ms must be positive; use about 10 sample periods (50 ms at 200-500 Hz).", nameof(MaxSampleAge));
    }
}
