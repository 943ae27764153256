namespace Robotics.Drivers.Serial;

/// <summary>Identity, sizes and timing of an <see cref="InProcessRigPeer"/>.</summary>
public sealed record InProcessRigPeerOptions
{
    /// <summary>Rig type reported in HELLO_RSP.</summary>
    public RigType RigType { get; init; } = RigType.Tendon;

    /// <summary>Actuator count (tendon 2, HASEL 6).</summary>
    public int InputCount { get; init; } = 2;

    /// <summary>Output count (3 for both rigs).</summary>
    public int OutputCount { get; init; } = 3;

    /// <summary>Sensor channel count (tendon 11, HASEL 18).</summary>
    public int ChannelCount { get; init; } = 11;

    /// <summary>Sample stream rate, Hz.</summary>
    public int StreamHz { get; init; } = 500;

    /// <summary>Command watchdog, ms (no CMD/HEARTBEAT for this long: safe state, latched fault).</summary>
    public int WatchdogMilliseconds { get; init; } = 100;

    /// <summary>Firmware build reported in HELLO_RSP.</summary>
    public uint FirmwareBuild { get; init; } = 42;

    /// <summary>Added to the host clock to make mcu_us (tests the host's offset estimate).</summary>
    public long ClockOffsetMicroseconds { get; init; }

    /// <summary>Stable symlink to publish (survives <see cref="InProcessRigPeer.UnplugFor"/>), or null.</summary>
    public string? SymlinkPath { get; init; }

    /// <summary>The tendon rig's sizes.</summary>
    public static InProcessRigPeerOptions Tendon(string? symlinkPath = null) => new() { RigType = RigType.Tendon, InputCount = 2, OutputCount = 3, ChannelCount = 11, SymlinkPath = symlinkPath };

    /// <summary>The HASEL rig's sizes.</summary>
    public static InProcessRigPeerOptions Hasel(string? symlinkPath = null) => new() { RigType = RigType.Hasel, InputCount = 6, OutputCount = 3, ChannelCount = 18, SymlinkPath = symlinkPath };
}
