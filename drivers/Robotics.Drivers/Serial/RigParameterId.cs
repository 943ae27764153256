namespace Robotics.Drivers.Serial;

/// <summary>Firmware parameter ids for PARAM_GET/PARAM_SET (proto.h <c>enum rig_param_id</c>).</summary>
public enum RigParameterId : byte
{
    /// <summary>rw: sample stream rate, Hz, 1..1000.</summary>
    StreamHz = 0x01,

    /// <summary>rw: command watchdog, ms, 20..2000.</summary>
    WatchdogMs = 0x02,

    /// <summary>rw: sensor noise multiplier, 0..10 (emulator).</summary>
    NoiseScale = 0x03,

    /// <summary>rw: sensor drift multiplier, 0..10 (emulator).</summary>
    DriftScale = 0x04,

    /// <summary>rw: NPC tracking weight scale.</summary>
    NpcQ = 0x10,

    /// <summary>rw: NPC input-rate weight.</summary>
    NpcLambda = 0x11,

    /// <summary>rw: NPC finite-difference step.</summary>
    NpcEpsilon = 0x12,

    /// <summary>ro: lower actuator limit.</summary>
    ActuatorMin = 0x20,

    /// <summary>ro: upper actuator limit.</summary>
    ActuatorMax = 0x21,

    /// <summary>ro: actuator value of the safe state.</summary>
    SafeValue = 0x22,

    /// <summary>ro: firmware loop rate, Hz.</summary>
    LoopHz = 0x23,
}
