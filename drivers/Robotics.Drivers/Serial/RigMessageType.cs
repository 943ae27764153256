namespace Robotics.Drivers.Serial;

/// <summary>Frame types of the rig protocol (hil-rigs/common/proto.h, <c>enum rig_msg_type</c>).</summary>
public enum RigMessageType : byte
{
    /// <summary>Host -> MCU: nonce u32, major u8, minor u8.</summary>
    HelloRequest = 0x01,

    /// <summary>MCU -> host: the rig's identity, counts, rates and clock (<see cref="RigHello"/>).</summary>
    HelloResponse = 0x02,

    /// <summary>MCU -> host: one sensor sample (<see cref="RigSample"/>).</summary>
    Sample = 0x10,

    /// <summary>Host -> MCU: cmd_seq u32, host_us u64, actuators f32[n_inputs].</summary>
    Command = 0x11,

    /// <summary>Host -> MCU: host_us u64.</summary>
    Heartbeat = 0x12,

    /// <summary>MCU -> host: echo and link counters (<see cref="RigHeartbeatReply"/>).</summary>
    HeartbeatResponse = 0x13,

    /// <summary>MCU -> host: code u8, detail u32, mcu_us u64 (<see cref="RigFault"/>).</summary>
    Fault = 0x14,

    /// <summary>Host -> MCU: id u8.</summary>
    ParameterGet = 0x20,

    /// <summary>Host -> MCU: id u8, value f32.</summary>
    ParameterSet = 0x21,

    /// <summary>Host -> MCU: target f32[n_outputs] for the on-device NPC.</summary>
    Setpoint = 0x22,

    /// <summary>MCU -> host: id u8, value f32, status u8 (<see cref="RigParameterValue"/>).</summary>
    ParameterValue = 0x23,
}
