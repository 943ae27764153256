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
        var list = new List<ScheduledFault>();
        foreach (var fault in faults)
        {
            list.Add(fault ?? throw new ArgumentException("A fault in the schedule is null; remove it.", nameof(faults)));
        }

        // List.Sort is not stable; order by (start, original index) to keep equal starts in given order.
        var indexed = new (ScheduledFault Fault, int Index)[list.Count];
        for (int i = 0; i < list.Count; i++) indexed[i] = (list[i], i);
        Array.Sort(indexed, static (a, b) =>
        {
            int c = a.Fault.Start.CompareTo(b.Fault.Start);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        _faults = new ScheduledFault[indexed.Length];
        for (int i = 0; i < indexed.Length; i++) _faults[i] = indexed[i].Fault;
    }

    /// <summary>A schedule without faults.</summary>
    public static FaultSchedule Empty { get; } = new([]);

    /// <summary>The faults, ordered by start time.</summary>
    public IReadOnlyList<ScheduledFault> Faults => _faults;

    /// <summary>Number of faults.</summary>
    public int Count => _faults.Length;

    /// <summary>The faults active at <paramref name="time"/>, as an allocation-free struct enumerable for <c>foreach</c>.</summary>
    public ActiveFaults ActiveAt(SimTime time) => new(_faults, time);

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

    /// <summary>True when any fault of <paramref name="kind"/> (on any channel) is active at <paramref name="time"/>.</summary>
    public bool IsAnyActive(FaultKind kind, SimTime time)
    {
        foreach (var fault in _faults)
        {
            if (fault.Start > time) break;
            if (fault.Kind == kind && fault.IsActiveAt(time)) return true;
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

    /// <summary>Allocation-free enumerable of the faults active at one time.</summary>
    public readonly struct ActiveFaults
    {
        private readonly ScheduledFault[] _faults;
        private readonly SimTime _time;

        internal ActiveFaults(ScheduledFault[] faults, SimTime time)
        {
            _faults = faults;
            _time = time;
        }

        /// <summary>Returns the enumerator (pattern-based <c>foreach</c>, no boxing).</summary>
        public Enumerator GetEnumerator() => new(_faults, _time);

        /// <summary>Enumerates the active faults in start order.</summary>
        public struct Enumerator
        {
            private readonly ScheduledFault[] _faults;
            private readonly SimTime _time;
            private int _index;

            internal Enumerator(ScheduledFault[] faults, SimTime time)
            {
                _faults = faults;
                _time = time;
                _index = -1;
            }

            /// <summary>The current fault.</summary>
            public readonly ScheduledFault Current => _faults[_index];

            /// <summary>Moves to the next active fault.</summary>
            public bool MoveNext()
            {
                while (++_index < _faults.Length)
                {
                    var fault = _faults[_index];
                    if (fault.Start > _time)
                    {
                        _index = _faults.Length;
                        return false;
                    }

                    if (fault.IsActiveAt(_time)) return true;
                }

                return false;
            }
        }
    }
}
