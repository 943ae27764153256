using System.Globalization;
using Robotics.Ros.Interfaces.DiagnosticMsgs;
using Xunit;
using Xunit.Abstractions;

namespace Robotics.Nodes.Tests.Rigs;

/// <summary>
/// Issue 6 (diagnostics, healthy link): <c>serial_rig_node</c> from the catalog, in-process, with a PID tracking the
/// figure eight against rig_emu (tendon) on a PTY with no fault script. Its <c>/diagnostics</c> must report frames
/// flowing (received and sent, samples, sample age and command latency measured) and zero errors of every kind: no
/// CRC/COBS/length/version errors, no sample gaps, no firmware faults, no link losses, one connect, no dropped commands.
/// </summary>
[Collection("serial rig emulator")]
public sealed class SerialRigNodeCleanLinkTests(ITestOutputHelper output)
{
    [Fact]
    public async Task HealthyLink_DiagnosticsShowFramesFlowing_AndZeroErrors()
    {
        await using var rig = SerialRigNodeHarness.Start(seed: 11);

        // 500 samples at the 500 Hz stream: about a second of closed loop with commands going out.
        var s = rig.WaitForLink(x => Value(x, "link_state") == "Connected" && Long(x, "samples") >= 500 && Long(x, "frames_sent") >= 50,
            "500 samples over a connected link");
        output.WriteLine(string.Join(", ", s.Values.Select(v => $"{v.Key}={v.Value}")));
        Assert.True(Long(s, "frames_received") >= Long(s, "samples"), "frames_received counts every SAMPLE");
        Assert.True(Long(s, "window_frames") > 0, "no frames in the last diagnostics window");
        foreach (var key in new[]
        {
            "crc_errors", "cobs_errors", "length_errors", "version_errors", "decode_errors", "sample_gaps", "faults",
            "link_losses", "dropped_commands", "window_decode_errors", "window_sample_gaps", "window_link_losses",
        })
        {
            Assert.True(Value(s, key) == "0", $"{key} = {Value(s, key)}, expected 0");
        }

        Assert.Equal("1", Value(s, "connects"));
        Assert.Equal("0", Value(s, "reconnects"));
        Assert.Equal("none", Value(s, "last_fault"));
        Assert.True(double.Parse(Value(s, "sample_age_median_us")!, CultureInfo.InvariantCulture) > 0, "sample age not measured");
        Assert.NotNull(Value(s, "command_latency_median_us"));
        Assert.Equal(DiagnosticStatus.OK, s.Level);

        var loop = rig.Statuses(": control loop");
        Assert.NotEmpty(loop);
        Assert.Equal("active", Value(loop[^1], "lifecycle_state"));
        Assert.Equal(0, loop.Sum(x => Long(x, "write_faults")));

        Assert.Equal(0, await rig.StopAsync());
    }

    private static string? Value(DiagnosticStatus s, string key) => SerialRigNodeHarness.Value(s, key);

    private static long Long(DiagnosticStatus s, string key) => SerialRigNodeHarness.Long(s, key);
}
