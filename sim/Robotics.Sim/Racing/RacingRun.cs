using Robotics.Control.Loop;
using Robotics.Control.Racing;
using Robotics.Core.Time;

namespace Robotics.Sim.Racing;

/// <summary>
/// The racing scenario without a node: a <see cref="FrenetRacingPlant"/> driven by a controller at a fixed period,
/// recording lateral offset, speed and acceleration for <see cref="RacingMetrics"/>. Deterministic for a seeded
/// controller.
/// </summary>
public sealed class RacingRun
{
    private readonly IController _controller;
    private readonly double[] _state = new double[5];
    private readonly double[] _command = new double[2];
    private readonly double[] _reference = new double[5];
    private readonly List<double> _n = [], _v = [], _acc = [];
    private double _startS;
    private long _tick;

    /// <summary>Creates a run starting at rest-ish on the centreline at s = 0.</summary>
    /// <param name="plant">The car.</param>
    /// <param name="controller">Controller (state 5, command 2).</param>
    /// <param name="periodS">Control period, s (the plant is integrated over it in one RK4 step per 10 ms).</param>
    /// <param name="initialSpeedMS">Initial speed, m/s.</param>
    public RacingRun(FrenetRacingPlant plant, IController controller, double periodS = 0.05, double initialSpeedMS = 1.0)
    {
        Plant = plant ?? throw new ArgumentNullException(nameof(plant));
        _controller = controller ?? throw new ArgumentNullException(nameof(controller));
        if (!(periodS > 0)) throw new ArgumentException($"period {periodS} s must be > 0.", nameof(periodS));
        PeriodS = periodS;
        _state[3] = initialSpeedMS;
    }

    /// <summary>The plant.</summary>
    public FrenetRacingPlant Plant { get; }

    /// <summary>Control period, s.</summary>
    public double PeriodS { get; }

    /// <summary>Current true state [s, n, alpha, v, delta].</summary>
    public ReadOnlySpan<double> State => _state;

    /// <summary>Last applied command [a, delta_rate].</summary>
    public ReadOnlySpan<double> Command => _command;

    /// <summary>Ticks run.</summary>
    public long Ticks => _tick;

    /// <summary>Clears the recorded samples (not the state): measure only from here on.</summary>
    public void ClearRecord()
    {
        _n.Clear();
        _v.Clear();
        _acc.Clear();
        _startS = _state[0];
    }

    /// <summary>Runs one control tick: controller update, then the plant over one period.</summary>
    public ControllerStatus Step()
    {
        var period = SimTime.FromSeconds(PeriodS);
        var status = _controller.Update(period * _tick, period, _state, _reference, _command);
        if (status == ControllerStatus.Failed) { _command[0] = 0; _command[1] = 0; }
        int substeps = Math.Max(1, (int)Math.Ceiling(PeriodS / 0.01));
        double h = PeriodS / substeps;
        for (int k = 0; k < substeps; k++) Plant.Advance(_tick * PeriodS + k * h, h, _state, _command);
        double ay = Plant.LateralAcceleration(_state);
        _n.Add(_state[1]);
        _v.Add(_state[3]);
        _acc.Add(Math.Sqrt(_command[0] * _command[0] + ay * ay));
        _tick++;
        return status;
    }

    /// <summary>Runs <paramref name="ticks"/> ticks.</summary>
    public void Run(int ticks)
    {
        for (int i = 0; i < ticks; i++) Step();
    }

    /// <summary>RMS speed error to a constant target over the recorded samples, m/s.</summary>
    public double SpeedRmse(double targetMS)
    {
        if (_v.Count == 0) return 0;
        double sum = 0;
        foreach (double v in _v) sum += (v - targetMS) * (v - targetMS);
        return Math.Sqrt(sum / _v.Count);
    }

    /// <summary>Measures the recorded samples.</summary>
    /// <param name="targetSpeedMS">Speed target for <see cref="RacingMetrics.SpeedRmseMS"/>.</param>
    public RacingMetrics Metrics(double targetSpeedMS = 0)
    {
        int count = _n.Count;
        if (count == 0) return new RacingMetrics(0, 0, 0, 0, 0, 0, 0);
        double n2 = 0, v = 0, a2 = 0, maxN = 0;
        int off = 0;
        for (int i = 0; i < count; i++)
        {
            n2 += _n[i] * _n[i];
            v += _v[i];
            a2 += _acc[i] * _acc[i];
            maxN = Math.Max(maxN, Math.Abs(_n[i]));
            if (Math.Abs(_n[i]) > Plant.Track.HalfWidthM) off++;
        }

        return new RacingMetrics(count, Math.Sqrt(n2 / count), v / count, Math.Sqrt(a2 / count), maxN, off, _state[0] - _startS)
        {
            SpeedRmseMS = SpeedRmse(targetSpeedMS),
        };
    }

    /// <summary>
    /// A compact text summary of the recent behaviour for the language model (the paper down-samples the Frenet state to
    /// 5 samples): the last <paramref name="samples"/> samples of n and v spread over the last <paramref name="windowTicks"/> ticks.
    /// </summary>
    public string Summary(int windowTicks = 40, int samples = 5)
    {
        int count = _n.Count;
        if (count == 0) return "no samples yet";
        int start = Math.Max(0, count - windowTicks);
        var parts = new List<string>();
        for (int k = 0; k < samples; k++)
        {
            int i = start + (int)((long)(count - 1 - start) * k / Math.Max(1, samples - 1));
            parts.Add($"(n={_n[i]:F2} m, v={_v[i]:F2} m/s)");
        }

        double d = Plant.Track.HalfWidthM;
        return $"last {(count - start) * PeriodS:F1} s: {string.Join(", ", parts)}; distance to left wall {d - _state[1]:F2} m, right wall {d + _state[1]:F2} m; " +
               $"reversing: {_state[3] < 0}; crashed: {Math.Abs(_state[1]) > d}";
    }
}
