using System.Globalization;
using Robotics.Drivers.Emulation;
using Robotics.Nodes.Hosting;
using Robotics.Nodes.Rigs;
using Robotics.Ros.Interfaces.DiagnosticMsgs;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using Serilog;
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
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static string FindHilRigs([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        try
        {
            return RigFirmwareBuild.FindHilRigsDirectory();
        }
        catch (DirectoryNotFoundException) when (Path.GetDirectoryName(source) is { } dir && Directory.Exists(dir))
        {
            return RigFirmwareBuild.FindHilRigsDirectory(dir);
        }
    }

    [Fact]
    public async Task UnplugAndReplug_DiagnosticsCountTheFault_LinkRecovers_FramesFlowAgain()
    {
        using var emulator = RigEmulatorProcess.Start(new RigEmulatorOptions
        {
            Rig = EmulatedRig.Tendon,
            Seed = 5,
            ExecutablePath = RigFirmwareBuild.EmulatorPath(FindHilRigs()),
            WatchdogMs = 1000, // a loaded test machine; the default 100 ms watchdog is exercised by the emulator tests
            Faults = "1000:garbage,2000:unplug500",
        });
        using var ros = RosContext.Init([], new RosContextOptions { TransportName = "inprocess" });
        var statuses = new List<DiagnosticStatus>();
        using var tester = new Node(ros, "diagnostics_tester");
        using var sub = tester.CreateSubscription<DiagnosticArray>("/diagnostics", m =>
        {
            lock (statuses) statuses.AddRange(m.Status);
        }, QosProfile.KeepLast(100));
        using var exec = new Executor();
        exec.Add(tester);
        using var spin = new CancellationTokenSource();
        var spinner = Task.Run(() => exec.Spin(spin.Token));

        var exe = NodeExecutableCatalog.Default.Find("robotics", "serial_rig_node");
        Assert.NotNull(exe);
        var context = new NodeRunContext(ros, TimeProvider.System, new LoggerConfiguration().CreateLogger());
        using var cts = new CancellationTokenSource();
        var run = Task.Run(() => exe.RunAsync(
        [
            "--ros-args", "-r", "__node:=tendon", "-r", "__ns:=/rig",
            "-p", $"port:={emulator.LinkPath}", "-p", "rig:=tendon", "-p", "controller:=pid", "-p", "rate_hz:=100.0",
            "-p", "diagnostics_period_s:=0.2", "-p", "autostart:=true",
        ], context, cts.Token));
        try
        {
            // Before the fault: connected, frames flowing.
            var first = WaitForLink(statuses, s => Value(s, "link_state") == "Connected" && Long(s, "window_frames") > 0, "frames before the fault");
            Assert.Equal(0, Long(first, "link_losses"));

            Assert.True(emulator.WaitForReplug(1, Timeout), "the emulator did not replug: " + emulator.RecentStandardError);

            // After: the loss counted, a second handshake, frames in the window, decode errors from the garbage.
            var after = WaitForLink(statuses,
                s => Long(s, "link_losses") >= 1 && Long(s, "reconnects") >= 1 && Value(s, "link_state") == "Connected" && Long(s, "window_frames") > 0,
                "the link to recover and frames to flow again");
            output.WriteLine(string.Join(", ", after.Values.Select(v => $"{v.Key}={v.Value}")));
            Assert.True(Long(after, "decode_errors") >= 1, "the garbage bytes were not counted as decode errors");
            // 500 ms unplugged at 100 Hz: the loop kept ticking and its commands (safe ones after 5 stale ticks) were dropped.
            Assert.True(Long(after, "dropped_commands") >= 1, "no command was dropped while the link was down");

            // The node stayed active: its control-loop status says so, and the loop wrote safe commands during the outage.
            DiagnosticStatus[] loop;
            lock (statuses) loop = statuses.Where(s => s.Name.EndsWith(": control loop", StringComparison.Ordinal)).ToArray();
            Assert.Equal("active", Value(loop[^1], "lifecycle_state"));
            Assert.Contains(loop, s => Long(s, "safe_ticks") > 0 || Long(s, "stale_ticks") > 0);
            Assert.Equal(0, loop.Sum(s => Long(s, "write_faults")));
            lock (statuses)
            {
                Assert.Contains(statuses, s => s.Name.EndsWith(": serial link", StringComparison.Ordinal) && s.Level == DiagnosticStatus.ERROR);
            }
        }
        finally
        {
            cts.Cancel();
            spin.Cancel();
        }

        Assert.Equal(0, await run);
        await spinner;
    }

    private static DiagnosticStatus WaitForLink(List<DiagnosticStatus> statuses, Func<DiagnosticStatus, bool> condition, string what)
    {
        var end = DateTime.UtcNow + Timeout;
        while (true)
        {
            lock (statuses)
            {
                var hit = statuses.LastOrDefault(s => s.Name.EndsWith(": serial link", StringComparison.Ordinal) && condition(s));
                if (hit is not null) return hit;
            }

            Assert.True(DateTime.UtcNow < end, $"timed out waiting for {what}");
            Thread.Sleep(20);
        }
    }

    private static string? Value(DiagnosticStatus s, string key) => SerialLinkHealth.Find(s, key);

    private static long Long(DiagnosticStatus s, string key) =>
        Value(s, key) is { } v && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out long x) ? x : 0;
}
