using System.Runtime.InteropServices;
using System.Text;

namespace Robotics.Drivers.Serial;

/// <summary>
/// A Linux pseudo-terminal created in-process (<c>posix_openpt</c>, <c>grantpt</c>, <c>unlockpt</c>,
/// <c>ptsname_r</c>), no socat needed. The master side plays the device (a rig peer or a test fake); the
/// host opens <see cref="SlavePath"/> or a stable symlink made with <see cref="PublishSymlink"/>.
/// </summary>
/// <remarks>
/// <para>The master is put in raw mode before anyone opens the slave (otherwise the slave starts cooked
/// with ECHO on and echoes the device's own frames back to it).</para>
/// <para>The pseudo-terminal keeps one slave descriptor open itself, so the master never sees EIO/POLLHUP
/// while the host has the port closed (between reconnects). Closing the master (<see cref="Dispose"/>)
/// is an "unplug": the host's slave gets a hang-up and <see cref="SlavePath"/> disappears.</para>
/// </remarks>
public sealed class PseudoTerminal : IDisposable
{
    private int _masterFd;
    private int _heldSlaveFd;

    private PseudoTerminal(int masterFd, int heldSlaveFd, string slavePath)
    {
        _masterFd = masterFd;
        _heldSlaveFd = heldSlaveFd;
        SlavePath = slavePath;
    }

    /// <summary>The slave device, e.g. <c>/dev/pts/3</c>.</summary>
    public string SlavePath { get; }

    /// <summary>The master descriptor (raw mode, non-blocking); -1 after dispose.</summary>
    public int MasterDescriptor => _masterFd;

    /// <summary>Creates a pseudo-terminal pair in raw mode.</summary>
    /// <exception cref="PlatformNotSupportedException">Not Linux.</exception>
    /// <exception cref="IOException">A libc call failed; the message names it and errno.</exception>
    public static unsafe PseudoTerminal Open()
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("PseudoTerminal needs Linux (posix_openpt).");
        int master = PosixNative.PosixOpenPt(PosixNative.O_RDWR | PosixNative.O_NOCTTY | PosixNative.O_CLOEXEC);
        if (master < 0) throw new IOException($"posix_openpt failed: {PosixNative.Describe(Marshal.GetLastPInvokeError())}.");
        try
        {
            Check(PosixNative.GrantPt(master), "grantpt");
            Check(PosixNative.UnlockPt(master), "unlockpt");
            byte* name = stackalloc byte[128];
            int rc = PosixNative.PtsNameR(master, name, 128);
            if (rc != 0) throw new IOException($"ptsname_r failed: {PosixNative.Describe(rc)}.");
            string slavePath = Marshal.PtrToStringUTF8((nint)name) ?? throw new IOException("ptsname_r returned no name.");
            Check(PosixNative.MakeRaw(master, PosixNative.BaudConstant(1_000_000)), "termios (raw mode on the master)");
            int held = PosixNative.Open(slavePath, PosixNative.O_RDWR | PosixNative.O_NOCTTY | PosixNative.O_CLOEXEC | PosixNative.O_NONBLOCK);
            if (held < 0) throw new IOException($"open {slavePath} failed: {PosixNative.Describe(Marshal.GetLastPInvokeError())}.");
            Check(PosixNative.MakeRaw(held, PosixNative.BaudConstant(1_000_000)), "termios (raw mode on the slave)");
            SetNonBlocking(master);
            return new PseudoTerminal(master, held, slavePath);
        }
        catch
        {
            PosixNative.Close(master);
            throw;
        }
    }

    private static void SetNonBlocking(int fd)
    {
        // fcntl is variadic; F_SETFL with O_NONBLOCK through the ioctl FIONBIO equivalent keeps the import list short.
        const nuint FIONBIO = 0x5421;
        int on = 1;
        unsafe
        {
            Check(PosixNative.Ioctl(fd, FIONBIO, (nint)(&on)), "ioctl FIONBIO");
        }
    }

    private static void Check(int rc, string what)
    {
        if (rc != 0) throw new IOException($"{what} failed: {PosixNative.Describe(Marshal.GetLastPInvokeError())}.");
    }

    /// <summary>
    /// Points <paramref name="linkPath"/> at <see cref="SlavePath"/> atomically (symlink to a temporary name,
    /// then rename over the old link), so a host reconnecting to the same path finds the new device after a replug.
    /// </summary>
    public void PublishSymlink(string linkPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkPath);
        string temporary = linkPath + ".tmp" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (File.Exists(temporary) || Directory.Exists(temporary) || new FileInfo(temporary).LinkTarget is not null) File.Delete(temporary);
        File.CreateSymbolicLink(temporary, SlavePath);
        File.Move(temporary, linkPath, overwrite: true);
    }

    /// <summary>Opens a byte link on the master side (the device's end), not owning the descriptor.</summary>
    public PosixTtyLink OpenMasterLink(SerialLinkOptions? options = null) =>
        PosixTtyLink.FromDescriptor(_masterFd >= 0 ? _masterFd : throw new ObjectDisposedException(nameof(PseudoTerminal)), "pty-master " + SlavePath, ownsDescriptor: false, options);

    /// <summary>Closes the master and the held slave: the host sees a hang-up ("unplug").</summary>
    public void Dispose()
    {
        int master = Interlocked.Exchange(ref _masterFd, -1);
        int held = Interlocked.Exchange(ref _heldSlaveFd, -1);
        if (held >= 0) PosixNative.Close(held);
        if (master >= 0) PosixNative.Close(master);
    }

    /// <summary>Describes the pair for logs.</summary>
    public override string ToString() => new StringBuilder("pty ").Append(SlavePath).ToString();
}
