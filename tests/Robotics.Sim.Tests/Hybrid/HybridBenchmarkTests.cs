using System.Diagnostics;
using Robotics.Control.Hybrid;
using Robotics.Sim.Hybrid.Hopper;
using Robotics.Sim.Hybrid.Walker;
using Xunit.Abstractions;

namespace Robotics.Sim.Tests.Hybrid;

/// <summary>
/// The committed hopper/walker benchmark numbers (25 seeded trials per method, seed 11) with control-step timing.
/// Slow: run with <c>--filter "Category=Slow&amp;FullyQualifiedName~HybridBenchmarkTests"</c>.
/// </summary>
public class HybridBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void HopperAndWalker_AllMethods_PrintTable()
    {
        var systems = new IHybridBenchmarkSystem[] { new HopperBenchmarkSystem { Progress = output.WriteLine }, new WalkerBenchmarkSystem { Progress = output.WriteLine } };
        output.WriteLine("| system | method | success | fell | control steps | mean us/step | max us/step |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var system in systems)
        {
            foreach (var method in system.Methods)
            {
                var meter = new StopwatchMeter();
                int ok = 0, fell = 0, steps = 0;
                for (int t = 0; t < 25; t++)
                {
                    var r = system.RunTrial(method, t, 11, meter);
                    ok += r.Success ? 1 : 0;
                    fell += r.Detail.Contains("fell=True", StringComparison.Ordinal) ? 1 : 0;
                    steps += r.ControlSteps;
                    if (!r.Success)
                    {
                        output.WriteLine($"<!-- {r} -->");
                    }
                }

                output.WriteLine($"| {system.Name} | {method} | {ok}/25 | {fell} | {steps} | {meter.TotalMicroseconds / Math.Max(1, meter.Count):F1} | {meter.MaxMicroseconds:F1} |");
            }
        }
    }

    private sealed class StopwatchMeter : IControlStepMeter
    {
        private long _start;

        public int Count { get; private set; }

        public double TotalMicroseconds { get; private set; }

        public double MaxMicroseconds { get; private set; }

        public void BeginStep() => _start = Stopwatch.GetTimestamp();

        public void EndStep()
        {
            double us = Stopwatch.GetElapsedTime(_start).TotalMicroseconds;
            TotalMicroseconds += us;
            MaxMicroseconds = Math.Max(MaxMicroseconds, us);
            Count++;
        }
    }
}
