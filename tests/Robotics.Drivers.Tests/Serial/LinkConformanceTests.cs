using Robotics.Drivers.Serial;

namespace Robotics.Drivers.Tests.Serial;

/// <summary>The same tests for both <see cref="ISerialLink"/> implementations, over real in-process pseudo-terminals.</summary>
public sealed class LinkConformanceTests
{
    public static TheoryData<SerialLinkKind> Kinds => new() { SerialLinkKind.Posix, SerialLinkKind.SerialPort };

    private static ISerialLink Open(string port, SerialLinkKind kind) => SerialLinkFactory.Open(port, new SerialLinkOptions { Kind = kind });

    private static byte[] AllByteValuesTwice()
    {
        // Every byte value, including the ones a cooked terminal would translate or swallow (CR, LF, ^C, XON/XOFF, DEL).
        var data = new byte[512];
        for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 7 % 256);
        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Bytes_FlowBothWaysUnchanged(SerialLinkKind kind)
    {
        using var pty = PseudoTerminal.Open();
        using var device = pty.OpenMasterLink();
        var atDevice = new ByteSink();
        device.Start(atDevice.OnBytes, atDevice.OnLost);
        using var host = Open(pty.SlavePath, kind);
        var atHost = new ByteSink();
        host.Start(atHost.OnBytes, atHost.OnLost);
        byte[] data = AllByteValuesTwice();

        host.Write(data);
        Wait.For(() => atDevice.Count >= data.Length, "host -> device bytes");
        device.Write(data);
        Wait.For(() => atHost.Count >= data.Length, "device -> host bytes");

        Assert.Equal(data, atDevice.ToArray());
        Assert.Equal(data, atHost.ToArray());
        Assert.False(host.IsLost);
        Assert.Equal(0, atHost.LostCount);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void DeviceHangUp_IsReportedOnce_AndLaterWritesThrow(SerialLinkKind kind)
    {
        var pty = PseudoTerminal.Open();
        using var host = Open(pty.SlavePath, kind);
        var atHost = new ByteSink();
        host.Start(atHost.OnBytes, atHost.OnLost);

        pty.Dispose(); // unplug: the master closes

        Wait.For(() => atHost.LostCount > 0 || Poke(host), "hang-up detection");
        Wait.For(() => host.IsLost, "link marked lost");
        Assert.Throws<LinkLostException>(() => host.Write([1, 2, 3]));
        Thread.Sleep(50);
        Assert.True(atHost.LostCount <= 1, $"lost reported {atHost.LostCount} times");
    }

    private static bool Poke(ISerialLink link)
    {
        // System.IO.Ports may only notice a hang-up on a write (a zombie port); writes are how the supervisor notices too.
        try
        {
            link.Write([0]);
        }
        catch (LinkLostException)
        {
            return true;
        }

        return false;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Open_MissingPort_ThrowsIoOrUnauthorized(SerialLinkKind kind)
    {
        string missing = Path.Combine(Path.GetTempPath(), $"no-such-tty-{Guid.NewGuid():N}");
        var ex = Record.Exception(() => Open(missing, kind).Dispose());
        Assert.True(ex is IOException or UnauthorizedAccessException, $"got {ex?.GetType().Name}: {ex?.Message}");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Open_RegularFile_IsRejected(SerialLinkKind kind)
    {
        string file = Path.GetTempFileName();
        try
        {
            var ex = Record.Exception(() => Open(file, kind).Dispose());
            Assert.True(ex is IOException or UnauthorizedAccessException, $"got {ex?.GetType().Name}: {ex?.Message}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Symlink_OpensTheDevice_AndDisposeIsIdempotent(SerialLinkKind kind)
    {
        using var pty = PseudoTerminal.Open();
        string link = Path.Combine(Path.GetTempPath(), $"rig-{Guid.NewGuid():N}");
        pty.PublishSymlink(link);
        try
        {
            using var device = pty.OpenMasterLink();
            var atDevice = new ByteSink();
            device.Start(atDevice.OnBytes, atDevice.OnLost);
            var host = Open(link, kind);
            var atHost = new ByteSink();
            host.Start(atHost.OnBytes, atHost.OnLost);
            host.Write([0x42]);
            Wait.For(() => atDevice.Count == 1, "byte through the symlink");
            host.Dispose();
            host.Dispose();
            Assert.True(host.IsLost);
            Assert.Equal(0, atHost.LostCount); // a deliberate close is not a loss
        }
        finally
        {
            File.Delete(link);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void StaleBytes_QueuedBeforeOpen_AreDiscarded(SerialLinkKind kind)
    {
        using var pty = PseudoTerminal.Open();
        using var device = pty.OpenMasterLink();
        device.Write([1, 2, 3, 4, 5]); // queued while nobody has the port open
        Thread.Sleep(20);
        using var host = Open(pty.SlavePath, kind);
        var atHost = new ByteSink();
        host.Start(atHost.OnBytes, atHost.OnLost);
        device.Write([9]);
        Wait.For(() => atHost.Count >= 1, "fresh byte");
        Thread.Sleep(20);
        Assert.Equal(new byte[] { 9 }, atHost.ToArray());
    }
}
