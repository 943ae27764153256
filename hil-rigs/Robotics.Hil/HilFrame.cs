namespace Robotics.Hil;

/// <summary>A received, CRC-checked frame and the host's receive time (Stopwatch ticks).</summary>
public sealed record HilFrame(byte Type, byte LinkSeq, byte[] Body, long ReceivedTicks);
