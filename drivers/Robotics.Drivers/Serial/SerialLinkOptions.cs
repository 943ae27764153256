namespace Robotics.Drivers.Serial;

/// <summary>How to open a serial link. Defaults suit a USB-CDC device or a pseudo-terminal.</summary>
public sealed record SerialLinkOptions
{
    /// <summary>Which implementation to use (default: raw termios on Linux).</summary>
    public SerialLinkKind Kind { get; init; } = SerialLinkKind.Auto;

    /// <summary>Baud rate, 8N1. Pseudo-terminals and USB-CDC ignore it; real UARTs need >= 460800 for a 500 Hz stream.</summary>
    public int BaudRate { get; init; } = 1_000_000;

    /// <summary>
    /// Assert DTR after opening. Some USB-CDC firmware (TinyUSB) only sends while DTR is set, and toggling it
    /// resets Arduino/ESP32 boards. Pseudo-terminals reject it; the failure is ignored.
    /// </summary>
    public bool DtrEnable { get; init; }

    /// <summary>Assert RTS after opening (ignored where the device rejects it).</summary>
    public bool RtsEnable { get; init; }

    /// <summary>
    /// How long one write may wait for the device to accept bytes before the link counts as lost. Generous, because
    /// System.IO.Ports' I/O thread can be starved for tens of milliseconds on a loaded machine; a stalled device is
    /// normally caught earlier by the receive watchdog.
    /// </summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Receive poll/read timeout: how quickly the receive thread notices a stop request.</summary>
    public TimeSpan ReceivePollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Resolves <see cref="SerialLinkKind.Auto"/> for this operating system.</summary>
    public SerialLinkKind ResolvedKind => Kind != SerialLinkKind.Auto ? Kind : OperatingSystem.IsLinux() ? SerialLinkKind.Posix : SerialLinkKind.SerialPort;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it and the allowed range.</exception>
    public void Validate()
    {
        if (BaudRate is < 300 or > 12_000_000)
            throw new ArgumentException($"Serial option baud_rate = {BaudRate} is outside 300..12000000; use e.g. 115200 or 1000000.", nameof(BaudRate));
        if (WriteTimeout <= TimeSpan.Zero || WriteTimeout > TimeSpan.FromSeconds(10))
            throw new ArgumentException($"Serial option write_timeout = {WriteTimeout.TotalMilliseconds} ms is outside (0, 10000] ms.", nameof(WriteTimeout));
        if (ReceivePollInterval < TimeSpan.FromMilliseconds(1) || ReceivePollInterval > TimeSpan.FromSeconds(1))
            throw new ArgumentException($"Serial option receive_poll_interval = {ReceivePollInterval.TotalMilliseconds} ms is outside [1, 1000] ms.", nameof(ReceivePollInterval));
        if (ResolvedKind == SerialLinkKind.Posix && !OperatingSystem.IsLinux())
            throw new ArgumentException("Serial option kind = Posix needs Linux; use SerialPort on this system.", nameof(Kind));
    }
}
