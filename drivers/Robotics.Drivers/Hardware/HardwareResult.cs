namespace Robotics.Drivers.Hardware;

/// <summary>The outcome of a hardware call (ros2_control's return_type, plus the refusal of an inactive write).</summary>
public enum HardwareResult : byte
{
    /// <summary>The call succeeded.</summary>
    Ok = 0,

    /// <summary>The call failed; the caller applies its fault policy.</summary>
    Error = 1,

    /// <summary>The component asks to be deactivated (e.g. a latched fault or an e-stop on the device).</summary>
    Deactivate = 2,

    /// <summary>Refused: the component is not in a state that allows the call (e.g. a write while inactive).</summary>
    NotActive = 3,
}
