using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Robotics.Drivers.Serial;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Robotics.Cli.SerialConsole;

/// <summary>
/// One run of <c>robotics console</c>: a <see cref="RigSupervisor"/> on the port, every decoded frame and
/// supervisor event shown (live view on a terminal, one line each otherwise), operator commands, and captures.
/// </summary>
internal sealed class SerialConsoleSession : IDisposable
{
    private const int KeptLines = 12;
    private readonly RigSupervisor _supervisor;
    private readonly bool _raw;
    private readonly bool _interactive;
    private readonly object _gate = new();
    private readonly Queue<string> _events = new();
    private readonly Queue<string> _frames = new();
    private readonly Dictionary<RigMessageType, long> _frameCounts = [];
    private readonly long _start = Stopwatch.GetTimestamp();
    private string _lastSample = "(no sample yet)";
    private StreamWriter? _capture;
    private string? _capturePath;
    private float[]? _heldCommand;
    private float[]? _heldSetpoint;
    private string _input = string.Empty;
    private volatile bool _liveEnded;

    public SerialConsoleSession(RigSupervisorOptions options, bool raw, bool interactive, string? logPath)
    {
        _supervisor = new RigSupervisor(options);
        _raw = raw;
        _interactive = interactive;
        if (logPath is not null) StartCapture(logPath);
        _supervisor.FrameObserver = OnFrame;
        _supervisor.EventRaised += OnEvent;
    }

    public RigSupervisor Supervisor => _supervisor;

    private double Elapsed => (Stopwatch.GetTimestamp() - _start) / (double)Stopwatch.Frequency;

    public int Run(TimeSpan duration, CancellationToken cancellationToken)
    {
        _supervisor.Start();
        var holder = new Thread(() => HoldLoop(cancellationToken)) { IsBackground = true, Name = "console-hold" };
        holder.Start();
        long end = duration > TimeSpan.Zero ? _start + (long)(duration.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        if (_interactive)
        {
            RunLive(end, cancellationToken);
            _liveEnded = true;
        }
        else
        {
            var reader = new Thread(ReadCommandLines) { IsBackground = true, Name = "console-stdin" };
            reader.Start();
            long nextStats = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
            while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < end)
            {
                cancellationToken.WaitHandle.WaitOne(50);
                if (Stopwatch.GetTimestamp() >= nextStats)
                {
                    Emit($"STATS {_supervisor.State} {_supervisor.Statistics.Snapshot()}");
                    nextStats += Stopwatch.Frequency;
                }
            }
        }

        Emit($"END {_supervisor.State} {_supervisor.Statistics.Snapshot()}", forcePrint: true);
        return 0;
    }

    private void RunLive(long end, CancellationToken cancellationToken)
    {
        AnsiConsole.Live(BuildView()).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).Start(context =>
        {
            while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < end)
            {
                while (System.Console.KeyAvailable)
                {
                    var key = System.Console.ReadKey(intercept: true);
                    if (key.Key == ConsoleKey.Enter)
                    {
                        string line = _input;
                        _input = string.Empty;
                        if (Execute(line) == false) return;
                    }
                    else if (key.Key == ConsoleKey.Backspace)
                    {
                        if (_input.Length > 0) _input = _input[..^1];
                    }
                    else if (!char.IsControl(key.KeyChar))
                    {
                        _input += key.KeyChar;
                    }
                }

                context.UpdateTarget(BuildView());
                cancellationToken.WaitHandle.WaitOne(100);
            }
        });
    }

    private void ReadCommandLines()
    {
        try
        {
            string? line;
            while ((line = System.Console.In.ReadLine()) is not null)
            {
                if (!Execute(line)) break;
            }
        }
        catch (IOException)
        {
            // stdin closed: keep monitoring.
        }
    }

    /// <summary>Runs one operator command; false means quit.</summary>
    internal bool Execute(string line)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0) return true;
        RigHello? hello = _supervisor.Hello;
        RigSession? session = _supervisor.Session;
        switch (words[0].ToLowerInvariant())
        {
            case "quit" or "exit":
                return false;
            case "help":
                Note("commands: cmd V.. (hold actuator command at 50 Hz) | setpoint V.. (hold NPC targets) | stop | get NAME|ID | set NAME|ID VALUE | capture FILE | capture stop | reconnect | stats | quit");
                break;
            case "cmd" or "setpoint":
                int expected = words[0] == "cmd" ? hello?.InputCount ?? -1 : hello?.OutputCount ?? -1;
                if (!TryFloats(words.AsSpan(1), out float[] values) || (expected >= 0 && values.Length != expected))
                {
                    Note($"{words[0]}: give {(expected >= 0 ? expected.ToString(CultureInfo.InvariantCulture) : "n")} numbers (e.g. '{words[0]} {string.Join(' ', Enumerable.Repeat("0.1", Math.Max(expected, 1)))}')");
                    break;
                }

                lock (_gate)
                {
                    _heldCommand = words[0] == "cmd" ? values : null;
                    _heldSetpoint = words[0] == "setpoint" ? values : null;
                }

                Note($"holding {words[0]} {RigFrameFormatter.Floats(values)} at 50 Hz ('stop' releases it; the firmware watchdog then applies the safe state)");
                break;
            case "stop":
                lock (_gate)
                {
                    _heldCommand = null;
                    _heldSetpoint = null;
                }

                Note("stopped sending commands");
                break;
            case "get" when words.Length == 2 && TryParameter(words[1], out var getId):
                if (session?.SendParameterGet(getId) != true) Note("get: not connected");
                break;
            case "set" when words.Length == 3 && TryParameter(words[1], out var setId) && float.TryParse(words[2], NumberStyles.Float, CultureInfo.InvariantCulture, out float setValue):
                if (session?.SendParameterSet(setId, setValue) != true) Note("set: not connected");
                break;
            case "get" or "set":
                Note($"usage: get NAME|ID, set NAME|ID VALUE; names: {string.Join(", ", RigFrameFormatter.ParameterIds.Keys)}");
                break;
            case "capture" when words.Length == 2 && words[1] == "stop":
                StopCapture();
                break;
            case "capture" when words.Length == 2:
                StartCapture(words[1]);
                break;
            case "reconnect":
                _supervisor.ForceReconnect("operator request");
                break;
            case "stats":
                Emit($"STATS {_supervisor.State} {_supervisor.Statistics.Snapshot()}", forcePrint: true);
                break;
            default:
                Note($"unknown command '{words[0]}'; type 'help'");
                break;
        }

        return true;
    }

    private static bool TryFloats(ReadOnlySpan<string> words, out float[] values)
    {
        values = new float[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            if (!float.TryParse(words[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !float.IsFinite(values[i])) return false;
        }

        return words.Length > 0;
    }

    private static bool TryParameter(string word, out RigParameterId id)
    {
        if (RigFrameFormatter.ParameterIds.TryGetValue(word, out id)) return true;
        string digits = word.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? word[2..] : word;
        NumberStyles style = word.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? NumberStyles.HexNumber : NumberStyles.Integer;
        bool ok = byte.TryParse(digits, style, CultureInfo.InvariantCulture, out byte raw);
        id = (RigParameterId)raw;
        return ok;
    }

    private void HoldLoop(CancellationToken cancellationToken)
    {
        while (!cancellationToken.WaitHandle.WaitOne(20))
        {
            float[]? command, setpoint;
            lock (_gate)
            {
                command = _heldCommand;
                setpoint = _heldSetpoint;
            }

            if (command is not null) _supervisor.TrySendCommand(command);
            else if (setpoint is not null) _supervisor.Session?.SendSetpoint(setpoint);
        }
    }

    private void StartCapture(string path)
    {
        try
        {
            var writer = new StreamWriter(path, append: false) { AutoFlush = true };
            lock (_gate)
            {
                _capture?.Dispose();
                _capture = writer;
                _capturePath = path;
            }

            writer.WriteLine($"# robotics console capture of {_supervisor.Options.PortName}: t_s TYPE fields... raw=BODY_HEX");
            Note($"capturing to {path}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Note($"capture: cannot write '{path}': {ex.Message}");
        }
    }

    private void StopCapture()
    {
        lock (_gate)
        {
            _capture?.Dispose();
            _capture = null;
            Note(_capturePath is null ? "capture: none running" : $"capture to {_capturePath} stopped");
            _capturePath = null;
        }
    }

    private void OnFrame(byte type, byte linkSequence, ReadOnlySpan<byte> body)
    {
        var messageType = (RigMessageType)type;
        string text = RigFrameFormatter.Format(type, linkSequence, body, _supervisor.Hello ?? _supervisor.Session?.Hello, _raw);
        lock (_gate)
        {
            _frameCounts[messageType] = _frameCounts.GetValueOrDefault(messageType) + 1;
            _capture?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Elapsed:F6} {text}{(_raw ? "" : " raw=" + Convert.ToHexString(body))}"));
            if (messageType == RigMessageType.Sample) _lastSample = text;
            else Push(_frames, text);
        }

        if (!_interactive) WriteLine($"{Elapsed:F6} {text}");
    }

    private void OnEvent(RigLinkEvent e)
    {
        string text = $"{(e.Kind == RigLinkEventKind.Fault ? "FAULT" : "EVENT")} {e.State}: {e.Message}";
        Emit(text);
    }

    private void Note(string message) => Emit("NOTE " + message, forcePrint: true);

    private void Emit(string text, bool forcePrint = false)
    {
        lock (_gate)
        {
            Push(_events, $"{Elapsed:F3} {text}");
            _capture?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Elapsed:F6} {text}"));
        }

        // On a terminal the live view shows events; the final summary is printed after the view ends.
        if (!_interactive || (forcePrint && _liveEnded)) WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Elapsed:F6} {text}"));
    }

    private static void WriteLine(string text)
    {
        lock (Out) System.Console.Out.WriteLine(text);
    }

    private static readonly object Out = new();

    private static void Push(Queue<string> queue, string line)
    {
        queue.Enqueue(line);
        while (queue.Count > KeptLines) queue.Dequeue();
    }

    private IRenderable BuildView()
    {
        var snapshot = _supervisor.Statistics.Snapshot();
        RigHello? hello = _supervisor.Hello;
        var header = new Markup(Markup.Escape($"{_supervisor.Options.PortName}  [{_supervisor.State}]  {(hello is RigHello h ? h.ToString() : "no handshake yet")}"));
        var stats = new Table().Border(TableBorder.Rounded).AddColumn("link").AddColumn("value");
        stats.AddRow("frames rx / tx", $"{snapshot.FramesReceived} / {snapshot.FramesSent}");
        stats.AddRow("samples (gaps)", $"{snapshot.Samples} ({snapshot.SampleGaps})");
        stats.AddRow("errors crc / cobs / len / ver", $"{snapshot.CrcErrors} / {snapshot.CobsErrors} / {snapshot.LengthErrors} / {snapshot.VersionErrors}");
        stats.AddRow("faults / losses / connects", $"{snapshot.Faults} / {snapshot.LinkLosses} / {snapshot.Connects}");
        stats.AddRow("sample age med/p99/max", Markup.Escape(snapshot.SampleAge.ToString()));
        stats.AddRow("command latency", Markup.Escape(snapshot.CommandLatency.ToString()));
        stats.AddRow("heartbeat rtt", Markup.Escape(snapshot.RoundTrip.ToString()));
        if (snapshot.LastFirmwareCounters is RigHeartbeatReply fw)
            stats.AddRow("firmware rx_ok/crc/cobs/gaps/drop", $"{fw.ReceivedOk}/{fw.CrcErrors}/{fw.CobsErrors}/{fw.CommandGaps}/{fw.TransmitDrops}");
        string[] events, frames;
        string sample, counts;
        lock (_gate)
        {
            events = _events.ToArray();
            frames = _frames.ToArray();
            sample = _lastSample;
            counts = string.Join("  ", _frameCounts.OrderBy(p => (byte)p.Key).Select(p => $"{RigFrameFormatter.Name(p.Key)} {p.Value}"));
        }

        return new Rows(
            header,
            new Panel(new Markup(Markup.Escape(sample))).Header("latest sample").Expand(),
            stats,
            new Panel(new Markup(Markup.Escape(counts.Length == 0 ? "-" : counts))).Header("frames by type").Expand(),
            new Panel(new Markup(Markup.Escape(frames.Length == 0 ? "-" : string.Join('\n', frames)))).Header("other frames").Expand(),
            new Panel(new Markup(Markup.Escape(events.Length == 0 ? "-" : string.Join('\n', events)))).Header("events").Expand(),
            new Markup(Markup.Escape($"> {_input}")),
            new Markup("[grey]cmd V.. | setpoint V.. | stop | get NAME | set NAME VALUE | capture FILE | capture stop | reconnect | quit  (Ctrl-C exits)[/]"));
    }

    public void Dispose()
    {
        _supervisor.Dispose();
        lock (_gate)
        {
            _capture?.Dispose();
            _capture = null;
        }
    }

    /// <summary>Registers Ctrl-C and SIGTERM to cancel <paramref name="source"/> instead of killing the process.</summary>
    public static IDisposable[] HookSignals(CancellationTokenSource source)
    {
        System.Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            source.Cancel();
        };
        return
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; source.Cancel(); }),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; source.Cancel(); }),
        ];
    }
}
