using Robotics.Drivers.Serial;
using Robotics.Nodes.Rigs;
using Xunit;
using Xunit.Abstractions;

namespace Robotics.Nodes.Tests.Rigs;

/// <summary>
/// Issue 6 acceptance, shortened: the figure eight in closed loop through the real serial stack against rig_emu
/// (built with gcc) at 200 Hz for 5 s. Asserts the error bounds of the issue (tendon 2 mm, HASEL 1 mm RMS) and that
/// no frame was lost or corrupt in either direction; timing is printed, not asserted.
/// </summary>
// Real-time runs against rig_emu: one at a time (parallel runs starve each other's loop threads and trip watchdogs).
[Collection("serial rig emulator")]
public sealed class SerialRigFigureEightTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(RigType.Tendon, SerialRigControllerKind.Pid)]
    [InlineData(RigType.Tendon, SerialRigControllerKind.Npc)]
    [InlineData(RigType.Hasel, SerialRigControllerKind.Pid)]
    [InlineData(RigType.Hasel, SerialRigControllerKind.Npc)]
    public void FigureEight_FiveSeconds_WithinTheBound_WithoutLostOrCorruptFrames(RigType rig, SerialRigControllerKind controller)
    {
        var result = SerialRigFigureEight.Run(new SerialRigFigureEightOptions
        {
            Rig = rig,
            Controller = controller,
            DurationSeconds = 5,
            RateHz = 200,
            Seed = 11,
            // A loop-thread stall > 100 ms on a loaded box (measured: 149 ms at load ~40) trips the firmware's default
            // watchdog and forces a reconnect; that is the safety path working, not a lost frame, so give it 1 s here.
            FirmwareWatchdogMs = 1000,
            EmulatorExecutable = RigEmulatorLocator.EmulatorPath,
        });
        output.WriteLine(result.ToString());

        Assert.True(result.MeasuredTicks > 100, $"only {result.MeasuredTicks} ticks measured");
        Assert.Equal(0, result.SampleGaps);
        Assert.Equal(0, result.DecodeErrors);
        Assert.Equal(0, result.LinkLosses);
        Assert.Equal(0, result.FirmwareCommandGaps);
        Assert.Equal(0, result.FirmwareDecodeErrors);
        Assert.True(result.RmsErrorMeters <= result.ErrorBoundMeters,
            $"RMS error {result.RmsErrorMeters * 1e3:F3} mm > bound {result.ErrorBoundMeters * 1e3:F0} mm");
    }
}
