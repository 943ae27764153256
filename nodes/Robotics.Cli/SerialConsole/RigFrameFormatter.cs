using System.Globalization;
using System.Text;
using Robotics.Drivers.Serial;

namespace Robotics.Cli.SerialConsole;

/// <summary>Turns decoded rig frames into one readable line each (console, redirected output, captures).</summary>
internal static class RigFrameFormatter
{
    public static string Format(byte type, byte linkSequence, ReadOnlySpan<byte> body, RigHello? hello, bool raw)
    {
        var line = new StringBuilder();
        var messageType = (RigMessageType)type;
        line.Append(Enum.IsDefined(messageType) ? Name(messageType) : $"TYPE_0x{type:X2}").Append(" #").Append(linkSequence.ToString(CultureInfo.InvariantCulture));
        switch (messageType)
        {
            case RigMessageType.Sample when hello is RigHello h:
                var sample = new RigSample(h.ChannelCount, h.OutputCount, h.InputCount);
                if (RigWire.TryReadSample(body, sample))
                {
                    line.Append(CultureInfo.InvariantCulture, $" seq={sample.SampleSequence} mcu_us={sample.McuMicroseconds} last_cmd={sample.LastCommandSequence} status={sample.Status}")
                        .Append(" out=").Append(Floats(sample.Outputs)).Append(" act=").Append(Floats(sample.Actuators)).Append(" ch=").Append(Floats(sample.Channels));
                }

                break;
            case RigMessageType.HelloResponse when RigWire.TryReadHelloResponse(body, out var helloResponse):
                line.Append(' ').Append(helloResponse.ToString());
                break;
            case RigMessageType.HeartbeatResponse when RigWire.TryReadHeartbeatReply(body, out var reply):
                line.Append(CultureInfo.InvariantCulture, $" mcu_us={reply.McuMicroseconds} rx_ok={reply.ReceivedOk} crc_err={reply.CrcErrors} cobs_err={reply.CobsErrors} cmd_gaps={reply.CommandGaps} tx_drop={reply.TransmitDrops}");
                break;
            case RigMessageType.Fault when RigWire.TryReadFault(body, out var fault):
                line.Append(CultureInfo.InvariantCulture, $" code={fault.Code} detail={fault.Detail} mcu_us={fault.McuMicroseconds}");
                break;
            case RigMessageType.ParameterValue when RigWire.TryReadParameterValue(body, out var value):
                line.Append(CultureInfo.InvariantCulture, $" id={ParameterName(value.Id)} value={value.Value:G6} status={value.Status}");
                break;
        }

        if (raw) line.Append(" raw=").Append(Convert.ToHexString(body));
        return line.ToString();
    }

    public static string Floats(ReadOnlySpan<float> values)
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0) text.Append(' ');
            text.Append(values[i].ToString("0.####", CultureInfo.InvariantCulture));
        }

        return text.Append(']').ToString();
    }

    public static string Name(RigMessageType type) => type switch
    {
        RigMessageType.HelloRequest => "HELLO_REQ",
        RigMessageType.HelloResponse => "HELLO_RSP",
        RigMessageType.Sample => "SAMPLE",
        RigMessageType.Command => "CMD",
        RigMessageType.Heartbeat => "HEARTBEAT",
        RigMessageType.HeartbeatResponse => "HEARTBEAT_RSP",
        RigMessageType.Fault => "FAULT",
        RigMessageType.ParameterGet => "PARAM_GET",
        RigMessageType.ParameterSet => "PARAM_SET",
        RigMessageType.Setpoint => "SETPOINT",
        RigMessageType.ParameterValue => "PARAM_VALUE",
        _ => type.ToString(),
    };

    /// <summary>lower_snake parameter names as in proto.h (stream_hz, watchdog_ms, ...).</summary>
    public static readonly IReadOnlyDictionary<string, RigParameterId> ParameterIds = new Dictionary<string, RigParameterId>(StringComparer.OrdinalIgnoreCase)
    {
        ["stream_hz"] = RigParameterId.StreamHz,
        ["watchdog_ms"] = RigParameterId.WatchdogMs,
        ["noise_scale"] = RigParameterId.NoiseScale,
        ["drift_scale"] = RigParameterId.DriftScale,
        ["npc_q"] = RigParameterId.NpcQ,
        ["npc_lambda"] = RigParameterId.NpcLambda,
        ["npc_eps"] = RigParameterId.NpcEpsilon,
        ["u_min"] = RigParameterId.ActuatorMin,
        ["u_max"] = RigParameterId.ActuatorMax,
        ["safe_value"] = RigParameterId.SafeValue,
        ["loop_hz"] = RigParameterId.LoopHz,
    };

    public static string ParameterName(RigParameterId id)
    {
        foreach (var pair in ParameterIds)
        {
            if (pair.Value == id) return pair.Key;
        }

        return $"0x{(byte)id:X2}";
    }
}
