namespace Robotics.Drivers.Serial;

/// <summary>Which <see cref="ISerialLink"/> implementation to open.</summary>
public enum SerialLinkKind
{
    /// <summary><see cref="Posix"/> on Linux, <see cref="SerialPort"/> elsewhere.</summary>
    Auto = 0,

    /// <summary><see cref="PosixTtyLink"/>: raw termios via libc (Linux; about 30 us per round trip).</summary>
    Posix = 1,

    /// <summary><see cref="SerialPortLink"/>: System.IO.Ports (portable; 1-3 ms per round trip on Linux).</summary>
    SerialPort = 2,
}
