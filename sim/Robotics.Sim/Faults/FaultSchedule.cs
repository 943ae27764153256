using Robotics.Core.Time;

namespace Robotics.Sim.Faults;

/// <summary>
/// An immutable list of scheduled faults ordered by start time, with allocation-free queries for the faults active at
/// a given time (safe to call every tick).
/// </summary>
public sealed class FaultSchedule
{
    private readonly ScheduledFault[] _faults;

    /// <summary>Creates a schedule; the faults are ordered by start time (stable for equal starts).</summary>
    public FaultSchedule(IEnumerable<ScheduledFault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        // OrderBy is a stable sort: faults with equal starts keep the order they were given in.
        _faults = faults.Select(f => f ?? throw new ArgumentException("A fault in the schedule is null; remove it.", nameof(faults)))
            .OrderBy(f => f.Start)
            .ToArray();
    }

    /// <summary>A schedule without faults.</summary>
    public static FaultSchedule Empty { get; } = new([]);

    /// <summary>The faults, ordered by start time.</summary>
    public IReadOnlyList<ScheduledFault> Faults => _faults;

    /// <summary>Number of faults.</summary>
    public int Count => _faults.Length;

    /// <summary>True when a fault of <paramref name="kind"/> affecting <paramref name="channel"/> is active at <paramref name="time"/>.</summary>
    public bool IsActive(FaultKind kind, int channel, SimTime time)
    {
        foreach (var fault in _faults)
        {
            if (fault.Start > time) break;
            if (fault.Kind == kind && fault.AppliesTo(channel) && fault.IsActiveAt(time)) return true;
        }

        return false;
    }

    /// <summary>
    /// The product of the magnitudes of the <see cref="FaultKind.NoiseBurst"/> faults affecting <paramref name="channel"/>
    /// at <paramref name="time"/>; 1 when none is active.
    /// </summary>
    public double NoiseMultiplier(int channel, SimTime time)
    {
        double multiplier = 1.0;
        foreach (var fault in _faults)
        {
            if (fault.Start > time) break;
            if (fault.Kind == FaultKind.NoiseBurst && fault.AppliesTo(channel) && fault.IsActiveAt(time)) multiplier *= fault.Magnitude;
        }

        return multiplier;
    }
}
