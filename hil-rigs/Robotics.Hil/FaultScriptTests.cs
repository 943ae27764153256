using Robotics.Drivers.Emulation;

namespace Robotics.Hil;

/// <summary>A whole fault script (serial-hil.md section 3, compressed in time) against the emulated tendon rig: every
/// injected fault is visible to the host as the document says.</summary>
public sealed class FaultScriptTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void FaultScript_EachFault_IsDetectedByTheHost()
    {
        const string script = "200:garbage,400:trunc,600:badcrc,800:bitflip,1000:stall300,1800:unplug300,3000:die";
        using var target = RigTarget.Emulated(new RigEmulatorOptions { Rig = EmulatedRig.Tendon, Faults = script });
        var emulator = target.Emulator!;
        List<HilSample> samples;
        int crc, framing;
        using (var client = target.Connect())
        {
            var hello = client.Handshake(1); // t = 0 of the script
            Assert.Equal(0x0010, hello.Capabilities & 0x0010); // FAULT_INJECTION
            var from = client.Port.Mark();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!client.Port.Lost && DateTime.UtcNow < deadline && TryHeartbeat(client))
                Thread.Sleep(20);

            Assert.True(client.Port.Lost || client.Port.WaitFor(0, _ => false, TimeSpan.FromMilliseconds(500)) is null && client.Port.Lost,
                "the unplug at 1.8 s is seen as a lost port");
            samples = client.Samples(from);
            crc = client.Port.CrcErrors;
            framing = client.Port.FramingErrors;
        }

        // garbage (>= 2 bad pieces), trunc (1, plus the frame it swallows), badcrc and bitflip (1 CRC error each).
        Assert.InRange(crc, 2, 4);
        Assert.InRange(framing + crc, 5, 8);
        // Lost samples show as sequence gaps: trunc, the frame it swallowed, badcrc, bitflip, and garbage's victim.
        long lost = 0;
        for (var i = 1; i < samples.Count; i++)
            lost += samples[i].Seq - samples[i - 1].Seq - 1;
        Assert.InRange(lost, 3, 6);
        // The 300 ms stall freezes the firmware: one gap of at least 300 ms on the device clock, no samples lost by it.
        var longest = samples.Zip(samples.Skip(1)).Max(p => p.Second.McuUs - p.First.McuUs);
        Assert.InRange(longest, 300_000UL, 1_000_000UL);

        Assert.True(emulator.WaitForReplug(1, TimeSpan.FromSeconds(5)), emulator.RecentStandardError);
        using (var again = target.Connect())
        {
            var hello = again.Handshake(2);
            Assert.Equal(1, hello.RigType);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!emulator.HasExited && DateTime.UtcNow < deadline && TryHeartbeat(again))
                Thread.Sleep(20);
            emulator.WaitForReplug(2, TimeSpan.FromSeconds(2)); // returns early once the process has exited
        }

        Assert.Equal(70, emulator.ExitCode); // die
    }

    /// <summary>False once the peer is gone (write fails with EIO after an unplug or the emulator's exit).</summary>
    private static bool TryHeartbeat(HilClient client)
    {
        try
        {
            client.Heartbeat();
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
