using System.Runtime.InteropServices;

namespace Robotics.Drivers.Serial;

/// <summary>
/// The few libc calls the Linux serial layer needs (open/termios/poll/read/write and the pseudo-terminal
/// calls). Constants are Linux values (identical on x86_64 and aarch64). termios is treated as an opaque
/// 64-byte block (glibc's struct is 60 bytes) that only libc functions touch, except the flag words at
/// fixed offsets.
/// </summary>
internal static partial class PosixNative
{
    private const string Libc = "libc";

    public const int O_RDWR = 0x2;
    public const int O_NOCTTY = 0x100;
    public const int O_NONBLOCK = 0x800;
    public const int O_CLOEXEC = 0x80000;

    public const short POLLIN = 0x1;
    public const short POLLOUT = 0x4;
    public const short POLLERR = 0x8;
    public const short POLLHUP = 0x10;
    public const short POLLNVAL = 0x20;

    public const int EINTR = 4;
    public const int EIO = 5;
    public const int ENXIO = 6;
    public const int EAGAIN = 11;
    public const int ENODEV = 19;
    public const int ENOENT = 2;
    public const int EACCES = 13;
    public const int EBUSY = 16;

    public const int TCSANOW = 0;
    public const int TCIOFLUSH = 2;
    public const nuint TIOCEXCL = 0x540C;

    // struct termios field offsets (glibc, Linux): c_iflag 0, c_oflag 4, c_cflag 8, c_lflag 12, c_line 16, c_cc 17.
    public const int TermiosSize = 64;
    public const int CflagOffset = 8;
    public const int CcOffset = 17;
    public const int VTIME = 5;
    public const int VMIN = 6;
    public const uint CREAD = 0x80;
    public const uint HUPCL = 0x400;
    public const uint CLOCAL = 0x800;
    public const uint CRTSCTS = 0x80000000;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Libc, EntryPoint = "read", SetLastError = true)]
    public static unsafe partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport(Libc, EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport(Libc, EntryPoint = "poll", SetLastError = true)]
    public static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport(Libc, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, nint argument);

    [LibraryImport(Libc, EntryPoint = "tcgetattr", SetLastError = true)]
    public static unsafe partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport(Libc, EntryPoint = "tcsetattr", SetLastError = true)]
    public static unsafe partial int TcSetAttr(int fd, int optionalActions, byte* termios);

    [LibraryImport(Libc, EntryPoint = "cfmakeraw")]
    public static unsafe partial void CfMakeRaw(byte* termios);

    [LibraryImport(Libc, EntryPoint = "cfsetspeed", SetLastError = true)]
    public static unsafe partial int CfSetSpeed(byte* termios, uint speed);

    [LibraryImport(Libc, EntryPoint = "tcflush", SetLastError = true)]
    public static partial int TcFlush(int fd, int queueSelector);

    [LibraryImport(Libc, EntryPoint = "posix_openpt", SetLastError = true)]
    public static partial int PosixOpenPt(int flags);

    [LibraryImport(Libc, EntryPoint = "grantpt", SetLastError = true)]
    public static partial int GrantPt(int fd);

    [LibraryImport(Libc, EntryPoint = "unlockpt", SetLastError = true)]
    public static partial int UnlockPt(int fd);

    [LibraryImport(Libc, EntryPoint = "ptsname_r", SetLastError = true)]
    public static unsafe partial int PtsNameR(int fd, byte* buffer, nuint length);

    [LibraryImport(Libc, EntryPoint = "strerror")]
    private static partial nint StrError(int errno);

    /// <summary>The C library's message for <paramref name="errno"/>, e.g. "Input/output error (EIO=5)".</summary>
    public static string Describe(int errno) => $"{Marshal.PtrToStringUTF8(StrError(errno)) ?? "error"} (errno {errno})";

    /// <summary>Termios speed constant for a baud rate, or 0 when Linux has none.</summary>
    public static uint BaudConstant(int baud) => baud switch
    {
        9600 => 0xD,
        19200 => 0xE,
        38400 => 0xF,
        57600 => 0x1001,
        115200 => 0x1002,
        230400 => 0x1003,
        460800 => 0x1004,
        500000 => 0x1005,
        576000 => 0x1006,
        921600 => 0x1007,
        1000000 => 0x1008,
        1152000 => 0x1009,
        1500000 => 0x100A,
        2000000 => 0x100B,
        2500000 => 0x100C,
        3000000 => 0x100D,
        3500000 => 0x100E,
        4000000 => 0x100F,
        _ => 0,
    };

    /// <summary>The baud rates <see cref="BaudConstant"/> knows, for error messages.</summary>
    public const string SupportedBauds = "9600, 19200, 38400, 57600, 115200, 230400, 460800, 500000, 576000, 921600, 1000000, 1152000, 1500000, 2000000, 2500000, 3000000, 3500000, 4000000";

    /// <summary>
    /// Puts a terminal fd in raw 8N1 mode at <paramref name="speed"/>: cfmakeraw, CLOCAL|CREAD, no hardware
    /// flow control, no hang-up on close, VMIN 1 / VTIME 0 (reads are non-blocking anyway).
    /// </summary>
    public static unsafe int MakeRaw(int fd, uint speed)
    {
        byte* termios = stackalloc byte[TermiosSize];
        new Span<byte>(termios, TermiosSize).Clear();
        if (TcGetAttr(fd, termios) != 0) return -1;
        CfMakeRaw(termios);
        uint* cflag = (uint*)(termios + CflagOffset);
        *cflag = (*cflag | CLOCAL | CREAD) & ~(CRTSCTS | HUPCL);
        termios[CcOffset + VMIN] = 1;
        termios[CcOffset + VTIME] = 0;
        if (speed != 0 && CfSetSpeed(termios, speed) != 0) return -1;
        return TcSetAttr(fd, TCSANOW, termios);
    }
}
