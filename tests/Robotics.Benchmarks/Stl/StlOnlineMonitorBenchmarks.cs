using BenchmarkDotNet.Attributes;
using Robotics.Control.Stl;

namespace Robotics.Benchmarks.Stl;

/// <summary>
/// One online monitor update per invocation (target: under 1 us per sample per operator, 0 B), for a formula with
/// past, bounded-future and since operators; the baseline monitors a single predicate.
/// </summary>
[MemoryDiagnoser]
public class StlOnlineMonitorBenchmarks
{
    private readonly double[] sample = new double[2];
    private StlOnlineMonitor predicate = null!;
    private StlOnlineMonitor nested = null!;
    private int k;

    /// <summary>Builds and warms both monitors.</summary>
    [GlobalSetup]
    public void Setup()
    {
        predicate = new StlOnlineMonitor(StlSpecification.Parse("abs(x) <= 0.9"), 0.01);
        nested = new StlOnlineMonitor(Nested(), 0.01);
        for (int i = 0; i < 1000; i++)
        {
            Step(predicate);
            Step(nested);
        }
    }

    /// <summary>A single predicate.</summary>
    [Benchmark(Baseline = true)]
    public double Predicate() => Step(predicate);

    /// <summary>always[0:1s](x &gt;= -1 -&gt; eventually[0:0.5s] |y| &lt;= 0.9) and (x &gt;= -0.5 since[0:1s] y &gt;= 0.5) and historically[0:2s](x &lt;= 1).</summary>
    [Benchmark]
    public double NestedFormula() => Step(nested);

    private static StlSpecification Nested() => StlSpecification.Parse(
        "always[0:1](x >= -1 -> eventually[0:0.5](abs(y) <= 0.9)) and (x >= -0.5 since[0:1] y >= 0.5) and historically[0:2](x <= 1)");

    private double Step(StlOnlineMonitor monitor)
    {
        k++;
        sample[0] = Math.Sin(k * 0.01);
        sample[1] = Math.Cos(k * 0.0173);
        monitor.Update(sample, out double rho, out _);
        return rho;
    }
}
