namespace Robotics.Drivers.Serial;

/// <summary>HELLO_RSP.capabilities bits.</summary>
[Flags]
public enum RigCapabilities : ushort
{
    /// <summary>No optional features.</summary>
    None = 0,

    /// <summary>PARAM_GET/PARAM_SET are answered.</summary>
    Parameters = 0x0001,

    /// <summary>SETPOINT runs the on-device Newton NPC.</summary>
    Npc = 0x0002,

    /// <summary>Host build: SAMPLE.outputs carry the simulated ground truth.</summary>
    Emulated = 0x0004,

    /// <summary>HEARTBEAT is answered with HEARTBEAT_RSP.</summary>
    Heartbeat = 0x0008,

    /// <summary>Host build started with a fault script.</summary>
    FaultInjection = 0x0010,
}
