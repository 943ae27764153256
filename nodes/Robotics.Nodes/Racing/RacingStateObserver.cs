using System.Globalization;
using Robotics.Control.Loop;
using Robotics.Core.Time;

namespace Robotics.Nodes.Racing;

/// <summary>
/// Keeps the last <see cref="Capacity"/> ticks of (n, v) of the racing node in a ring buffer (no allocation per tick)
/// and renders the compact state summary the language models get (the paper down-samples to 5 samples).
/// </summary>
public sealed class RacingStateObserver : IControlLoopObserver
{
    /// <summary>Ring capacity, ticks.</summary>
    public const int Capacity = 200;

    private readonly double[] _n = new double[Capacity], _v = new double[Capacity];
    private readonly double _halfWidth;
    private readonly Lock _gate = new();
    private long _count;

    /// <summary>Creates the observer.</summary>
    public RacingStateObserver(double halfWidthM) => _halfWidth = halfWidthM;

    /// <summary>Ticks observed.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <inheritdoc />
    public void OnTick(long tickIndex, SimTime now, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, ReadOnlySpan<double> command, TickStatus status)
    {
        if (state.Length < 4) return;
        lock (_gate)
        {
            int i = (int)(_count % Capacity);
            _n[i] = state[1];
            _v[i] = state[3];
            _count++;
        }
    }

    /// <summary>Summary over the last <paramref name="windowTicks"/> ticks, down-sampled to 5 samples.</summary>
    public string Summary(int windowTicks = 40)
    {
        lock (_gate)
        {
            if (_count == 0) return "no samples yet";
            long first = Math.Max(0, Math.Max(_count - Capacity, _count - windowTicks));
            var parts = new List<string>();
            for (int k = 0; k < 5; k++)
            {
                long j = first + (_count - 1 - first) * k / 4;
                int i = (int)(j % Capacity);
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"(n={_n[i]:F2} m, v={_v[i]:F2} m/s)"));
            }

            int last = (int)((_count - 1) % Capacity);
            return string.Create(CultureInfo.InvariantCulture,
                $"last {_count - first} ticks: {string.Join(", ", parts)}; distance to left wall {_halfWidth - _n[last]:F2} m, right wall {_halfWidth + _n[last]:F2} m; reversing: {_v[last] < 0}; crashed: {Math.Abs(_n[last]) > _halfWidth}");
        }
    }
}
