using Robotics.Drivers.Hardware;
using Robotics.Drivers.Serial;

namespace Robotics.Drivers.Tendon;

/// <summary>
/// The tendon-driven continuum rig (LightLace optical sensors, ESP32) over a serial link: 2 motor angle
/// inputs, 3 tip-position outputs, 11 sensor channels (hil-rigs/PROTOCOL.md, rig_type 1).
/// </summary>
/// <remarks>
/// <para>State interfaces (in order): <c>tip/x_m</c>, <c>tip/y_m</c>, <c>tip/z_m</c> (ground truth in
/// emulation; NaN on hardware unless the on-device model estimates them), <c>motor_1/angle_rad</c>,
/// <c>motor_2/angle_rad</c> (applied actuator state), <c>lightlace_01</c> .. <c>lightlace_11</c>.</para>
/// <para>Command interfaces: <c>motor_1/angle_rad</c>, <c>motor_2/angle_rad</c>, range [-1.75, 0.83] rad
/// (clamped by the firmware). Safe command: 0 rad on both motors.</para>
/// <para>Connection, reconnection and fault policy: see <see cref="SerialRigHardware"/>.</para>
/// </remarks>
public sealed class TendonRig : SerialRigHardware
{
    /// <summary>Motor inputs.</summary>
    public const int InputCount = 2;

    /// <summary>Tip position outputs.</summary>
    public const int OutputCount = 3;

    /// <summary>LightLace channels.</summary>
    public const int ChannelCount = 11;

    /// <summary>The interface description (names, safe command).</summary>
    public static HardwareInterfaceInfo InterfaceInfo { get; } = new(
        ["tip/x_m", "tip/y_m", "tip/z_m", "motor_1/angle_rad", "motor_2/angle_rad",
            .. Enumerable.Range(1, ChannelCount).Select(i => $"lightlace_{i:D2}")],
        ["motor_1/angle_rad", "motor_2/angle_rad"],
        [0.0, 0.0]);

    /// <summary>Creates the driver for the rig on <paramref name="portName"/> with default link and retry settings.</summary>
    public TendonRig(string portName, string name = "tendon_rig")
        : this(new RigSupervisorOptions { PortName = portName }, null, name)
    {
    }

    /// <summary>Creates the driver with explicit supervisor and rig settings.</summary>
    public TendonRig(RigSupervisorOptions supervisorOptions, SerialRigOptions? rigOptions = null, string name = "tendon_rig")
        : base(name, InterfaceInfo, RigType.Tendon, InputCount, OutputCount, ChannelCount, supervisorOptions, rigOptions)
    {
    }
}
