using Robotics.Control.Loop;
using Robotics.Core.Time;
using Robotics.Drivers.Emulation;
using Robotics.Drivers.Hardware;
using Robotics.Drivers.Hasel;
using Robotics.Drivers.Serial;
using Robotics.Drivers.Tendon;

namespace Robotics.Drivers.Rigs.Tests;

/// <summary>
/// The Tendon and HASEL drivers against the real host firmware (hil-rigs, built with gcc) behind its own
/// pseudo-terminal, over both serial links: handshake, streaming, commands, the fault script, the firmware
/// watchdog and reconnects.
/// </summary>
public sealed class EmulatedRigTests
{
    public static TheoryData<SerialLinkKind> Kinds => new() { SerialLinkKind.Posix, SerialLinkKind.SerialPort };

    private static RigSupervisorOptions Supervisor(RigEmulatorProcess emulator, SerialLinkKind kind) => new()
    {
        PortName = emulator.LinkPath,
        Link = new SerialLinkOptions { Kind = kind },
        AttemptTimeout = TimeSpan.FromSeconds(1), // generous for a loaded CI box; the default is 250 ms
        OfflineRetryInterval = TimeSpan.FromMilliseconds(200),
    };

    private static double[] State(IHardwareComponent rig) => new double[rig.Interfaces.StateInterfaces.Count];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Tendon_ActuatorsFollowCommands_WithoutLostOrCorruptFrames(SerialLinkKind kind)
    {
        using var emulator = Firmware.Start(new RigEmulatorOptions { Rig = EmulatedRig.Tendon, Seed = 3 });
        using var rig = new TendonRig(Supervisor(emulator, kind));
        Assert.Equal(HardwareResult.Ok, rig.Configure());
        Assert.Equal(HardwareResult.Ok, rig.Activate());
        var state = State(rig);
        double[] command = [0.3, -0.2];

        // motor angles (state 3, 4) follow the command through a 30 ms lag and 0.04 rad of backlash
        Wait.For(() => rig.Read(SimTime.Zero, SimTime.Zero, state) == HardwareResult.Ok
                       && Math.Abs(state[3] - command[0]) < 0.05 && Math.Abs(state[4] - command[1]) < 0.05,
            "motor angles near the command",
            whileWaiting: () => rig.Write(SimTime.Zero, SimTime.Zero, command));

        Wait.For(() => rig.Statistics.Snapshot().Samples >= 200, "200 samples", whileWaiting: () => rig.Write(SimTime.Zero, SimTime.Zero, command));
        var stats = rig.Statistics.Snapshot();
        Assert.Equal(0, stats.SampleGaps);
        Assert.Equal(0, stats.DecodeErrors);
        Assert.Equal(1, stats.Connects);
        Assert.True(rig.LastSample.Status.HasFlag(RigSampleStatus.Armed), rig.LastSample.Status.ToString());
        Assert.True(double.IsFinite(state[0]) && double.IsFinite(state[2]), "emulated tip position is ground truth");
        Assert.Equal(HardwareResult.Ok, rig.Deactivate());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Hasel_AfterReplug_StartsFromTheSafeCommand(SerialLinkKind kind)
    {
        using var emulator = Firmware.Start(new RigEmulatorOptions { Rig = EmulatedRig.Hasel, Seed = 4 });
        using var rig = new HaselRig(Supervisor(emulator, kind));
        Assert.Equal(HardwareResult.Ok, rig.Configure());
        Assert.Equal(HardwareResult.Ok, rig.Activate());
        var state = State(rig);
        double[] command = [0.2, 0.2, 0.2, 0.2, 0.2, 0.2];
        Wait.For(() => rig.Read(SimTime.Zero, SimTime.Zero, state) == HardwareResult.Ok && Math.Abs(state[3] - 0.2) < 0.02,
            "drive level 1 near 0.2", whileWaiting: () => rig.Write(SimTime.Zero, SimTime.Zero, command));

        Assert.True(emulator.Replug(TimeSpan.FromMilliseconds(300)), "emulated unplug/replug");
        Wait.For(() => rig.Statistics.Snapshot().Connects >= 2 && rig.Supervisor.State == RigConnectionState.Connected, "reconnected");

        // Nobody writes after the reconnect: the supervisor's first frame was the safe command (-0.5 = 0 V).
        Wait.For(() => rig.Read(SimTime.Zero, SimTime.Zero, state) == HardwareResult.Ok && state[3..9].All(v => Math.Abs(v - HaselRig.SafeDrive) < 0.02),
            "all drive levels at the safe value");
        Assert.True(rig.Statistics.Snapshot().LinkLosses >= 1);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    [Trait("Category", "Slow")]
    public void FaultScript_EachFaultIsDetectedCounted_AndTheLoopRecovers(SerialLinkKind kind)
    {
        // Timed from the first HELLO: garbage, truncated frame, wrong CRC, bit flip, a 300 ms stall, a 400 ms unplug.
        using var emulator = Firmware.Start(new RigEmulatorOptions
        {
            Rig = EmulatedRig.Tendon,
            Seed = 5,
            Faults = "400:garbage,800:trunc,1200:badcrc,1600:bitflip,2000:stall300,2800:unplug400",
        });
        using var rig = new TendonRig(Supervisor(emulator, kind), new SerialRigOptions { RearmAfterWatchdogFault = true });
        Assert.Equal(HardwareResult.Ok, rig.Configure());
        Assert.Equal(HardwareResult.Ok, rig.Activate());
        var loop = new ControlLoop(rig, new HoldController(rig.Interfaces.StateInterfaces.Count, [0.1, 0.1]), new NoReference(), TimeProvider.System,
            new ControlLoopOptions { Period = SimTime.FromMilliseconds(5), ReadFaultToleranceTicks = 4 });
        loop.Start();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            loop.Tick();
            Thread.Sleep(4);
            var s = rig.Statistics.Snapshot();
            if (watch.Elapsed > TimeSpan.FromSeconds(4) && s.Connects >= 3 && loop.LastStatus == TickStatus.Ok) break;
        }

        var stats = rig.Statistics.Snapshot();
        Assert.True(stats.CrcErrors >= 1, stats.ToString()); // bad CRC (and usually the bit flip)
        Assert.True(stats.DecodeErrors >= 3, stats.ToString()); // garbage, truncation, CRC, bit flip
        Assert.True(stats.SampleGaps >= 1, stats.ToString()); // the samples those faults destroyed
        // The stall shows as a receive-watchdog loss; on a heavily loaded box a firmware-watchdog re-arm may tear the
        // link down first, so only the total is asserted here (FaultTests asserts the receive watchdog on its own).
        Assert.True(stats.LinkLosses >= 2, stats.ToString()); // stall + unplug
        Assert.True(stats.Connects >= 3, stats.ToString()); // first + after stall + after replug
        Assert.True(loop.StatusCount(TickStatus.SafeCommand) + loop.StatusCount(TickStatus.StaleState) > 0, "the loop saw the outage");
        Assert.True(loop.StatusCount(TickStatus.WriteFault) > 0, "writes failed while the link was down");
        Assert.Equal(TickStatus.Ok, loop.LastStatus);
    }

    [Fact]
    public void HostStops_FirmwareWatchdogTrips_AndTheDriverRearms()
    {
        using var emulator = Firmware.Start(new RigEmulatorOptions { Rig = EmulatedRig.Tendon, Seed = 6 });
        using var rig = new TendonRig(Supervisor(emulator, SerialLinkKind.Posix));
        var faults = new List<RigFault>();
        rig.Supervisor.EventRaised += e =>
        {
            if (e.Fault is RigFault f) lock (faults) faults.Add(f);
        };
        Assert.Equal(HardwareResult.Ok, rig.Configure());
        Assert.Equal(HardwareResult.Ok, rig.Activate());
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(HardwareResult.Ok, rig.Write(SimTime.Zero, SimTime.Zero, [0.2, 0.2]));
            Thread.Sleep(5);
        }

        // The host stops commanding; heartbeats stop too once commands are stale, so the firmware must trip.
        Wait.For(() =>
        {
            lock (faults) return faults.Any(f => f.Code == RigFaultCode.Watchdog);
        }, "FAULT Watchdog from the firmware");
        Wait.For(() => rig.Statistics.Snapshot().Connects >= 2 && rig.Supervisor.State == RigConnectionState.Connected, "re-armed by a new HELLO");
        var state = State(rig);
        Wait.For(() => rig.Read(SimTime.Zero, SimTime.Zero, state) == HardwareResult.Ok && rig.LastSample.Status.HasFlag(RigSampleStatus.Armed), "armed again");
    }
}
