using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Robotics.Benchmarks;

/// <summary>
/// Simulator throughput on one core: ten simulated seconds of the 1 kHz mass-spring-damper + PID loop per
/// operation. The RealTimeFactor column is 10 s divided by the mean time of one operation.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OneCoreConfig))]
public class SimulatorThroughputBenchmarks
{
    /// <summary>Simulated seconds per operation.</summary>
    public const double SimulatedSeconds = 10.0;

    private MsdPidLoop _loop = null!;

    /// <summary>Builds the loop.</summary>
    [GlobalSetup]
    public void Setup() => _loop = new MsdPidLoop();

    /// <summary>Baseline: the same number of plant RK4 steps without the loop around them.</summary>
    [Benchmark(Baseline = true)]
    public double PlantOnly10s()
    {
        Span<double> state = [0.01, 0.0];
        ReadOnlySpan<double> input = [1.0];
        for (int i = 0; i < 10_000; i++) _loop.Plant.Advance(0.0, 0.001, state, input);
        return state[0];
    }

    /// <summary>10 s of simulated closed loop at 1 kHz (10,000 ticks).</summary>
    [Benchmark]
    public long ClosedLoop10s()
    {
        for (int i = 0; i < 10_000; i++) _loop.Step();
        return _loop.Loop.TickCount;
    }

    /// <summary>Pins the benchmark process to one core and adds the real-time-factor column.</summary>
    private sealed class OneCoreConfig : ManualConfig
    {
        public OneCoreConfig()
        {
            AddJob(Job.Default.WithAffinity(1));
            AddColumn(new RealTimeFactorColumn());
        }
    }

    /// <summary>Simulated seconds per wall-clock second: <see cref="SimulatedSeconds"/> / mean.</summary>
    private sealed class RealTimeFactorColumn : IColumn
    {
        public string Id => nameof(RealTimeFactorColumn);
        public string ColumnName => "RealTimeFactor";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Simulated seconds per wall-clock second (10 s / Mean)";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats) return "NA";
            return (SimulatedSeconds / (stats.Mean * 1e-9)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + "x";
        }
    }
}
