using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Robotics.Drivers.Emulation;

/// <summary>
/// The rig firmware's host build (<c>hil-rigs/host</c>, <c>rig_emu</c>) running as a child process behind its own
/// pseudo-terminal: built if needed, started, waited for until it prints <c>READY &lt;link&gt;</c>, and stopped with
/// SIGTERM on <see cref="Dispose"/> (the emulator then removes its symlink).
/// </summary>
/// <remarks>
/// <para>Open <see cref="LinkPath"/> as the serial port: it is a stable symlink to the current PTY slave that the
/// emulator swaps atomically after an emulated unplug (<see cref="Replug"/>), like a udev <c>by-id</c> link.</para>
/// <para>Unless <see cref="RigEmulatorOptions.Detached"/>, the emulator reads fault commands from its stdin
/// (<see cref="InjectFault"/>) and exits when the pipe closes, so a test process that dies leaves no orphan.</para>
/// <para>Fault scripts (<see cref="RigEmulatorOptions.Faults"/>) are timed from the first HELLO, not from process start.</para>
/// </remarks>
public sealed partial class RigEmulatorProcess : IDisposable
{
    private readonly Process _process;
    private readonly string? _tempDirectory;
    private readonly Queue<string> _stderr = new();
    private readonly object _gate = new();
    private readonly ManualResetEventSlim _ready = new();
    private readonly Thread _stdoutThread;
    private readonly Thread _stderrThread;
    private int _replugs;
    private int? _exitCode;
    private bool _disposed;

    private RigEmulatorProcess(Process process, RigEmulatorOptions options, string linkPath, string? tempDirectory)
    {
        _process = process;
        Options = options;
        LinkPath = linkPath;
        _tempDirectory = tempDirectory;
        _stdoutThread = new Thread(ReadStdout) { IsBackground = true, Name = "rig_emu stdout" };
        _stderrThread = new Thread(ReadStderr) { IsBackground = true, Name = "rig_emu stderr" };
        _stdoutThread.Start();
        _stderrThread.Start();
    }

    /// <summary>The options the emulator was started with.</summary>
    public RigEmulatorOptions Options { get; }

    /// <summary>The stable symlink to open as the serial port.</summary>
    public string LinkPath { get; }

    /// <summary>The emulator's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the emulator has exited (stopped, crashed, or a <c>die</c> fault).</summary>
    public bool HasExited => ExitCode is not null;

    /// <summary>The exit code once exited (0 after SIGTERM, 70 after a <c>die</c> fault), else null. Still valid after
    /// <see cref="Dispose"/>.</summary>
    public int? ExitCode
    {
        get
        {
            if (_exitCode is null && !_disposed && _process.HasExited)
                _exitCode = _process.ExitCode;
            return _exitCode;
        }
    }

    /// <summary>Emulated replugs completed so far (<c>REPLUGGED</c> lines).</summary>
    public int ReplugCount => Volatile.Read(ref _replugs);

    /// <summary>The last lines the emulator wrote to stderr (start-up, injected faults, final counters).</summary>
    public string RecentStandardError
    {
        get
        {
            lock (_gate)
                return string.Join(Environment.NewLine, _stderr);
        }
    }

    /// <summary>Builds <c>rig_emu</c> if needed (<see cref="RigFirmwareBuild.EnsureBuilt"/>), starts it and waits for READY.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="InvalidOperationException">The build failed, or the emulator exited or stayed silent past
    /// <see cref="RigEmulatorOptions.ReadyTimeout"/> (the message carries its stderr).</exception>
    public static RigEmulatorProcess Start(RigEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var executable = options.ExecutablePath ?? RigFirmwareBuild.EmulatorPath();
        if (!File.Exists(executable))
            throw new ArgumentException($"ExecutablePath: '{executable}' does not exist; build it with hil-rigs/build.sh or pass null.", nameof(options));

        string? tempDirectory = null;
        var link = options.LinkPath;
        if (link is null)
        {
            tempDirectory = Directory.CreateTempSubdirectory("robotics-rig-").FullName;
            link = Path.Combine(tempDirectory, "rig0");
        }
        else
        {
            link = Path.GetFullPath(link);
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = !options.Detached,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(options.Rig == EmulatedRig.Tendon ? "tendon" : "hasel");
        start.ArgumentList.Add("--link");
        start.ArgumentList.Add(link);
        start.ArgumentList.Add("--seed");
        start.ArgumentList.Add(options.Seed.ToString(CultureInfo.InvariantCulture));
        AddOption(start, "--faults", options.Faults);
        AddOption(start, "--pace-baud", options.PaceBaud?.ToString(CultureInfo.InvariantCulture));
        AddOption(start, "--stream-hz", options.StreamHz?.ToString(CultureInfo.InvariantCulture));
        AddOption(start, "--watchdog-ms", options.WatchdogMs?.ToString(CultureInfo.InvariantCulture));
        if (!options.Detached)
            start.ArgumentList.Add("--stdin-commands");

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var emulator = new RigEmulatorProcess(process, options, link, tempDirectory);
        try
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(options.ReadyTimeout.TotalSeconds * Stopwatch.Frequency);
            while (!emulator._ready.Wait(20, cancellationToken))
            {
                if (process.HasExited)
                {
                    process.WaitForExit();
                    emulator._stderrThread.Join(500);
                    throw new InvalidOperationException(
                        $"rig_emu exited with code {process.ExitCode} before READY:{Environment.NewLine}{emulator.RecentStandardError}");
                }

                if (Stopwatch.GetTimestamp() > deadline)
                    throw new InvalidOperationException(
                        $"rig_emu printed no READY line within {options.ReadyTimeout.TotalSeconds:0.#} s:{Environment.NewLine}{emulator.RecentStandardError}");
            }

            return emulator;
        }
        catch
        {
            emulator.Dispose();
            throw;
        }
    }

    /// <summary>True for a fault kind the emulator understands: <c>garbage</c>, <c>trunc</c>, <c>badcrc</c>,
    /// <c>bitflip</c>, <c>stallN</c>, <c>unplugN</c> (N &gt; 0 ms), <c>die</c>.</summary>
    public static bool IsFaultKind(string kind) => FaultKind().IsMatch(kind ?? string.Empty);

    /// <summary>Injects one fault now (same kinds as the fault script).</summary>
    /// <exception cref="ArgumentException">Unknown kind.</exception>
    /// <exception cref="InvalidOperationException">Started <see cref="RigEmulatorOptions.Detached"/>, or exited.</exception>
    public void InjectFault(string kind)
    {
        if (!IsFaultKind(kind))
            throw new ArgumentException($"kind: '{kind}' is not a fault; use garbage, trunc, badcrc, bitflip, stallN, unplugN or die.", nameof(kind));
        if (Options.Detached)
            throw new InvalidOperationException("InjectFault needs the stdin command pipe: start the emulator with Detached = false.");
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_process.HasExited)
            throw new InvalidOperationException($"rig_emu has exited (code {_process.ExitCode}).");
        _process.StandardInput.WriteLine(kind);
        _process.StandardInput.Flush();
    }

    /// <summary>Emulates unplugging the device for <paramref name="downtime"/> (PTY closed, link removed, MCU rebooted,
    /// new PTY, link swapped) and waits until it is back.</summary>
    /// <returns>True when the emulator reported the replug within <paramref name="timeout"/> (default downtime + 5 s).</returns>
    public bool Replug(TimeSpan downtime, TimeSpan? timeout = null)
    {
        var before = ReplugCount;
        InjectFault("unplug" + Math.Max(1, (long)downtime.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        return WaitForReplug(before + 1, timeout ?? downtime + TimeSpan.FromSeconds(5));
    }

    /// <summary>Waits until <see cref="ReplugCount"/> reaches <paramref name="count"/> (e.g. for an <c>unplugN</c> in the
    /// fault script). Returns false on timeout or when the emulator exits.</summary>
    public bool WaitForReplug(int count, TimeSpan timeout)
    {
        lock (_gate)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (_replugs < count)
            {
                var left = deadline - Stopwatch.GetTimestamp();
                if (left <= 0 || _process.HasExited)
                    return _replugs >= count;
                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(Math.Min(100, left * 1000.0 / Stopwatch.Frequency + 1)));
            }

            return true;
        }
    }

    /// <summary>Stops the emulator with SIGTERM (it removes its link and prints its counters), escalating to SIGKILL
    /// after <paramref name="grace"/> (default 3 s). Idempotent.</summary>
    public void Stop(TimeSpan? grace = null)
    {
        try
        {
            if (!_process.HasExited)
            {
                _ = EmulatorNative.Kill(_process.Id, EmulatorNative.SigTerm);
                if (!_process.WaitForExit(grace ?? TimeSpan.FromSeconds(3)))
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit();
                }
            }

            _process.WaitForExit();
            _exitCode ??= _process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            // not started or already reaped
        }
    }

    /// <summary>Stops the emulator (SIGTERM), removes a dangling link (after a <c>die</c>) and the temporary directory.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Stop();
        _stdoutThread.Join(1000);
        _stderrThread.Join(1000);
        try
        {
            var info = new FileInfo(LinkPath);
            if (info.LinkTarget is not null)
                info.Delete();
            if (_tempDirectory is not null)
                Directory.Delete(_tempDirectory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp directory someone else still uses
        }
        catch (UnauthorizedAccessException)
        {
        }

        _process.Dispose();
        _ready.Dispose();
    }

    private static void AddOption(ProcessStartInfo start, string name, string? value)
    {
        if (value is null)
            return;
        start.ArgumentList.Add(name);
        start.ArgumentList.Add(value);
    }

    private void ReadStdout()
    {
        try
        {
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                if (line.StartsWith("READY ", StringComparison.Ordinal))
                {
                    _ready.Set();
                }
                else if (line.StartsWith("REPLUGGED ", StringComparison.Ordinal))
                {
                    lock (_gate)
                    {
                        _replugs++;
                        Monitor.PulseAll(_gate);
                    }
                }
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void ReadStderr()
    {
        try
        {
            while (_process.StandardError.ReadLine() is { } line)
            {
                lock (_gate)
                {
                    _stderr.Enqueue(line);
                    while (_stderr.Count > 50)
                        _stderr.Dequeue();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    [GeneratedRegex(@"^(garbage|trunc|badcrc|bitflip|die|stall[1-9][0-9]{0,6}|unplug[1-9][0-9]{0,6})$", RegexOptions.CultureInvariant)]
    private static partial Regex FaultKind();
}
