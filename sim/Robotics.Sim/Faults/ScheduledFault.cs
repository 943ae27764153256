using System.Globalization;
using Robotics.Core.Time;

namespace Robotics.Sim.Faults;

/// <summary>
/// One fault injected over the half-open time window [<see cref="Start"/>, <see cref="Start"/> + <see cref="Duration"/>)
/// on one channel (or all channels), with a kind-specific magnitude.
/// </summary>
public sealed record ScheduledFault
{
    /// <summary>Creates a fault.</summary>
    /// <param name="kind">What goes wrong.</param>
    /// <param name="start">When it starts (hardware time, i.e. the <c>now</c> passed to Read/Write).</param>
    /// <param name="duration">How long it lasts; must be positive.</param>
    /// <param name="channel">State channel (dropout, noise burst) or command channel (stuck actuator); -1 for all.</param>
    /// <param name="magnitude">For <see cref="FaultKind.NoiseBurst"/> the noise standard deviation multiplier
    /// (&gt;= 0); ignored by the other kinds. Default 1.</param>
    /// <exception cref="ArgumentException">A value is out of range; the message names it and the fix.</exception>
    public ScheduledFault(FaultKind kind, SimTime start, SimTime duration, int channel = -1, double magnitude = 1.0)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentException($"Fault kind {(int)kind} is not defined; use SensorDropout, StuckActuator or NoiseBurst.", nameof(kind));
        }

        if (start < SimTime.Zero)
        {
            throw new ArgumentException($"Fault {kind}: start = {start} is negative; faults start at or after time 0.", nameof(start));
        }

        if (duration <= SimTime.Zero)
        {
            throw new ArgumentException($"Fault {kind}: duration = {duration} must be > 0; give the fault a positive duration.", nameof(duration));
        }

        if (channel < -1)
        {
            throw new ArgumentException($"Fault {kind}: channel = {channel} is invalid; use a channel index >= 0, or -1 for all channels.", nameof(channel));
        }

        if (!double.IsFinite(magnitude) || magnitude < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Fault {kind}: magnitude = {magnitude} must be finite and >= 0 (a noise multiplier such as 5)."), nameof(magnitude));
        }

        Kind = kind;
        Start = start;
        Duration = duration;
        Channel = channel;
        Magnitude = magnitude;
    }

    /// <summary>What goes wrong.</summary>
    public FaultKind Kind { get; }

    /// <summary>When the fault starts (inclusive).</summary>
    public SimTime Start { get; }

    /// <summary>How long the fault lasts.</summary>
    public SimTime Duration { get; }

    /// <summary>When the fault ends (exclusive): <see cref="Start"/> + <see cref="Duration"/>.</summary>
    public SimTime End => Start + Duration;

    /// <summary>The affected channel, or -1 for all channels.</summary>
    public int Channel { get; }

    /// <summary>Kind-specific magnitude (noise multiplier for <see cref="FaultKind.NoiseBurst"/>).</summary>
    public double Magnitude { get; }

    /// <summary>True when <paramref name="time"/> lies in [Start, End).</summary>
    public bool IsActiveAt(SimTime time) => time >= Start && time < End;

    /// <summary>True when the fault affects <paramref name="channel"/> (its own channel, or all channels).</summary>
    public bool AppliesTo(int channel) => Channel == -1 || Channel == channel;
}
