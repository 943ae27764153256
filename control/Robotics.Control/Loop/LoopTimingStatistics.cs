using Robotics.Core.Time;

namespace Robotics.Control.Loop;

/// <summary>
/// Running per-tick timing of a control loop: the measured period between tick starts, the jitter of
/// each start against its absolute deadline (origin + k * period), and the compute time of the tick.
/// Updated without allocation.
/// </summary>
public sealed class LoopTimingStatistics
{
    private long _periodCount;
    private double _periodSum, _periodMin = double.PositiveInfinity, _periodMax;
    private double _jitterSquareSum, _jitterMaxAbs;
    private double _computeSum, _computeMax;

    /// <summary>Number of ticks recorded.</summary>
    public long Ticks { get; private set; }

    /// <summary>Mean measured period in seconds (NaN before the second tick).</summary>
    public double MeanPeriodSeconds => _periodCount == 0 ? double.NaN : _periodSum / _periodCount * 1e-9;

    /// <summary>Smallest measured period in seconds.</summary>
    public double MinPeriodSeconds => _periodCount == 0 ? double.NaN : _periodMin * 1e-9;

    /// <summary>Largest measured period in seconds.</summary>
    public double MaxPeriodSeconds => _periodCount == 0 ? double.NaN : _periodMax * 1e-9;

    /// <summary>Root-mean-square start jitter in seconds.</summary>
    public double RmsJitterSeconds => Ticks == 0 ? double.NaN : Math.Sqrt(_jitterSquareSum / Ticks) * 1e-9;

    /// <summary>Largest absolute start jitter in seconds.</summary>
    public double MaxAbsJitterSeconds => _jitterMaxAbs * 1e-9;

    /// <summary>Mean compute time of a tick in seconds.</summary>
    public double MeanComputeSeconds => Ticks == 0 ? double.NaN : _computeSum / Ticks * 1e-9;

    /// <summary>Largest compute time of a tick in seconds.</summary>
    public double MaxComputeSeconds => _computeMax * 1e-9;

    /// <summary>Records one tick. <paramref name="measuredPeriod"/> is ignored on the first tick.</summary>
    public void Record(SimTime measuredPeriod, SimTime jitter, SimTime computeTime)
    {
        if (Ticks > 0)
        {
            double p = measuredPeriod.Nanoseconds;
            _periodCount++;
            _periodSum += p;
            _periodMin = Math.Min(_periodMin, p);
            _periodMax = Math.Max(_periodMax, p);
        }

        double j = jitter.Nanoseconds;
        _jitterSquareSum += j * j;
        _jitterMaxAbs = Math.Max(_jitterMaxAbs, Math.Abs(j));
        double c = computeTime.Nanoseconds;
        _computeSum += c;
        _computeMax = Math.Max(_computeMax, c);
        Ticks++;
    }

    /// <summary>Clears all statistics.</summary>
    public void Reset()
    {
        Ticks = 0;
        _periodCount = 0;
        _periodSum = _periodMax = _jitterSquareSum = _jitterMaxAbs = _computeSum = _computeMax = 0;
        _periodMin = double.PositiveInfinity;
    }
}
