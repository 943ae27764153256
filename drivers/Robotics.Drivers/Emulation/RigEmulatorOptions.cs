namespace Robotics.Drivers.Emulation;

/// <summary>How to start the rig firmware's host build (<c>rig_emu</c>); see hil-rigs/README.md.</summary>
public sealed record RigEmulatorOptions
{
    /// <summary>The rig to emulate.</summary>
    public EmulatedRig Rig { get; init; } = EmulatedRig.Tendon;

    /// <summary>The stable symlink to create (it points at the current pseudo-terminal slave and is swapped
    /// atomically on a replug). Null: a fresh path in a private temporary directory.</summary>
    public string? LinkPath { get; init; }

    /// <summary>Seed of the sensor noise and drift (same seed, same noise).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Fault script, comma-separated <c>t_ms:kind</c> counted from the first HELLO; kinds <c>garbage</c>,
    /// <c>trunc</c>, <c>badcrc</c>, <c>bitflip</c>, <c>stallN</c>, <c>unplugN</c>, <c>die</c>. Null: none.</summary>
    public string? Faults { get; init; }

    /// <summary>Emulated UART byte budget in baud (8N1: baud / 10 bytes per second); frames beyond it are dropped and
    /// counted in tx_drop. Null: unlimited (a PTY ignores baud).</summary>
    public int? PaceBaud { get; init; }

    /// <summary>Initial sample stream rate in Hz (1..1000). Null: the firmware default (500).</summary>
    public int? StreamHz { get; init; }

    /// <summary>Initial command watchdog in ms (20..2000). Null: the firmware default (100).</summary>
    public int? WatchdogMs { get; init; }

    /// <summary>How long to wait for the <c>READY</c> line (includes starting the process, not the build).</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The <c>rig_emu</c> executable to run. Null: build it from the repository's hil-rigs/ with
    /// <see cref="RigFirmwareBuild.EnsureBuilt"/>.</summary>
    public string? ExecutablePath { get; init; }

    /// <summary>Keep the emulator running when this process exits (no stdin watch). False (default): the emulator
    /// reads fault commands from its stdin and stops when the pipe closes, so a crashed test run leaves no orphan.</summary>
    public bool Detached { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the option, the value, the allowed range and the fix.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Rig))
            throw new ArgumentException($"Rig: {(int)Rig} is not a rig; use Tendon or Hasel.", nameof(Rig));
        if (PaceBaud is { } baud && baud is < 300 or > 100_000_000)
            throw new ArgumentException($"PaceBaud: {baud} is outside 300..100000000; pass a UART baud rate or null for unlimited.", nameof(PaceBaud));
        if (StreamHz is { } hz && hz is < 1 or > 1000)
            throw new ArgumentException($"StreamHz: {hz} is outside 1..1000 Hz; pass a rate in range or null for 500 Hz.", nameof(StreamHz));
        if (WatchdogMs is { } ms && ms is < 20 or > 2000)
            throw new ArgumentException($"WatchdogMs: {ms} is outside 20..2000 ms; pass a period in range or null for 100 ms.", nameof(WatchdogMs));
        if (ReadyTimeout <= TimeSpan.Zero)
            throw new ArgumentException($"ReadyTimeout: {ReadyTimeout} must be positive.", nameof(ReadyTimeout));
        if (Faults is not null)
        {
            foreach (var entry in Faults.Split(',', StringSplitOptions.TrimEntries))
            {
                var colon = entry.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || !long.TryParse(entry.AsSpan(0, colon), out var t) || t < 0 || !RigEmulatorProcess.IsFaultKind(entry[(colon + 1)..]))
                    throw new ArgumentException(
                        $"Faults: entry '{entry}' is not 't_ms:kind'; kinds are garbage, trunc, badcrc, bitflip, stallN, unplugN, die " +
                        "(e.g. \"1500:garbage,5500:stall300,7000:unplug500\").", nameof(Faults));
            }
        }
    }
}
