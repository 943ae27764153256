namespace Robotics.Drivers.Serial;

/// <summary>A decoded HELLO_RSP: the rig's identity, sizes, rates and clock at the time of the answer.</summary>
/// <param name="Nonce">Echo of the request's nonce (stale answers are ignored).</param>
/// <param name="Major">Protocol major version of the firmware.</param>
/// <param name="Minor">Protocol minor version of the firmware.</param>
/// <param name="FirmwareBuild">Firmware build number.</param>
/// <param name="RigType">Which rig answered.</param>
/// <param name="InputCount">Actuator count (n_inputs).</param>
/// <param name="OutputCount">Output count (n_outputs).</param>
/// <param name="ChannelCount">Sensor channel count (n_channels).</param>
/// <param name="StreamHz">Sample stream rate.</param>
/// <param name="WatchdogMilliseconds">Firmware command watchdog.</param>
/// <param name="Capabilities">Optional features.</param>
/// <param name="McuMicroseconds">Firmware clock when it answered.</param>
public readonly record struct RigHello(
    uint Nonce,
    byte Major,
    byte Minor,
    uint FirmwareBuild,
    RigType RigType,
    byte InputCount,
    byte OutputCount,
    byte ChannelCount,
    ushort StreamHz,
    ushort WatchdogMilliseconds,
    RigCapabilities Capabilities,
    ulong McuMicroseconds)
{
    /// <summary>Body size on the wire (protocol 1.0).</summary>
    public const int BodySize = 28;

    /// <summary>One line for logs and the console.</summary>
    public override string ToString() =>
        $"{RigType} proto {Major}.{Minor} build {FirmwareBuild}: {InputCount} inputs, {OutputCount} outputs, {ChannelCount} channels, {StreamHz} Hz stream, watchdog {WatchdogMilliseconds} ms, caps {Capabilities}";
}
