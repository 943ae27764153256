using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Robotics.Hil;

/// <summary>
/// A raw serial port (open + termios raw + a dedicated poll/read thread) that decodes frames into a list the tests can
/// wait on. Counts CRC and framing errors. Independent of drivers/Robotics.Drivers/Serial on purpose.
/// </summary>
public sealed unsafe class HilPort : IDisposable
{
    private readonly object _gate = new();
    private readonly List<HilFrame> _frames = [];
    private readonly Thread _reader;
    private volatile bool _stop;
    private int _fd;
    private byte _txSeq;

    public HilPort(string path, int baud = 115200)
    {
        _fd = HilNative.Open(path, HilNative.ORdWr | HilNative.ONoCtty | HilNative.ONonBlock | HilNative.OCloExec);
        if (_fd < 0)
            throw new IOException($"open {path}: errno {Marshal.GetLastPInvokeError()}");
        var termios = stackalloc byte[256];
        if (HilNative.TcGetAttr(_fd, termios) == 0)
        {
            HilNative.CfMakeRaw(termios);
            _ = HilNative.CfSetSpeed(termios, HilNative.SpeedConstant(baud));
            _ = HilNative.TcSetAttr(_fd, HilNative.TcsaNow, termios);
        }

        _ = HilNative.TcFlushQueue(_fd, HilNative.TcIFlush);
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "hil port reader" };
        _reader.Start();
    }

    /// <summary>Frames that failed the CRC.</summary>
    public int CrcErrors { get; private set; }

    /// <summary>Frames that failed COBS decoding, were too short/long or had another version byte.</summary>
    public int FramingErrors { get; private set; }

    /// <summary>True once the peer went away (POLLHUP/POLLERR/EIO).</summary>
    public bool Lost { get; private set; }

    /// <summary>Sends one frame (link_seq counts up).</summary>
    public void Send(byte type, ReadOnlySpan<byte> body)
    {
        var frame = HilWire.Frame(type, _txSeq++, body);
        WriteRaw(frame);
    }

    /// <summary>Writes raw bytes (for malformed-input tests).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        fixed (byte* p = bytes)
        {
            while (offset < bytes.Length)
            {
                var n = HilNative.Write(_fd, p + offset, (nuint)(bytes.Length - offset));
                if (n > 0)
                {
                    offset += (int)n;
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if ((errno == HilNative.Eagain || errno == HilNative.Eintr) && Stopwatch.GetTimestamp() < deadline)
                {
                    Thread.Sleep(1);
                    continue;
                }

                throw new IOException($"write: errno {errno}");
            }
        }
    }

    /// <summary>Index to pass to <see cref="WaitFor"/> so only frames received from now on match.</summary>
    public int Mark()
    {
        lock (_gate)
            return _frames.Count;
    }

    /// <summary>A snapshot of the frames received since <paramref name="from"/>.</summary>
    public List<HilFrame> Since(int from)
    {
        lock (_gate)
            return _frames.GetRange(Math.Min(from, _frames.Count), Math.Max(0, _frames.Count - from));
    }

    /// <summary>Waits for the first frame at or after index <paramref name="from"/> matching the predicate.</summary>
    public HilFrame? WaitFor(int from, Func<HilFrame, bool> match, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        lock (_gate)
        {
            var i = from;
            while (true)
            {
                for (; i < _frames.Count; i++)
                {
                    if (match(_frames[i]))
                        return _frames[i];
                }

                var left = deadline - Stopwatch.GetTimestamp();
                if (left <= 0 || Lost)
                    return null;
                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(Math.Min(50, left * 1000.0 / Stopwatch.Frequency + 1)));
            }
        }
    }

    public void Dispose()
    {
        _stop = true;
        _reader.Join(2000);
        if (_fd >= 0)
        {
            _ = HilNative.Close(_fd);
            _fd = -1;
        }
    }

    private void ReadLoop()
    {
        var buffer = new byte[4096];
        var pending = new List<byte>(256);
        while (!_stop)
        {
            var pfd = new HilNative.PollFd { Fd = _fd, Events = HilNative.PollIn };
            var r = HilNative.Poll(&pfd, 1, 20);
            if (r <= 0)
                continue;
            if ((pfd.Revents & HilNative.PollIn) == 0 && (pfd.Revents & (HilNative.PollHup | HilNative.PollErr | HilNative.PollNval)) != 0)
            {
                MarkLost();
                return;
            }

            nint n;
            fixed (byte* p = buffer)
                n = HilNative.Read(_fd, p, (nuint)buffer.Length);
            if (n <= 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (n < 0 && (errno == HilNative.Eagain || errno == HilNative.Eintr))
                    continue;
                MarkLost();
                return;
            }

            var now = Stopwatch.GetTimestamp();
            for (var i = 0; i < n; i++)
            {
                var b = buffer[i];
                if (b != 0)
                {
                    pending.Add(b);
                    continue;
                }

                if (pending.Count > 0)
                    Accept(pending, now);
                pending.Clear();
            }
        }
    }

    private void Accept(List<byte> encoded, long now)
    {
        var raw = encoded.Count > 200 ? null : HilWire.CobsDecode(encoded.ToArray());
        lock (_gate)
        {
            if (raw is null || raw.Length < 5)
            {
                FramingErrors++;
                return;
            }

            var crc = (ushort)(raw[^2] | (raw[^1] << 8));
            if (HilWire.Crc16(raw.AsSpan(0, raw.Length - 2)) != crc)
            {
                CrcErrors++;
                return;
            }

            if (raw[0] != HilWire.Version)
            {
                FramingErrors++;
                return;
            }

            _frames.Add(new HilFrame(raw[1], raw[2], raw[3..^2], now));
            Monitor.PulseAll(_gate);
        }
    }

    private void MarkLost()
    {
        lock (_gate)
        {
            Lost = true;
            Monitor.PulseAll(_gate);
        }
    }
}
