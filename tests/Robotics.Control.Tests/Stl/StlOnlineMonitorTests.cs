using Robotics.Control.Stl;
using Robotics.Core.Randomness;

namespace Robotics.Control.Tests.Stl;

public sealed class StlOnlineMonitorTests
{
    [Theory]
    [InlineData("always[0:3](x >= 0 -> eventually[1:2](y <= 0.5))", 5)] // 3 + 2
    [InlineData("(x >= -0.5) until[1:4] (historically[0:2](y >= 0))", 4)]
    [InlineData("not ((x <= y) since[0:3] (abs(x - y) >= 1)) or G[2:6] (x + y >= -1)", 6)]
    [InlineData("once (x >= 1) and historically[1:inf](y >= -2)", 0)]
    [InlineData("eventually[0:2](always[1:3](x > 0)) and (y >= -1 since[2:5] x <= 0)", 5)]
    [InlineData("(x >= 0 <-> y >= 0) until[0:2] (x >= 1.5 and once[0:3](y < 0))", 2)]
    public void Verdicts_equal_the_offline_robustness_after_the_formula_delay(string text, int delay)
    {
        var spec = StlSpecification.Parse(text);
        var monitor = new StlOnlineMonitor(spec, 1.0);
        Assert.Equal(delay, monitor.Delay);
        var rng = new Rng(5).Fork(text);
        const int n = 60;
        var signals = spec.Signals.Select(_ => Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextGaussian(), 1)).ToArray()).ToArray();
        double[] offline = StlRobustness.Evaluate(spec, signals, 1.0);
        var sample = new double[signals.Length];
        int decided = 0;
        for (int k = 0; k < n; k++)
        {
            for (int s = 0; s < signals.Length; s++)
            {
                sample[s] = signals[s][k];
            }

            if (monitor.Update(sample, out double rho, out long t))
            {
                Assert.Equal(k - delay, t);
                Assert.Equal(offline[t], rho);
                decided++;
            }
        }

        Assert.Equal(n - delay, decided);
    }

    [Theory]
    [InlineData("always(x >= 0)")]
    [InlineData("eventually[1:inf](x >= 0)")]
    [InlineData("(x >= 0) until (y >= 0)")]
    public void Unbounded_future_operators_are_rejected_with_the_fix(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => new StlOnlineMonitor(StlSpecification.Parse(text), 0.1));
        Assert.Contains("has no upper bound", e.Message);
        Assert.Contains("finite interval", e.Message);
    }

    [Fact]
    public void Updates_allocate_nothing_and_reset_restarts_the_stream()
    {
        var spec = StlSpecification.Parse("always[0:0.5](abs(x) <= 1) and (x >= 0 since[0:1] y >= 0) and (x > -1) until[0:0.3] (y > 0)");
        var monitor = new StlOnlineMonitor(spec, 0.1);
        Span<double> sample = stackalloc double[2];
        for (int k = 0; k < 20; k++)
        {
            sample[0] = Math.Sin(k);
            sample[1] = Math.Cos(k);
            monitor.Update(sample, out _, out _);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 1000; k++)
        {
            sample[0] = Math.Sin(k);
            sample[1] = Math.Cos(k);
            monitor.Update(sample, out _, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        monitor.Reset();
        Assert.Equal(0, monitor.SampleCount);
        Assert.False(monitor.Update(sample, out _, out _));
    }
}
