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
/// Issue 6 (diagnostics, healthy link): <c>serial_rig_node</c> from the catalog, in-process, with a PID tracking the
/// figure eight against rig_emu (tendon) on a PTY with no fault script. Its <c>/diagnostics</c> must report frames
/// flowing (received and sent, samples, sample age and command latency measured) and zero errors of every kind: no
/// CRC/COBS/length/version errors, no sample gaps, no firmware faults, no link losses, one connect, no dropped commands.
/// </summary>
[Collection("serial rig emulator")]
public sealed class SerialRigNodeCleanLinkTests(ITestOutputHelper output)
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
    public async Task HealthyLink_DiagnosticsShowFramesFlowing_AndZeroErrors()
    {
        using var emulator = RigEmulatorProcess.Start(new RigEmulatorOptions
        {
            Rig = EmulatedRig.Tendon,
            Seed = 11,
            ExecutablePath = RigFirmwareBuild.EmulatorPath(FindHilRigs()),
            WatchdogMs = 1000, // a loaded test machine: a stalled test thread must not trip the firmware watchdog
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
            // 500 samples at the 500 Hz stream: about a second of closed loop with commands going out.
            var s = WaitForLink(statuses, x => Value(x, "link_state") == "Connected" && Long(x, "samples") >= 500 && Long(x, "frames_sent") >= 50,
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

            DiagnosticStatus[] loop;
            lock (statuses) loop = statuses.Where(x => x.Name.EndsWith(": control loop", StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(loop);
            Assert.Equal("active", Value(loop[^1], "lifecycle_state"));
            Assert.Equal(0, loop.Sum(x => Long(x, "write_faults")));
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
