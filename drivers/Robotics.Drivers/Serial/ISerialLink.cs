namespace Robotics.Drivers.Serial;

/// <summary>
/// A byte pipe to a serial device: no framing, no protocol. The link is already open when it is created;
/// <see cref="Start"/> begins delivering received bytes on a dedicated thread (never the thread pool),
/// <see cref="Write"/> sends bytes from any thread, and a lost device (unplug, hang-up, I/O error) is
/// reported once through the lost handler. Dispose closes the device and stops the receive thread.
/// </summary>
/// <remarks>
/// Implementations: <see cref="PosixTtyLink"/> (raw termios through libc, the default on Linux) and
/// <see cref="SerialPortLink"/> (System.IO.Ports, portable). Both pass the same conformance tests.
/// A link is single-use: after it is lost, dispose it and open a new one.
/// </remarks>
public interface ISerialLink : IDisposable
{
    /// <summary>The device path the link was opened on (e.g. <c>/dev/ttyACM0</c> or a stable symlink).</summary>
    string PortName { get; }

    /// <summary>True once the link has been reported lost (or disposed); writes then fail.</summary>
    bool IsLost { get; }

    /// <summary>
    /// Starts the receive thread. <paramref name="onBytes"/> is called on that thread with each chunk
    /// read (the span is only valid during the call); <paramref name="onLost"/> is called at most once,
    /// from the receive thread or from a failing <see cref="Write"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Already started or disposed.</exception>
    void Start(SerialReceiveHandler onBytes, SerialLostHandler onLost);

    /// <summary>Writes all of <paramref name="data"/>. Thread-safe; does not allocate on the raw link.</summary>
    /// <exception cref="LinkLostException">The device is gone or the write timed out; the link is now lost.</exception>
    void Write(ReadOnlySpan<byte> data);
}
