using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Robotics.Benchmarks;

/// <summary>Pins the benchmark process to one core (CPU 0) and adds the real-time-factor column.</summary>
public sealed class OneCoreConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public OneCoreConfig()
    {
        AddJob(Job.Default.WithAffinity(1));
        AddColumn(new RealTimeFactorColumn());
    }
}
