using Robotics.Drivers.Hardware;

namespace Robotics.Drivers.Serial;

/// <summary>
/// A rig on a serial port chosen by its <see cref="Serial.RigType"/> at run time (the node host and the CLI, which do
/// not reference the per-rig driver assemblies). Same interfaces, sizes and safe command as
/// <c>Robotics.Drivers.Tendon.TendonRig</c> and <c>Robotics.Drivers.Hasel.HaselRig</c>.
/// </summary>
/// <remarks>
/// <para>Tendon state: <c>tip/x_m</c>, <c>tip/y_m</c>, <c>tip/z_m</c>, <c>motor_1/angle_rad</c>,
/// <c>motor_2/angle_rad</c>, <c>lightlace_01..11</c>; commands the two motor angles, safe 0 rad.</para>
/// <para>HASEL state: <c>platform/roll_rad</c>, <c>platform/pitch_rad</c>, <c>platform/heave_m</c>,
/// <c>hasel_1..6/drive</c>, <c>hall_01..18</c>; commands the six drive levels, safe -0.5 (0 V).</para>
/// <para>Connection and fault policy: <see cref="SerialRigHardware"/>.</para>
/// </remarks>
public sealed class SerialRig : SerialRigHardware
{
    private SerialRig(string name, HardwareInterfaceInfo info, RigType type, int inputs, int outputs, int channels,
        RigSupervisorOptions supervisorOptions, SerialRigOptions? rigOptions)
        : base(name, info, type, inputs, outputs, channels, supervisorOptions, rigOptions)
    {
    }

    /// <summary>The interface description of a rig type.</summary>
    /// <exception cref="ArgumentException">The type is not Tendon or Hasel.</exception>
    public static HardwareInterfaceInfo InterfacesFor(RigType type) => type switch
    {
        RigType.Tendon => new HardwareInterfaceInfo(
            ["tip/x_m", "tip/y_m", "tip/z_m", "motor_1/angle_rad", "motor_2/angle_rad",
                .. Enumerable.Range(1, 11).Select(i => $"lightlace_{i:D2}")],
            ["motor_1/angle_rad", "motor_2/angle_rad"],
            [0.0, 0.0]),
        RigType.Hasel => new HardwareInterfaceInfo(
            ["platform/roll_rad", "platform/pitch_rad", "platform/heave_m",
                .. Enumerable.Range(1, 6).Select(i => $"hasel_{i}/drive"),
                .. Enumerable.Range(1, 18).Select(i => $"hall_{i:D2}")],
            [.. Enumerable.Range(1, 6).Select(i => $"hasel_{i}/drive")],
            [.. Enumerable.Repeat(-0.5, 6)]),
        _ => throw new ArgumentException($"Serial rig: rig type {type} has no driver; use Tendon or Hasel.", nameof(type)),
    };

    /// <summary>Creates the driver of a tendon or HASEL rig.</summary>
    /// <exception cref="ArgumentException">The type is unknown or an option is invalid.</exception>
    public static SerialRig Create(RigType type, RigSupervisorOptions supervisorOptions, SerialRigOptions? rigOptions = null, string? name = null)
    {
        var info = InterfacesFor(type);
        return type == RigType.Tendon
            ? new SerialRig(name ?? "tendon_rig", info, type, 2, 3, 11, supervisorOptions, rigOptions)
            : new SerialRig(name ?? "hasel_rig", info, type, 6, 3, 18, supervisorOptions, rigOptions);
    }
}
