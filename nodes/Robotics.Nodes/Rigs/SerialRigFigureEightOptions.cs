using Robotics.Drivers.Serial;

namespace Robotics.Nodes.Rigs;

/// <summary>Settings of <see cref="SerialRigFigureEight"/>.</summary>
public sealed record SerialRigFigureEightOptions
{
    /// <summary>The rig (tendon or HASEL).</summary>
    public RigType Rig { get; init; } = RigType.Tendon;

    /// <summary>The controller.</summary>
    public SerialRigControllerKind Controller { get; init; } = SerialRigControllerKind.Pid;

    /// <summary>Length of the figure eight measured, s (after <see cref="SettleSeconds"/>).</summary>
    public double DurationSeconds { get; init; } = 60.0;

    /// <summary>Hold at the path's centre before the figure eight (not measured), s.</summary>
    public double SettleSeconds { get; init; } = 1.0;

    /// <summary>Control rate, Hz (the issue asks for >= 120).</summary>
    public double RateHz { get; init; } = 200.0;

    /// <summary>Seed of the emulator's sensor noise and drift.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The serial link implementation (raw termios by default).</summary>
    public SerialLinkKind Link { get; init; } = SerialLinkKind.Posix;

    /// <summary>The firmware's command watchdog, ms (null: its 100 ms default). Tests on a loaded CI box raise it, because a
    /// scheduler stall of the loop thread longer than the watchdog trips it and forces a reconnect.</summary>
    public int? FirmwareWatchdogMs { get; init; }

    /// <summary>Path of the <c>rig_emu</c> executable; null builds it from hil-rigs/ (found above the current directory).</summary>
    public string? EmulatorExecutable { get; init; }

    /// <summary>Learned dynamics artifact (<c>.model.json</c>, state = the rig outputs, inputs = the actuator commands) the NPC
    /// predicts with instead of the analytic lag model; null for the analytic model. Ignored by the PID.</summary>
    public string? ModelPath { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        if (Rig is not (RigType.Tendon or RigType.Hasel))
            throw new ArgumentException($"Figure eight: rig = {Rig}; use tendon or hasel.", nameof(Rig));
        if (!(DurationSeconds > 0 && DurationSeconds <= 3600))
            throw new ArgumentException($"Figure eight: duration = {DurationSeconds} s must lie in (0, 3600].", nameof(DurationSeconds));
        if (!(SettleSeconds >= 0 && SettleSeconds <= 60))
            throw new ArgumentException($"Figure eight: settle = {SettleSeconds} s must lie in [0, 60].", nameof(SettleSeconds));
        if (!(RateHz >= 10 && RateHz <= 1000))
            throw new ArgumentException($"Figure eight: rate = {RateHz} Hz must lie in [10, 1000]; the acceptance run uses >= 120.", nameof(RateHz));
    }
}
