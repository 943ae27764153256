using System.Runtime.InteropServices;

namespace Robotics.Hil;

/// <summary>libc calls of the suite's own raw serial port (Linux).</summary>
internal static unsafe partial class HilNative
{
    public const int ORdWr = 0x2, ONoCtty = 0x100, ONonBlock = 0x800, OCloExec = 0x80000;
    public const short PollIn = 0x1, PollErr = 0x8, PollHup = 0x10, PollNval = 0x20;
    public const int Eagain = 11, Eintr = 4;
    public const int TcsaNow = 0, TcFlush = 0x540B, TcIFlush = 0;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int TcSetAttr(int fd, int actions, byte* termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    public static partial void CfMakeRaw(byte* termios);

    [LibraryImport("libc", EntryPoint = "cfsetspeed", SetLastError = true)]
    public static partial int CfSetSpeed(byte* termios, uint speed);

    [LibraryImport("libc", EntryPoint = "tcflush", SetLastError = true)]
    public static partial int TcFlushQueue(int fd, int queue);

    /// <summary>termios speed_t constants (asm-generic/termbits.h).</summary>
    public static uint SpeedConstant(int baud) => baud switch
    {
        9600 => 0xD,
        19200 => 0xE,
        38400 => 0xF,
        57600 => 0x1001,
        115200 => 0x1002,
        230400 => 0x1003,
        460800 => 0x1004,
        500000 => 0x1005,
        921600 => 0x1007,
        1000000 => 0x1008,
        2000000 => 0x100B,
        _ => throw new ArgumentException($"ROBOTICS_HIL_BAUD: {baud} is not a standard rate; use 115200, 460800, 921600, 1000000 or 2000000."),
    };
}
