using System.Globalization;
using Robotics.Drivers.Emulation;
using Robotics.Nodes.Hosting;
using Robotics.Nodes.Rigs;
using Robotics.Ros.Interfaces.DiagnosticMsgs;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using Serilog;
using Xunit;

namespace Robotics.Nodes.Tests.Rigs;

/// <summary>
/// <c>serial_rig_node</c> from the catalog, in-process (PID on the figure eight, 100 Hz, diagnostics every 0.2 s),
/// against rig_emu (tendon) on a PTY, with a tester node collecting <c>/diagnostics</c>. Shared by the serial-rig node
/// tests; each test only says which emulator seed and fault script it runs and what the diagnostics must show.
/// </summary>
internal sealed class SerialRigNodeHarness : IAsyncDisposable
{
    /// <summary>How long a test waits for a diagnostics condition.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly List<DiagnosticStatus> _statuses = [];
    private readonly RigEmulatorProcess _emulator;
    private readonly RosContext _ros;
    private readonly Node _tester;
    private readonly Subscription<DiagnosticArray> _subscription;
    private readonly Executor _executor;
    private readonly CancellationTokenSource _spin = new();
    private readonly CancellationTokenSource _run = new();
    private readonly Task _spinner;
    private readonly Task<int> _node;

    private SerialRigNodeHarness(ulong seed, string? faults)
    {
        _emulator = RigEmulatorProcess.Start(new RigEmulatorOptions
        {
            Rig = EmulatedRig.Tendon,
            Seed = seed,
            ExecutablePath = RigEmulatorLocator.EmulatorPath,
            WatchdogMs = 1000, // a loaded test machine: a stalled test thread must not trip the firmware watchdog
            Faults = faults,
        });
        _ros = RosContext.Init([], new RosContextOptions { TransportName = "inprocess" });
        _tester = new Node(_ros, "diagnostics_tester");
        _subscription = _tester.CreateSubscription<DiagnosticArray>("/diagnostics", m =>
        {
            lock (_statuses) _statuses.AddRange(m.Status);
        }, QosProfile.KeepLast(100));
        _executor = new Executor();
        _executor.Add(_tester);
        _spinner = Task.Run(() => _executor.Spin(_spin.Token));

        var exe = NodeExecutableCatalog.Default.Find("robotics", "serial_rig_node");
        Assert.NotNull(exe);
        var context = new NodeRunContext(_ros, TimeProvider.System, new LoggerConfiguration().CreateLogger());
        _node = Task.Run(() => exe.RunAsync(
        [
            "--ros-args", "-r", "__node:=tendon", "-r", "__ns:=/rig",
            "-p", $"port:={_emulator.LinkPath}", "-p", "rig:=tendon", "-p", "controller:=pid", "-p", "rate_hz:=100.0",
            "-p", "diagnostics_period_s:=0.2", "-p", "autostart:=true",
        ], context, _run.Token));
    }

    /// <summary>The emulator behind the PTY.</summary>
    public RigEmulatorProcess Emulator => _emulator;

    /// <summary>Starts the emulator (with an optional fault script, rig_emu's <c>--faults</c> syntax) and the node.</summary>
    public static SerialRigNodeHarness Start(ulong seed, string? faults = null) => new(seed, faults);

    /// <summary>The latest <c>": serial link"</c> status that meets the condition; fails the test after <see cref="Timeout"/>.</summary>
    public DiagnosticStatus WaitForLink(Func<DiagnosticStatus, bool> condition, string what)
    {
        var end = DateTime.UtcNow + Timeout;
        while (true)
        {
            lock (_statuses)
            {
                var hit = _statuses.LastOrDefault(s => s.Name.EndsWith(": serial link", StringComparison.Ordinal) && condition(s));
                if (hit is not null) return hit;
            }

            Assert.True(DateTime.UtcNow < end, $"timed out waiting for {what}");
            Thread.Sleep(20);
        }
    }

    /// <summary>A snapshot of the statuses received so far whose name ends with <paramref name="suffix"/>.</summary>
    public DiagnosticStatus[] Statuses(string suffix)
    {
        lock (_statuses) return _statuses.Where(s => s.Name.EndsWith(suffix, StringComparison.Ordinal)).ToArray();
    }

    /// <summary>Cancels the node and the spinner; returns the node's exit code.</summary>
    public async Task<int> StopAsync()
    {
        _run.Cancel();
        _spin.Cancel();
        int code = await _node;
        await _spinner;
        return code;
    }

    /// <summary>A key's value in a status, or null.</summary>
    public static string? Value(DiagnosticStatus s, string key) => SerialLinkHealth.Find(s, key);

    /// <summary>A key's integer value in a status, or 0.</summary>
    public static long Long(DiagnosticStatus s, string key) =>
        Value(s, key) is { } v && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out long x) ? x : 0;

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_node.IsCompleted || !_spinner.IsCompleted)
        {
            // A failed assertion left the node running: stop it before tearing down what it uses.
            _run.Cancel();
            _spin.Cancel();
            try
            {
                await Task.WhenAll(_node, _spinner);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _executor.Dispose();
        _subscription.Dispose();
        _tester.Dispose();
        _ros.Dispose();
        _emulator.Dispose();
        _spin.Dispose();
        _run.Dispose();
    }
}
