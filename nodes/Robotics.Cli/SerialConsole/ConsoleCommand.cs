using System.CommandLine;
using System.Globalization;
using Robotics.Drivers.Emulation;
using Robotics.Drivers.Serial;

namespace Robotics.Cli.SerialConsole;

/// <summary>
/// <c>robotics console &lt;port&gt; [--rig tendon|hasel] [--baud N] [--raw] [--list] [--log FILE]</c>: a serial
/// console for the rigs. On a terminal a live view of decoded frames, link statistics and faults with operator
/// commands (hold an actuator command or NPC setpoint, get/set firmware parameters, capture to a file); when
/// output is redirected, one line per decoded frame or event. Ends cleanly on Ctrl-C/SIGINT/SIGTERM.
/// <c>--latency N</c> measures heartbeat round trips and closed-loop sample age / command latency instead.
/// </summary>
/// <remarks>The folder is SerialConsole, not Console: a Robotics.Cli.Console namespace would shadow System.Console
/// in every Robotics.Cli.* file.</remarks>
public static class ConsoleCommand
{
    private const int ExitBadInput = 2;

    /// <summary>Creates the <c>console</c> command.</summary>
    public static Command Create()
    {
        var port = new Argument<string?>("port") { Description = "Serial port or stable symlink (e.g. /dev/ttyACM0, /dev/serial/by-id/..., the path `robotics rig emulate` prints).", Arity = ArgumentArity.ZeroOrOne };
        var rig = new Option<string>("--rig") { Description = "Rig to expect: tendon, hasel or any (any accepts whatever answers HELLO).", DefaultValueFactory = _ => "any" };
        rig.AcceptOnlyFromAmong("tendon", "hasel", "any");
        var baud = new Option<int>("--baud") { Description = "Baud rate, 8N1 (PTYs and USB-CDC ignore it; real UARTs need >= 460800 for 500 Hz).", DefaultValueFactory = _ => 1_000_000 };
        var raw = new Option<bool>("--raw") { Description = "Also print every frame body in hex." };
        var list = new Option<bool>("--list") { Description = "List candidate serial ports (/dev/serial/by-id/*, /dev/ttyACM*, /dev/ttyUSB*) and exit. PTYs are never listed." };
        var log = new Option<string?>("--log") { Description = "Capture every frame and event to this file (text, one line each, body hex included)." };
        var link = new Option<string>("--link") { Description = "Link implementation: auto (posix on Linux), posix (raw termios), serialport (System.IO.Ports).", DefaultValueFactory = _ => "auto" };
        link.AcceptOnlyFromAmong("auto", "posix", "serialport");
        var dtr = new Option<bool>("--dtr") { Description = "Assert DTR after opening (some USB-CDC firmware needs it; it resets Arduino/ESP32 boards)." };
        var emulate = new Option<string?>("--emulate") { Description = "Start the rig firmware emulator (hil-rigs host build: tendon or hasel) and connect to it instead of a port." };
        emulate.AcceptOnlyFromAmong("tendon", "hasel");
        var duration = new Option<double>("--duration") { Description = "Stop after this many seconds (0: run until Ctrl-C).", DefaultValueFactory = _ => 0 };
        var latency = new Option<int>("--latency") { Description = "Measure instead of monitoring: N heartbeat round trips, then 5 s of 200 Hz commands (sample age, command latency); prints a markdown table.", DefaultValueFactory = _ => 0 };
        var command = new Command("console", "Serial console for the HIL rigs: live decoded frames, link statistics, faults and operator commands (type 'help' inside).")
        {
            port, rig, baud, raw, list, log, link, dtr, emulate, duration, latency,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            parse.GetValue(port), parse.GetValue(rig)!, parse.GetValue(baud), parse.GetValue(raw), parse.GetValue(list), parse.GetValue(log),
            parse.GetValue(link)!, parse.GetValue(dtr), parse.GetValue(emulate), parse.GetValue(duration), parse.GetValue(latency))));
        return command;
    }

    private static int Fail(string message)
    {
        System.Console.Error.WriteLine($"robotics console: {message}");
        return ExitBadInput;
    }

    private static int Run(string? port, string rig, int baud, bool raw, bool list, string? log, string link, bool dtr, string? emulate, double durationSeconds, int latency)
    {
        if (list)
        {
            var ports = SerialLinkFactory.ListCandidatePorts();
            if (ports.Count == 0) System.Console.Out.WriteLine("(no serial ports found under /dev/serial/by-id, /dev/ttyACM*, /dev/ttyUSB*; PTYs are never listed)");
            foreach (string p in ports) System.Console.Out.WriteLine(p);
            return 0;
        }

        if (port is null && emulate is null) return Fail("give a port (e.g. /dev/ttyACM0), --emulate tendon|hasel, or --list.");
        if (port is not null && emulate is not null) return Fail($"give either a port ('{port}') or --emulate {emulate}, not both.");
        if (baud is < 300 or > 12_000_000) return Fail($"--baud {baud} is outside 300..12000000; use e.g. 115200 or 1000000.");
        if (durationSeconds < 0 || !double.IsFinite(durationSeconds)) return Fail($"--duration {durationSeconds} must be 0 (until Ctrl-C) or a positive number of seconds.");
        if (latency < 0) return Fail($"--latency {latency} must be a positive number of round trips (e.g. 5000).");
        if (port is not null && !File.Exists(port) && !OperatingSystem.IsWindows()) return Fail($"port '{port}' does not exist; try --list, or start an emulator with `robotics rig emulate tendon`.");
        if (log is not null && Path.GetDirectoryName(Path.GetFullPath(log)) is string dir && !Directory.Exists(dir)) return Fail($"--log '{log}': directory '{dir}' does not exist.");

        var kind = link switch { "posix" => SerialLinkKind.Posix, "serialport" => SerialLinkKind.SerialPort, _ => SerialLinkKind.Auto };
        RigType expected = rig switch { "tendon" => RigType.Tendon, "hasel" => RigType.Hasel, _ => RigType.Unknown };
        var linkOptions = new SerialLinkOptions { Kind = kind, BaudRate = baud, DtrEnable = dtr };
        try
        {
            linkOptions.Validate();
        }
        catch (ArgumentException ex)
        {
            return Fail(ex.Message);
        }

        RigEmulatorProcess? emulator = null;
        try
        {
            if (emulate is not null)
            {
                expected = emulate == "hasel" ? RigType.Hasel : RigType.Tendon;
                try
                {
                    string hilRigs = Path.Combine(RepoPaths.Root, "hil-rigs");
                    string executable = RigFirmwareBuild.EmulatorPath(Directory.Exists(hilRigs) ? hilRigs : null);
                    emulator = RigEmulatorProcess.Start(new RigEmulatorOptions { Rig = emulate == "hasel" ? EmulatedRig.Hasel : EmulatedRig.Tendon, ExecutablePath = executable });
                }
                catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException or IOException or TimeoutException)
                {
                    System.Console.Error.WriteLine($"robotics console: cannot start the {emulate} emulator: {e.Message}");
                    return 1;
                }

                port = emulator.LinkPath;
                System.Console.Error.WriteLine($"robotics console: emulator ({emulate}) on {port}");
            }

            var sessionOptions = new RigSessionOptions { ExpectedRigType = expected };
            return latency > 0
                ? Measure(port!, linkOptions, sessionOptions, latency)
                : Monitor(new RigSupervisorOptions { PortName = port!, Link = linkOptions, Session = sessionOptions }, raw, log, durationSeconds);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException or OperationCanceledException or RigProtocolException)
        {
            // --latency connects once without retries: say why it failed instead of a stack trace.
            System.Console.Error.WriteLine($"robotics console: {e.GetType().Name}: {e.Message}");
            return 1;
        }
        finally
        {
            emulator?.Dispose();
        }
    }

    private static int Monitor(RigSupervisorOptions options, bool raw, string? log, double durationSeconds)
    {
        using var cancel = new CancellationTokenSource();
        var signals = SerialConsoleSession.HookSignals(cancel);
        try
        {
            bool interactive = !System.Console.IsOutputRedirected && !System.Console.IsInputRedirected;
            using var session = new SerialConsoleSession(options, raw, interactive, log);
            return session.Run(TimeSpan.FromSeconds(durationSeconds), cancel.Token);
        }
        finally
        {
            foreach (var s in signals) s.Dispose();
        }
    }

    private static int Measure(string port, SerialLinkOptions linkOptions, RigSessionOptions sessionOptions, int count)
    {
        RigSession Connect()
        {
            var session = new RigSession(SerialLinkFactory.Open(port, linkOptions), sessionOptions);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            session.Handshake(timeout.Token);
            return session;
        }

        string linkName = linkOptions.ResolvedKind == SerialLinkKind.Posix ? "PosixTtyLink" : "SerialPortLink";
        RigHello hello;
        LatencySummary rtt;
        using (var session = Connect())
        {
            hello = session.Hello;
            rtt = SerialLatencyProbe.MeasureRoundTrips(session, count);
        }

        // A fresh handshake for the closed-loop phase: a firmware watchdog trip during the round trips (a loaded
        // host) would leave the rig unarmed and ignoring commands.
        (LatencySummary SampleAge, LatencySummary CommandLatency, long SampleGaps, long DecodeErrors) closed;
        using (var session = Connect())
        {
            closed = SerialLatencyProbe.MeasureClosedLoop(session, new float[hello.InputCount], 200, TimeSpan.FromSeconds(5));
        }
        string F(double v) => v.ToString("F0", CultureInfo.InvariantCulture);
        System.Console.Out.WriteLine($"| link | rig | heartbeat RTT median / p99 (us) | n | sample age median / p99 (us) | command latency median / p99 (us) | sample gaps | decode errors |");
        System.Console.Out.WriteLine("|---|---|---|---|---|---|---|---|");
        System.Console.Out.WriteLine($"| {linkName} | {hello.RigType} ({hello.StreamHz} Hz stream) | {F(rtt.MedianMicroseconds)} / {F(rtt.P99Microseconds)} | {rtt.Count} | {F(closed.SampleAge.MedianMicroseconds)} / {F(closed.SampleAge.P99Microseconds)} | {F(closed.CommandLatency.MedianMicroseconds)} / {F(closed.CommandLatency.P99Microseconds)} | {closed.SampleGaps} | {closed.DecodeErrors} |");
        return 0;
    }
}
