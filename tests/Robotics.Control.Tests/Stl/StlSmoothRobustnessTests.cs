using Robotics.Control.Stl;
using Robotics.Core.Randomness;

namespace Robotics.Control.Tests.Stl;

public sealed class StlSmoothRobustnessTests
{
    [Fact]
    public void Soft_max_of_two_equal_values_exceeds_them_by_log2_over_tau()
    {
        var smooth = new StlSmoothRobustness(StlSpecification.Parse("eventually[0:1](x >= 0)"), 1.0, 2, temperature: 10);
        Assert.Equal(Math.Log(2) / 10, smooth.Evaluate([[0.0, 0.0]]), 12);
    }

    [Theory]
    [InlineData("always[0:3](x >= 0 -> eventually[1:2](y <= 0.5))")]
    [InlineData("(x >= -0.5) until[1:4] (historically[0:2](y >= 0))")]
    [InlineData("not ((x <= y) since[0:3] (abs(x - y) >= 1)) or G[2:6] (x + y >= -1)")]
    public void Approaches_the_hard_robustness_as_the_temperature_grows(string text)
    {
        var spec = StlSpecification.Parse(text);
        var rng = new Rng(3).Fork(text);
        var signals = spec.Signals.Select(_ => Enumerable.Range(0, 12).Select(_ => rng.NextGaussian()).ToArray()).ToArray();
        double hard = StlRobustness.Evaluate(spec, signals, 1.0)[0];
        double previousError = double.PositiveInfinity;
        foreach (double tau in new[] { 10.0, 100.0, 1000.0, 10000.0 })
        {
            double error = Math.Abs(new StlSmoothRobustness(spec, 1.0, 12, tau).Evaluate(signals) - hard);
            // Each soft operator is off by at most log(terms)/tau; nesting adds them up (a few dozen terms here).
            Assert.True(error <= 60 * Math.Log(12) / tau, $"tau={tau}: error {error}");
            Assert.True(error <= previousError + 1e-12);
            previousError = error;
        }
    }

    [Theory]
    [InlineData("always[0:3](x >= 0 -> eventually[1:2](y <= 0.5))")]
    [InlineData("(x >= -0.5) until[1:4] (historically[0:2](y >= 0))")]
    [InlineData("(x * y >= 0.1) since[1:3] (abs(x - y) >= 1) or eventually(min(x, y) >= 0.5)")]
    [InlineData("(x >= 0) until (y >= 1)")]
    public void Gradient_matches_central_finite_differences(string text)
    {
        var spec = StlSpecification.Parse(text);
        const int n = 10;
        var smooth = new StlSmoothRobustness(spec, 1.0, n, temperature: 5);
        var rng = new Rng(11).Fork(text);
        var signals = spec.Signals.Select(_ => Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray()).ToArray();
        var gradients = spec.Signals.Select(_ => new double[n]).ToArray();
        smooth.Gradient(signals, gradients);
        const double h = 1e-6;
        for (int s = 0; s < signals.Length; s++)
        {
            for (int k = 0; k < n; k++)
            {
                double keep = signals[s][k];
                signals[s][k] = keep + h;
                double up = smooth.Evaluate(signals);
                signals[s][k] = keep - h;
                double down = smooth.Evaluate(signals);
                signals[s][k] = keep;
                Assert.Equal((up - down) / (2 * h), gradients[s][k], 5);
            }
        }
    }

    [Fact]
    public void Repeated_gradient_evaluation_allocates_nothing()
    {
        var spec = StlSpecification.Parse("always[0:5](x >= 0) and (x >= -1) until[0:4] (y >= 1)");
        var smooth = new StlSmoothRobustness(spec, 0.1, 25, 20);
        double[][] signals = [new double[25], new double[25]];
        double[][] gradients = [new double[25], new double[25]];
        smooth.Gradient(signals, gradients);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            smooth.Gradient(signals, gradients);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
