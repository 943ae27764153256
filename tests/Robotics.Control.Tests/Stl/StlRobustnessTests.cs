using Robotics.Control.Stl;
using Robotics.Core.Randomness;

namespace Robotics.Control.Tests.Stl;

public sealed class StlRobustnessTests
{
    // x = [1, 3, -2, 4, 0]; y = [0, 1, 3, 0, 5]; period 1 s. Expected values worked out by hand in the comments.
    private static readonly double[] X = [1, 3, -2, 4, 0];
    private static readonly double[] Y = [0, 1, 3, 0, 5];
    private const double Inf = double.PositiveInfinity;

    private static double[] Rho(string spec, double period = 1.0)
    {
        var times = Enumerable.Range(0, X.Length).Select(k => k * period).ToArray();
        var trace = new StlTrace(times, new Dictionary<string, double[]> { ["x"] = X, ["y"] = Y });
        return StlRobustness.Evaluate(StlSpecification.Parse(spec), trace);
    }

    [Theory]
    [InlineData("x >= 0", new[] { 1.0, 3, -2, 4, 0 })]
    [InlineData("x < 1", new[] { 0.0, -2, 3, -3, 1 })]
    [InlineData("x - 2*y >= 0.5", new[] { 0.5, 0.5, -8.5, 3.5, -10.5 })] // x - 2y - 0.5
    [InlineData("abs(x) <= 3", new[] { 2.0, 0, 1, -1, 3 })] // 3 - |x|
    [InlineData("x == 3", new[] { -2.0, 0, -5, -1, -3 })] // -|x - 3|
    [InlineData("not (x >= 0)", new[] { -1.0, -3, 2, -4, 0 })]
    [InlineData("x >= 0 and y >= 1", new[] { -1.0, 0, -2, -1, 0 })] // min(x, y - 1)
    [InlineData("x >= 0 or y >= 1", new[] { 1.0, 3, 2, 4, 4 })] // max(x, y - 1)
    [InlineData("x >= 0 -> y >= 1", new[] { -1.0, 0, 2, -1, 4 })] // max(-x, y - 1)
    [InlineData("x >= 0 <-> y >= 1", new[] { -1.0, 0, -2, -1, 0 })] // min(max(-x, y-1), max(-(y-1), x))
    public void Predicates_and_boolean_operators_match_hand_values(string spec, double[] expected) =>
        Assert.Equal(expected, Rho(spec));

    [Fact]
    public void Always_takes_the_window_minimum_and_is_vacuous_past_the_end()
    {
        // k0 min(1,3,-2); k1 min(3,-2,4); k2 min(-2,4,0); k3 min(4,0); k4 min(0).
        Assert.Equal([-2.0, -2, -2, 0, 0], Rho("always[0:2](x >= 0)"));
        // [3:4]: k0 min(4,0)=0; k1 min(0)=0; k2..k4 empty window -> +inf.
        Assert.Equal([0.0, 0, Inf, Inf, Inf], Rho("G[3:4] x >= 0"));
    }

    [Fact]
    public void Eventually_takes_the_window_maximum_and_fails_past_the_end()
    {
        // k0 max(3,-2); k1 max(-2,4); k2 max(4,0); k3 max(0); k4 empty.
        Assert.Equal([3.0, 4, 4, 0, -Inf], Rho("eventually[1:2](x >= 0)"));
    }

    [Fact]
    public void Past_operators_look_back_and_are_cut_at_the_start()
    {
        // historically[0:1]: k0 1; k1 min(1,3); k2 min(3,-2); k3 min(-2,4); k4 min(4,0).
        Assert.Equal([1.0, 1, -2, -2, 0], Rho("historically[0:1](x >= 0)"));
        // once[1:2]: k0 empty; k1 x0; k2 max(x0,x1); k3 max(x1,x2); k4 max(x2,x3).
        Assert.Equal([-Inf, 1, 3, 3, 4], Rho("once[1:2](x >= 0)"));
    }

    [Fact]
    public void Until_and_since_match_hand_values()
    {
        // phi = x >= -1 -> [2, 4, -1, 5, 1]; psi = y >= 2 -> [-2, -1, 1, -2, 3].
        // until[0:2] at k = max_{j in [k,k+2]} min(psi_j, min phi[k..j]):
        // k0: max(-2, min(-1,2), min(1,-1)) = -1; k1: max(-1, -1, -2) = -1; k2: max(-1, -2, -1) = -1;
        // k3: max(min(-2,5), min(3,1)) = 1; k4: min(3, 1) = 1.
        Assert.Equal([-1.0, -1, -1, 1, 1], Rho("(x >= -1) until[0:2] (y >= 2)"));
        // until[1:2]: k3 window [4,5] -> j4: min(3, min(5, 1)) = 1; k4 window empty -> -inf.
        Assert.Equal([-1.0, -1, -1, 1, -Inf], Rho("(x >= -1) U[1:2] (y >= 2)"));
        // since[0:2] at k = max_{j in [k-2,k]} min(psi_j, min phi[j..k]):
        // k0: -2; k1: max(-2, -1) = -1; k2: max(-2, -1, -1) = -1; k3: max(-1, -1, -2) = -1; k4: max(-1, -2, min(3, 1)) = 1.
        Assert.Equal([-2.0, -1, -1, -1, 1], Rho("(x >= -1) since[0:2] (y >= 2)"));
    }

    [Fact]
    public void Bounds_in_seconds_convert_with_the_trace_period()
    {
        // Period 0.1 s: [0:0.2] is two samples, the same as [0:2 steps] and [0ms:200ms].
        double[] expected = [-2.0, -2, -2, 0, 0];
        Assert.Equal(expected, Rho("always[0:0.2](x >= 0)", 0.1));
        Assert.Equal(expected, Rho("always[0:2 steps](x >= 0)", 0.1));
        Assert.Equal(expected, Rho("always[0ms:200ms](x >= 0)", 0.1));
        var e = Assert.Throws<ArgumentException>(() => Rho("always[0:0.25](x >= 0)", 0.1));
        Assert.Contains("not a whole number of sample periods", e.Message);
    }

    [Fact]
    public void Unbounded_operators_cover_the_rest_of_the_trace()
    {
        // always x >= -2: suffix minima of x + 2 = [3,5,0,6,2] -> [0,0,0,2,2].
        Assert.Equal([0.0, 0, 0, 2, 2], Rho("always (x >= -2)"));
        // historically: prefix minima -> [3,3,0,0,0].
        Assert.Equal([3.0, 3, 0, 0, 0], Rho("historically (x >= -2)"));
    }

    [Fact]
    public void Missing_signal_is_reported_with_the_trace_signals()
    {
        var e = Assert.Throws<ArgumentException>(() => Rho("speed <= 3"));
        Assert.Contains("unknown signal 'speed'", e.Message);
        Assert.Contains("x, y", e.Message);
    }

    public static TheoryData<string> NestedFormulas => new()
    {
        "always[0:3](x >= 0 -> eventually[1:2](y <= 0.5))",
        "(x >= -0.5) until[1:4] (historically[0:2](y >= 0))",
        "eventually[0:5](always[0:2](x > 0.2) and once[1:3](y < 0))",
        "not ((x <= y) since[0:3] (abs(x - y) >= 1)) or G[2:6] (x + y >= -1)",
        "(x >= 0 <-> y >= 0) until (x >= 1.5)",
        "once (x >= 1) and historically[1:inf](y >= -2)",
        "always(eventually[0:3](x >= 0.5) and (y >= -1 since[2:5] x <= 0))",
    };

    [Theory]
    [MemberData(nameof(NestedFormulas))]
    public void Linear_time_algorithm_equals_the_definition_on_random_traces(string text)
    {
        var spec = StlSpecification.Parse(text);
        var rng = new Rng(20261128).Fork(text);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = 1 + (int)(rng.NextDouble() * 30);
            var signals = spec.Signals.Select(_ => Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextGaussian(), 1)).ToArray()).ToArray();
            double[] fast = StlRobustness.Evaluate(spec, signals, 1.0);
            for (int k = 0; k < n; k++)
            {
                Assert.Equal(StlDefinitionReference.Robustness(spec.Formula, signals, k, n), fast[k]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(NestedFormulas))]
    public void Sign_of_robustness_decides_the_boolean_semantics(string text)
    {
        var spec = StlSpecification.Parse(text);
        var rng = new Rng(7).Fork(text);
        int decided = 0;
        for (int trial = 0; trial < 50; trial++)
        {
            int n = 1 + (int)(rng.NextDouble() * 25);
            var signals = spec.Signals.Select(_ => Enumerable.Range(0, n).Select(_ => 2 * rng.NextGaussian()).ToArray()).ToArray();
            double[] rho = StlRobustness.Evaluate(spec, signals, 1.0);
            for (int k = 0; k < n; k++)
            {
                bool holds = StlDefinitionReference.Holds(spec.Formula, signals, k, n);
                if (rho[k] > 0)
                {
                    Assert.True(holds, $"rho={rho[k]} > 0 but the formula fails at k={k}");
                    decided++;
                }
                else if (rho[k] < 0)
                {
                    Assert.False(holds, $"rho={rho[k]} < 0 but the formula holds at k={k}");
                    decided++;
                }
            }
        }

        Assert.True(decided > 100, "the random traces should decide most samples");
    }
}
