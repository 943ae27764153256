using System.Runtime.InteropServices;

namespace Robotics.Drivers.Emulation;

/// <summary>libc calls the emulator launcher needs (SIGTERM: <see cref="System.Diagnostics.Process.Kill()"/> sends SIGKILL,
/// which would leave the emulator's symlink behind).</summary>
internal static partial class EmulatorNative
{
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
