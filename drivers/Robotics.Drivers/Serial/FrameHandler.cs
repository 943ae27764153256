namespace Robotics.Drivers.Serial;

/// <summary>Receives one decoded, CRC-checked frame; <paramref name="body"/> is valid only during the call.</summary>
public delegate void FrameHandler(byte type, byte linkSequence, ReadOnlySpan<byte> body);
