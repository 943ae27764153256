namespace Robotics.Drivers.Serial;

/// <summary>What a <see cref="RigSession"/> expects from the rig and how it shakes hands.</summary>
public sealed record RigSessionOptions
{
    /// <summary>The rig type to accept; <see cref="RigType.Unknown"/> accepts any (the console does).</summary>
    public RigType ExpectedRigType { get; init; } = RigType.Unknown;

    /// <summary>Actuator count to require, or null for any.</summary>
    public int? ExpectedInputCount { get; init; }

    /// <summary>Output count to require, or null for any.</summary>
    public int? ExpectedOutputCount { get; init; }

    /// <summary>Channel count to require, or null for any.</summary>
    public int? ExpectedChannelCount { get; init; }

    /// <summary>How often HELLO_REQ is repeated while waiting for the answer (the first may meet a half frame).</summary>
    public TimeSpan HelloResendInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// When the rig reports <see cref="RigCapabilities.Emulated"/>, take its clock as the host's (the host firmware
    /// build stamps mcu_us from CLOCK_MONOTONIC, like <see cref="System.Diagnostics.Stopwatch"/>): the offset is 0
    /// and sample age / command latency are exact instead of estimated within half a round trip.
    /// </summary>
    public bool TrustEmulatedClock { get; init; } = true;

    /// <summary>Protocol major version sent in HELLO_REQ.</summary>
    public byte ProtocolMajor { get; init; } = 1;

    /// <summary>Protocol minor version sent in HELLO_REQ.</summary>
    public byte ProtocolMinor { get; init; }
}
