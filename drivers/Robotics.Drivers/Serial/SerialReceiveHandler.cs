namespace Robotics.Drivers.Serial;

/// <summary>Receives a chunk of bytes read from a serial link; the span is valid only during the call.</summary>
public delegate void SerialReceiveHandler(ReadOnlySpan<byte> bytes);
