using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Robotics.Benchmarks;

/// <summary>The benchmark configurations: BenchmarkDotNet's defaults (loggers, exporters, columns) plus ours.</summary>
public static class OneCoreConfig
{
    /// <summary>Measurement: the default job pinned to one core (CPU 0), with the real-time-factor column.</summary>
    public static IConfig Measure() =>
        DefaultConfig.Instance.AddJob(Job.Default.WithAffinity(1)).AddColumn(new RealTimeFactorColumn());

    /// <summary>Smoke: every benchmark once, in process (no separate build), measuring nothing.</summary>
    public static IConfig Smoke() =>
        DefaultConfig.Instance.AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)).AddColumn(new RealTimeFactorColumn());
}
