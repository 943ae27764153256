using System.Runtime.InteropServices;

namespace Robotics.Control.Mip.Planning;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>; NaN elsewhere). The solvers run
/// single-threaded on the caller's thread, so this measures their work without the time other processes take the core
/// away, which on a shared machine is most of the wall-clock spread.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Milliseconds of CPU time used by this thread so far, or NaN when not available.</summary>
    public static double NowMilliseconds()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0 ? ts.Seconds * 1e3 + ts.Nanoseconds * 1e-6 : double.NaN;
        }
        catch (DllNotFoundException)
        {
            return double.NaN;
        }
        catch (EntryPointNotFoundException)
        {
            return double.NaN;
        }
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
