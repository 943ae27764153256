namespace Robotics.Drivers.Serial;

/// <summary>FAULT codes sent by the firmware.</summary>
public enum RigFaultCode : byte
{
    /// <summary>No fault.</summary>
    None = 0,

    /// <summary>No CMD/SETPOINT/HEARTBEAT for the watchdog period: safe state, latched until HELLO. Detail = ms since the last one.</summary>
    Watchdog = 0x01,

    /// <summary>HELLO major version mismatch; detail = the host's major.</summary>
    Version = 0x02,

    /// <summary>A known type with a body too short; detail = type &lt;&lt; 8 | length.</summary>
    Malformed = 0x03,

    /// <summary>Command ignored: no HELLO yet or a fault is latched; detail = cmd_seq.</summary>
    NotArmed = 0x04,

    /// <summary>Command with NaN or infinity ignored; detail = index of the first bad value.</summary>
    BadValue = 0x05,

    /// <summary>SETPOINT without on-device NPC; detail = type.</summary>
    Unsupported = 0x06,

    /// <summary>The on-device NPC produced NaN; detail = count.</summary>
    NpcNaN = 0x07,

    /// <summary>A sensor read failed (latched); detail = channel.</summary>
    Sensor = 0x08,
}
