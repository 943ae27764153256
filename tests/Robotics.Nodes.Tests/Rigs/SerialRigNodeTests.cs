using Robotics.Ros.Interfaces.DiagnosticMsgs;
using Xunit;
using Xunit.Abstractions;

namespace Robotics.Nodes.Tests.Rigs;

/// <summary>
/// Issue 6 (fault bullet, node side): <c>serial_rig_node</c> from the catalog, in-process, against rig_emu on a PTY running
/// a fault script (garbage bytes at 1 s, unplug for 500 ms at 2 s, both counted from the first HELLO). The node's
/// <c>/diagnostics</c> must show the garbage counted as decode errors, the unplug counted as a link loss, the link
/// back to Connected through a second handshake, frames flowing again, and the node still active (no lifecycle
/// transition needed to resume).
/// </summary>
// Real-time runs against rig_emu: one at a time (parallel runs starve each other's loop threads and trip watchdogs).
[Collection("serial rig emulator")]
public sealed class SerialRigNodeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task UnplugAndReplug_DiagnosticsCountTheFault_LinkRecovers_FramesFlowAgain()
    {
        await using var rig = SerialRigNodeHarness.Start(seed: 5, faults: "1000:garbage,2000:unplug500");

        // Before the fault: connected, frames flowing.
        var first = rig.WaitForLink(s => Value(s, "link_state") == "Connected" && Long(s, "window_frames") > 0, "frames before the fault");
        Assert.Equal(0, Long(first, "link_losses"));

        Assert.True(rig.Emulator.WaitForReplug(1, SerialRigNodeHarness.Timeout), "the emulator did not replug: " + rig.Emulator.RecentStandardError);

        // After: the loss counted, a second handshake, frames in the window, decode errors from the garbage.
        var after = rig.WaitForLink(
            s => Long(s, "link_losses") >= 1 && Long(s, "reconnects") >= 1 && Value(s, "link_state") == "Connected" && Long(s, "window_frames") > 0,
            "the link to recover and frames to flow again");
        output.WriteLine(string.Join(", ", after.Values.Select(v => $"{v.Key}={v.Value}")));
        Assert.True(Long(after, "decode_errors") >= 1, "the garbage bytes were not counted as decode errors");
        // 500 ms unplugged at 100 Hz: the loop kept ticking and its commands (safe ones after 5 stale ticks) were dropped.
        Assert.True(Long(after, "dropped_commands") >= 1, "no command was dropped while the link was down");

        // The node stayed active: its control-loop status says so, and the loop wrote safe commands during the outage.
        var loop = rig.Statuses(": control loop");
        Assert.Equal("active", Value(loop[^1], "lifecycle_state"));
        Assert.Contains(loop, s => Long(s, "safe_ticks") > 0 || Long(s, "stale_ticks") > 0);
        Assert.Equal(0, loop.Sum(s => Long(s, "write_faults")));
        Assert.Contains(rig.Statuses(": serial link"), s => s.Level == DiagnosticStatus.ERROR);

        Assert.Equal(0, await rig.StopAsync());
    }

    private static string? Value(DiagnosticStatus s, string key) => SerialRigNodeHarness.Value(s, key);

    private static long Long(DiagnosticStatus s, string key) => SerialRigNodeHarness.Long(s, key);
}
