using Robotics.Drivers.Hardware;
using Robotics.Drivers.Serial;

namespace Robotics.Drivers.Hasel;

/// <summary>
/// The HASEL tilting platform (Hall-effect magnetic sensors, Teensy 3.6) over a serial link: 6 drive-level
/// inputs, 3 platform outputs, 18 sensor channels (hil-rigs/PROTOCOL.md, rig_type 2).
/// </summary>
/// <remarks>
/// <para>State interfaces (in order): <c>platform/roll_rad</c>, <c>platform/pitch_rad</c>,
/// <c>platform/heave_m</c> (ground truth in emulation), <c>hasel_1/drive</c> .. <c>hasel_6/drive</c>
/// (applied drive levels), <c>hall_01</c> .. <c>hall_18</c> (6 sensors x Bx, By, Bz, mT).</para>
/// <para>Command interfaces: <c>hasel_1/drive</c> .. <c>hasel_6/drive</c>, normalised drive u in [-0.5, 0.5]
/// with voltage V = V_max (u + 0.5). Safe command: -0.5 on every actuator (0 V: high voltage off).</para>
/// <para>Connection, reconnection and fault policy: see <see cref="SerialRigHardware"/>.</para>
/// </remarks>
public sealed class HaselRig : SerialRigHardware
{
    /// <summary>HASEL actuators.</summary>
    public const int InputCount = 6;

    /// <summary>Platform outputs.</summary>
    public const int OutputCount = 3;

    /// <summary>Magnetic channels.</summary>
    public const int ChannelCount = 18;

    /// <summary>The drive level that switches the high voltage off.</summary>
    public const double SafeDrive = -0.5;

    /// <summary>The interface description (names, safe command).</summary>
    public static HardwareInterfaceInfo InterfaceInfo { get; } = new(
        ["platform/roll_rad", "platform/pitch_rad", "platform/heave_m",
            .. Enumerable.Range(1, InputCount).Select(i => $"hasel_{i}/drive"),
            .. Enumerable.Range(1, ChannelCount).Select(i => $"hall_{i:D2}")],
        [.. Enumerable.Range(1, InputCount).Select(i => $"hasel_{i}/drive")],
        [.. Enumerable.Repeat(SafeDrive, InputCount)]);

    /// <summary>Creates the driver for the rig on <paramref name="portName"/> with default link and retry settings.</summary>
    public HaselRig(string portName, string name = "hasel_rig")
        : this(new RigSupervisorOptions { PortName = portName }, null, name)
    {
    }

    /// <summary>Creates the driver with explicit supervisor and rig settings.</summary>
    public HaselRig(RigSupervisorOptions supervisorOptions, SerialRigOptions? rigOptions = null, string name = "hasel_rig")
        : base(name, InterfaceInfo, RigType.Hasel, InputCount, OutputCount, ChannelCount, supervisorOptions, rigOptions)
    {
    }
}
