using BenchmarkDotNet.Attributes;
using Robotics.Control.Stl;

namespace Robotics.Benchmarks.Stl;

/// <summary>
/// Offline robustness of a 3-level nested formula with 100-sample windows over 10^6 samples (target: under 100 ms),
/// against a baseline that only evaluates its predicates (the least any evaluator must do).
/// </summary>
[MemoryDiagnoser]
public class StlRobustnessBenchmarks
{
    private const int Samples = 1_000_000;
    private readonly StlSpecification nested = StlSpecification.Parse(
        "always[0:100 steps](x >= 0 -> eventually[0:100 steps](historically[0:100 steps](abs(y) <= 0.9)))");

    private readonly StlSpecification predicateOnly = StlSpecification.Parse("x >= 0 -> abs(y) <= 0.9");

    private double[][] signals = [];

    /// <summary>Deterministic signals: two sines with incommensurate periods.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var x = new double[Samples];
        var y = new double[Samples];
        for (int k = 0; k < Samples; k++)
        {
            x[k] = Math.Sin(k * 0.001);
            y[k] = Math.Cos(k * 0.0173);
        }

        signals = [x, y];
    }

    /// <summary>Predicates only, same signals: the floor.</summary>
    [Benchmark(Baseline = true)]
    public double PredicatesOnly() => StlRobustness.Evaluate(predicateOnly, signals, 0.01)[0];

    /// <summary>always[0:100](x &gt;= 0 -&gt; eventually[0:100](historically[0:100](|y| &lt;= 0.9))).</summary>
    [Benchmark]
    public double NestedWindows100() => StlRobustness.Evaluate(nested, signals, 0.01)[0];
}
