using Robotics.Drivers.Emulation;

namespace Robotics.Hil;

/// <summary>Emulator-only behaviour: injected link faults are visible to the host as counted errors, an emulated
/// unplug/replug keeps the link path and reboots the firmware, and the process lifecycle (SIGTERM removes the link).</summary>
public sealed class EmulatorFaultTests
{
    [Fact]
    public void InjectedBadCrcAndBitFlip_AreCountedAsCrcErrors_AndTheStreamContinues()
    {
        using var target = RigTarget.Emulated(EmulatedRig.Tendon);
        using var client = target.Connect();
        var hello = client.Handshake(1);
        Assert.Equal(0, hello.Capabilities & 0x0010); // no fault script: FAULT_INJECTION not advertised
        client.Heartbeat();
        target.Emulator!.InjectFault("badcrc");
        target.Emulator.InjectFault("bitflip");
        var from = client.Port.Mark();
        Assert.NotNull(client.WaitSample(from, _ => true));
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (client.Port.CrcErrors < 2 && DateTime.UtcNow < deadline)
            Thread.Sleep(10);
        Assert.Equal(2, client.Port.CrcErrors);
        Assert.Equal(0, client.Port.FramingErrors);
    }

    [Fact]
    public void InjectedGarbageAndTruncation_AreCountedAsFramingErrors_AndTheDecoderResyncs()
    {
        using var target = RigTarget.Emulated(EmulatedRig.Hasel);
        using var client = target.Connect();
        client.Handshake(2);
        target.Emulator!.InjectFault("garbage");
        target.Emulator.InjectFault("trunc");
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (client.Port.FramingErrors + client.Port.CrcErrors < 3 && DateTime.UtcNow < deadline)
            Thread.Sleep(10);
        // 64 garbage bytes with two 0x00 give at least 2 bad frames (3 pieces, the last one joined to the next frame);
        // the truncated sample swallows the frame after it (one more bad frame).
        Assert.InRange(client.Port.FramingErrors + client.Port.CrcErrors, 3, 5);
        var from = client.Port.Mark();
        Assert.NotNull(client.WaitSample(from, _ => true));
    }

    [Fact]
    public void Replug_KeepsTheLinkPath_RebootsTheFirmware_AndTheHostReconnects()
    {
        using var target = RigTarget.Emulated(EmulatedRig.Tendon);
        var link = target.Path;
        using (var client = target.Connect())
        {
            client.Handshake(3);
            var from = client.Port.Mark();
            Assert.NotNull(client.WaitSample(from, s => s.Seq >= 20, TimeSpan.FromSeconds(2)));
            Assert.True(target.Emulator!.Replug(TimeSpan.FromMilliseconds(200)), target.Emulator.RecentStandardError);
            Assert.True(client.Port.Lost, "the old connection sees the unplug (POLLHUP/EIO)");
        }

        Assert.Equal(1, target.Emulator!.ReplugCount);
        Assert.True(File.Exists(link), "the stable link points at the new PTY");
        using var again = target.Connect();
        again.Handshake(4);
        var s = again.WaitSample(again.Port.Mark(), _ => true) ?? throw new Xunit.Sdk.XunitException("no samples after replug");
        Assert.InRange(s.Seq, 0u, 400u); // sample_seq restarted at boot (at most ~0.8 s of samples since)
    }

    [Fact]
    public void Dispose_StopsWithSigterm_AndRemovesTheLink()
    {
        var target = RigTarget.Emulated(EmulatedRig.Hasel);
        var link = target.Path;
        var emulator = target.Emulator!;
        Assert.True(File.Exists(link));
        target.Dispose();
        Assert.True(emulator.HasExited);
        Assert.Equal(0, emulator.ExitCode);
        Assert.False(File.Exists(link) || new FileInfo(link).LinkTarget is not null);
    }

    [Fact]
    public void DieFault_ExitsWith70_AndDisposeCleansTheDanglingLink()
    {
        var target = RigTarget.Emulated(new RigEmulatorOptions { Rig = EmulatedRig.Tendon, Faults = "0:die" });
        var link = target.Path;
        using (var client = target.Connect())
        {
            client.Port.Send(HilWire.HelloReq, [1, 0, 0, 0, 1, 0]);
            var deadline = DateTime.UtcNow.AddSeconds(3);
            while (!target.Emulator!.HasExited && DateTime.UtcNow < deadline)
                Thread.Sleep(10);
        }

        Assert.Equal(70, target.Emulator!.ExitCode);
        target.Dispose();
        Assert.Null(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Options_BadFaultScript_IsRejectedWithTheFix()
    {
        var e = Assert.Throws<ArgumentException>(() => new RigEmulatorOptions { Faults = "100:explode" }.Validate());
        Assert.Contains("100:explode", e.Message, StringComparison.Ordinal);
        Assert.Contains("unplugN", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RigEmulatorOptions { StreamHz = 0 }.Validate());
        new RigEmulatorOptions { Faults = "1500:garbage,2500:trunc,3500:badcrc,4500:bitflip,5500:stall300,7000:unplug500,9000:die" }.Validate();
    }
}
