namespace Robotics.Drivers.Serial;

/// <summary>A decoded HEARTBEAT_RSP: the echoed host time, the firmware clock and the firmware's link counters.</summary>
/// <param name="EchoHostMicroseconds">The host_us of the heartbeat being answered.</param>
/// <param name="McuMicroseconds">Firmware clock when it answered.</param>
/// <param name="ReceivedOk">Good frames the firmware received.</param>
/// <param name="CrcErrors">Frames the firmware dropped for a CRC mismatch.</param>
/// <param name="CobsErrors">Frames the firmware dropped for bad COBS, size or version.</param>
/// <param name="CommandGaps">Command sequence numbers the firmware never saw.</param>
/// <param name="TransmitDrops">Frames the firmware could not send (full transmit buffer).</param>
public readonly record struct RigHeartbeatReply(
    ulong EchoHostMicroseconds,
    ulong McuMicroseconds,
    uint ReceivedOk,
    uint CrcErrors,
    uint CobsErrors,
    uint CommandGaps,
    uint TransmitDrops)
{
    /// <summary>Body size on the wire.</summary>
    public const int BodySize = 36;
}
