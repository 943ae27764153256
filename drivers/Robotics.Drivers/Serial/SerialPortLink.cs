using System.IO.Ports;

namespace Robotics.Drivers.Serial;

/// <summary>
/// The portable serial link on System.IO.Ports, hardened against the Linux pitfalls measured in
/// serial-hil.md. Use it on Windows/macOS; on Linux <see cref="PosixTtyLink"/> is faster (its I/O loop
/// costs 1-3 ms per round trip here).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Receive runs on a dedicated thread with synchronous <c>Read</c> and a short ReadTimeout: an
/// <c>await ReadAsync</c> loop on the thread pool starved on 2 cores.</item>
/// <item>Peer loss surfaces as <see cref="ObjectDisposedException"/>, <see cref="IOException"/> or a
/// zombie port whose <c>BytesToRead</c> is -1; all three report the link lost. A write timeout does too.</item>
/// <item>Dispose calls <c>BaseStream.Dispose()</c> before <c>Close()</c>: after the peer is gone,
/// <c>Close()</c> alone can hang forever flushing a write queue nobody drains.</item>
/// <item>DTR/RTS are only set when asked for; a pseudo-terminal throws on them and the error is ignored.</item>
/// <item>Only the byte/Stream API is used (the default ASCII encoding would mangle bytes >= 0x80).</item>
/// </list>
/// </remarks>
public sealed class SerialPortLink : ISerialLink
{
    private readonly SerialPort _port;
    private readonly Stream _stream;
    private readonly object _writeLock = new();
    private readonly byte[] _receiveBuffer = new byte[4096];
    private Thread? _thread;
    private SerialReceiveHandler? _onBytes;
    private SerialLostHandler? _onLost;
    private volatile bool _stop;
    private int _lost;
    private int _disposed;

    private SerialPortLink(SerialPort port)
    {
        _port = port;
        _stream = port.BaseStream;
    }

    /// <inheritdoc />
    public string PortName => _port.PortName;

    /// <inheritdoc />
    public bool IsLost => Volatile.Read(ref _lost) != 0 || Volatile.Read(ref _disposed) != 0;

    /// <summary>Opens <paramref name="portName"/> 8N1 without flow control and discards stale input.</summary>
    /// <exception cref="UnauthorizedAccessException">System.IO.Ports reports missing ports this way too.</exception>
    /// <exception cref="IOException">The port cannot be opened.</exception>
    public static SerialPortLink Open(string portName, SerialLinkOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(portName);
        options ??= new SerialLinkOptions { Kind = SerialLinkKind.SerialPort };
        options.Validate();
        var port = new SerialPort(portName, options.BaudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadTimeout = (int)Math.Max(1, options.ReceivePollInterval.TotalMilliseconds),
            WriteTimeout = (int)Math.Max(1, options.WriteTimeout.TotalMilliseconds),
            ReadBufferSize = 65536,
        };
        try
        {
            port.Open();
            TrySetModemLine(() => port.DtrEnable = true, options.DtrEnable);
            TrySetModemLine(() => port.RtsEnable = true, options.RtsEnable);
            port.DiscardInBuffer();
            return new SerialPortLink(port);
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }

    private static void TrySetModemLine(Action set, bool wanted)
    {
        if (!wanted) return;
        try
        {
            set();
        }
        catch (IOException)
        {
            // Pseudo-terminals: "Inappropriate ioctl for device". The device works without the line.
        }
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
    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_writeLock)
        {
            if (IsLost) throw new LinkLostException($"Serial link '{PortName}' is lost; open a new one.");
            try
            {
                _stream.Write(data);
            }
            catch (TimeoutException ex)
            {
                throw Lose(new LinkLostException($"Serial port '{PortName}' accepted no bytes within {_port.WriteTimeout} ms (device stalled or gone).", ex));
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
            {
                throw Lose(new LinkLostException($"Write to serial port '{PortName}' failed: {ex.Message}", ex));
            }
        }
    }

    private void ReceiveLoop()
    {
        while (!_stop)
        {
            int n;
            try
            {
                n = _stream.Read(_receiveBuffer, 0, _receiveBuffer.Length);
            }
            catch (TimeoutException)
            {
                // Zombie check: after a hang-up the I/O loop is dead and BytesToRead reads -1 without throwing.
                if (!_stop && SafeBytesToRead() < 0)
                {
                    Lose(new LinkLostException($"Serial port '{PortName}' is gone (System.IO.Ports reports BytesToRead = -1)."));
                    return;
                }

                continue;
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
            {
                if (!_stop) Lose(new LinkLostException($"Serial port '{PortName}' is gone: {ex.GetType().Name}: {ex.Message}", ex));
                return;
            }

            if (_stop) return;
            if (n > 0)
            {
                try
                {
                    _onBytes!(_receiveBuffer.AsSpan(0, n));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Lose(new LinkLostException($"Receive handler for serial port '{PortName}' failed: {ex.Message}", ex));
                    return;
                }
            }
            else
            {
                Lose(new LinkLostException($"Serial port '{PortName}' is gone: read returned end of stream."));
                return;
            }
        }
    }

    private int SafeBytesToRead()
    {
        try
        {
            return _port.BytesToRead;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            return -1;
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

    /// <summary>Stops the receive thread, disposes the base stream, then closes the port. Safe to call twice.</summary>
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
            try
            {
                _stream.Dispose(); // first: Close() alone can hang after the peer vanished
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
            {
            }

            try
            {
                _port.Close();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
            {
            }

            _port.Dispose();
        }
    }
}
