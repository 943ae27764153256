namespace Robotics.Drivers.Serial;

/// <summary>SAMPLE.status bits.</summary>
[Flags]
public enum RigSampleStatus : byte
{
    /// <summary>Nothing set: not armed.</summary>
    None = 0,

    /// <summary>HELLO received and no latched fault: commands are applied.</summary>
    Armed = 0x01,

    /// <summary>A fault is latched (cleared only by a HELLO request).</summary>
    Fault = 0x02,

    /// <summary>Actuators are held in the safe state.</summary>
    Safe = 0x04,

    /// <summary>The on-device NPC drives the actuators.</summary>
    Npc = 0x08,

    /// <summary>The last command was clamped to the actuator range.</summary>
    Clamped = 0x10,

    /// <summary>Outputs are simulated ground truth.</summary>
    Emulated = 0x20,
}
