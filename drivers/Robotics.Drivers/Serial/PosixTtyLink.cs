using System.Runtime.InteropServices;

namespace Robotics.Drivers.Serial;

/// <summary>
/// The Linux serial link: a raw file descriptor driven through libc (open, termios, poll, read, write).
/// About 30 us per round trip on a pseudo-terminal, against 1-3 ms for System.IO.Ports (serial-hil.md).
/// </summary>
/// <remarks>
/// <para>Open: <c>open(O_RDWR|O_NOCTTY|O_CLOEXEC|O_NONBLOCK)</c>, <c>ioctl(TIOCEXCL)</c> (others cannot open
/// the port; root bypasses it), <c>cfmakeraw</c> + CLOCAL|CREAD, no flow control, no HUPCL, the requested
/// speed, then <c>tcflush(TCIOFLUSH)</c> to drop bytes that queued while nobody had the port open.</para>
/// <para>Receive: a dedicated thread loops on <c>poll(POLLIN, 20 ms)</c> + <c>read</c>. POLLHUP, POLLERR,
/// POLLNVAL, EIO, ENXIO or ENODEV mean the device is gone: the lost handler runs once and the thread ends.</para>
/// <para>Write: a lock serialises writers; EAGAIN waits on POLLOUT for at most the write timeout.</para>
/// </remarks>
public sealed class PosixTtyLink : ISerialLink
{
    private readonly object _writeLock = new();
    private readonly byte[] _receiveBuffer = new byte[4096];
    private readonly int _pollMilliseconds;
    private readonly int _writeTimeoutMilliseconds;
    private readonly bool _ownsFd;
    private int _fd;
    private Thread? _thread;
    private SerialReceiveHandler? _onBytes;
    private SerialLostHandler? _onLost;
    private volatile bool _stop;
    private int _lost;
    private int _disposed;

    private PosixTtyLink(int fd, string portName, SerialLinkOptions options, bool ownsFd)
    {
        _fd = fd;
        PortName = portName;
        _ownsFd = ownsFd;
        _pollMilliseconds = (int)Math.Max(1, options.ReceivePollInterval.TotalMilliseconds);
        _writeTimeoutMilliseconds = (int)Math.Max(1, options.WriteTimeout.TotalMilliseconds);
    }

    /// <inheritdoc />
    public string PortName { get; }

    /// <inheritdoc />
    public bool IsLost => Volatile.Read(ref _lost) != 0 || Volatile.Read(ref _disposed) != 0;

    /// <summary>Opens and configures <paramref name="portName"/> (device, PTY slave or symlink to one).</summary>
    /// <exception cref="ArgumentException">The baud rate has no termios constant.</exception>
    /// <exception cref="IOException">open/ioctl/termios failed; the message names the port and errno.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static PosixTtyLink Open(string portName, SerialLinkOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(portName);
        options ??= new SerialLinkOptions { Kind = SerialLinkKind.Posix };
        options.Validate();
        uint speed = PosixNative.BaudConstant(options.BaudRate);
        if (speed == 0)
        {
            throw new ArgumentException($"Baud rate {options.BaudRate} has no termios constant; use one of {PosixNative.SupportedBauds}.", nameof(options));
        }

        int fd = PosixNative.Open(portName, PosixNative.O_RDWR | PosixNative.O_NOCTTY | PosixNative.O_CLOEXEC | PosixNative.O_NONBLOCK);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            string message = $"Cannot open serial port '{portName}': {PosixNative.Describe(errno)}.";
            if (errno == PosixNative.EACCES) throw new UnauthorizedAccessException(message + " Add the user to the 'dialout' group or fix the udev rule.");
            throw new IOException(message);
        }

        try
        {
            if (PosixNative.Ioctl(fd, PosixNative.TIOCEXCL, 0) != 0)
            {
                throw new IOException($"Serial port '{portName}' is not a terminal (ioctl TIOCEXCL: {PosixNative.Describe(Marshal.GetLastPInvokeError())}).");
            }

            if (PosixNative.MakeRaw(fd, speed) != 0)
            {
                throw new IOException($"Cannot set raw mode on serial port '{portName}': {PosixNative.Describe(Marshal.GetLastPInvokeError())}.");
            }

            PosixNative.TcFlush(fd, PosixNative.TCIOFLUSH);
        }
        catch
        {
            PosixNative.Close(fd);
            throw;
        }

        // DTR/RTS: not needed on the devices this project targets; a PTY rejects them. Documented as ignored here.
        return new PosixTtyLink(fd, portName, options, ownsFd: true);
    }

    /// <summary>
    /// Wraps an already open, already configured descriptor (e.g. a pseudo-terminal master). The link
    /// closes it on dispose only when <paramref name="ownsDescriptor"/> is true.
    /// </summary>
    public static PosixTtyLink FromDescriptor(int fileDescriptor, string name, bool ownsDescriptor, SerialLinkOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fileDescriptor);
        return new PosixTtyLink(fileDescriptor, name, options ?? new SerialLinkOptions { Kind = SerialLinkKind.Posix }, ownsDescriptor);
    }

    /// <inheritdoc />
    public void Start(SerialReceiveHandler onBytes, SerialLostHandler onLost)
    {
        ArgumentNullException.ThrowIfNull(onBytes);
        ArgumentNullException.ThrowIfNull(onLost);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_thread is not null) throw new InvalidOperationException($"Serial link '{PortName}' is already started.");
        _onBytes = onBytes;
        _onLost = onLost;
        _thread = new Thread(ReceiveLoop) { IsBackground = true, Name = $"serial-rx {Path.GetFileName(PortName)}" };
        _thread.Start();
    }

    /// <inheritdoc />
    public unsafe void Write(ReadOnlySpan<byte> data)
    {
        lock (_writeLock)
        {
            if (IsLost) throw new LinkLostException($"Serial link '{PortName}' is lost; open a new one.");
            fixed (byte* start = data)
            {
                int offset = 0;
                while (offset < data.Length)
                {
                    nint n = PosixNative.Write(_fd, start + offset, (nuint)(data.Length - offset));
                    if (n > 0)
                    {
                        offset += (int)n;
                        continue;
                    }

                    int errno = n < 0 ? Marshal.GetLastPInvokeError() : PosixNative.EAGAIN;
                    if (errno == PosixNative.EINTR) continue;
                    if (errno == PosixNative.EAGAIN)
                    {
                        var pfd = new PosixNative.PollFd { Fd = _fd, Events = PosixNative.POLLOUT };
                        int ready = PosixNative.Poll(&pfd, 1, _writeTimeoutMilliseconds);
                        if (ready > 0 && (pfd.Revents & PosixNative.POLLOUT) != 0) continue;
                        if (ready == 0)
                        {
                            throw Lose(new LinkLostException($"Serial port '{PortName}' accepted no bytes for {_writeTimeoutMilliseconds} ms (device stalled or gone)."));
                        }

                        if (ready < 0 && Marshal.GetLastPInvokeError() == PosixNative.EINTR) continue;
                        throw Lose(new LinkLostException($"Serial port '{PortName}' hung up while writing (poll revents 0x{pfd.Revents:x})."));
                    }

                    throw Lose(new LinkLostException($"Write to serial port '{PortName}' failed: {PosixNative.Describe(errno)}."));
                }
            }
        }
    }

    private unsafe void ReceiveLoop()
    {
        try
        {
            fixed (byte* buffer = _receiveBuffer)
            {
                while (!_stop)
                {
                    var pfd = new PosixNative.PollFd { Fd = _fd, Events = PosixNative.POLLIN };
                    int ready = PosixNative.Poll(&pfd, 1, _pollMilliseconds);
                    if (_stop) return;
                    if (ready < 0)
                    {
                        int errno = Marshal.GetLastPInvokeError();
                        if (errno == PosixNative.EINTR) continue;
                        Lose(new LinkLostException($"poll on serial port '{PortName}' failed: {PosixNative.Describe(errno)}."));
                        return;
                    }

                    if (ready == 0) continue;
                    if ((pfd.Revents & PosixNative.POLLIN) != 0)
                    {
                        nint n = PosixNative.Read(_fd, buffer, (nuint)_receiveBuffer.Length);
                        if (n > 0)
                        {
                            _onBytes!(new ReadOnlySpan<byte>(buffer, (int)n));
                            continue;
                        }

                        int errno = n < 0 ? Marshal.GetLastPInvokeError() : PosixNative.EIO;
                        if (errno is PosixNative.EAGAIN or PosixNative.EINTR) continue;
                        Lose(new LinkLostException($"Serial port '{PortName}' is gone: read returned {(n == 0 ? "end of file" : PosixNative.Describe(errno))}."));
                        return;
                    }

                    if ((pfd.Revents & (PosixNative.POLLHUP | PosixNative.POLLERR | PosixNative.POLLNVAL)) != 0)
                    {
                        string what = (pfd.Revents & PosixNative.POLLHUP) != 0 ? "hang-up" : (pfd.Revents & PosixNative.POLLNVAL) != 0 ? "invalid descriptor" : "error";
                        Lose(new LinkLostException($"Serial port '{PortName}' is gone: poll reported {what} (revents 0x{pfd.Revents:x})."));
                        return;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A handler threw: the link cannot continue reliably.
            Lose(new LinkLostException($"Receive handler for serial port '{PortName}' failed: {ex.Message}", ex));
        }
    }

    private LinkLostException Lose(LinkLostException reason)
    {
        if (Interlocked.Exchange(ref _lost, 1) == 0 && Volatile.Read(ref _disposed) == 0)
        {
            _onLost?.Invoke(reason);
        }

        return reason;
    }

    /// <summary>Stops the receive thread and closes the descriptor (if owned). Safe to call twice.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stop = true;
        if (_thread is not null && _thread != Thread.CurrentThread)
        {
            _thread.Join(TimeSpan.FromSeconds(2));
        }

        lock (_writeLock)
        {
            if (_ownsFd && _fd >= 0) PosixNative.Close(_fd);
            _fd = -1;
        }
    }
}
