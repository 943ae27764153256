using Robotics.Control.Mip.Planning;

namespace Robotics.Control.Mip.Tests;

public sealed class BackendAgreementTests
{
    private static MipMpcOptions Options(MipBackend backend, int n, int m) => new()
    {
        Horizon = 4,
        InputLow = Enumerable.Repeat(-1.0, m).ToArray(),
        InputHigh = Enumerable.Repeat(1.0, m).ToArray(),
        StateLow = Enumerable.Repeat(-2.0, n).ToArray(),
        StateHigh = Enumerable.Repeat(2.0, n).ToArray(),
        StateWeights = Enumerable.Repeat(1.0, n).ToArray(),
        TerminalWeights = Enumerable.Repeat(5.0, n).ToArray(),
        InputWeights = Enumerable.Repeat(0.01, m).ToArray(),
        Backend = backend,
        RelativeGap = 1e-7,
        TimeLimit = TimeSpan.FromSeconds(60),
    };

    [Theory]
    [InlineData(21UL)]
    [InlineData(22UL)]
    public void Plan_AllBackends_AgreeOnOptimum(ulong seed)
    {
        const int n = 3, m = 2;
        var net = TestNetworks.Random(seed, n, m, [6], mixed: true);
        double[] x0 = [0.1, -0.2, 0.0];
        double[] goal = [0.5, 0.4, -0.3];

        var results = new[] { MipBackend.Highs, MipBackend.Cbc, MipBackend.Scip, MipBackend.HighsNative }
            .Select(b => new MipMpcPlanner(net, Options(b, n, m)).Plan(x0, goal)).ToArray();

        var scaled = new MipMpcPlanner(net, Options(MipBackend.Highs, n, m) with { StateScale = [0.1, 2, 0.5], InputScale = [0.3, 3] }).Plan(x0, goal);
        results = [.. results, scaled];
        foreach (var r in results) Assert.Equal(MipPlanStatus.Optimal, r.Status);
        Assert.True(results[0].BinaryCount > 0, "the case should need binaries");
        // Relative gap 1e-7 on objectives of order 1: agreement to 1e-5.
        Assert.Equal(results[0].Objective, results[1].Objective, 5);
        Assert.Equal(results[0].Objective, results[2].Objective, 5);
        Assert.Equal(results[0].Objective, results[3].Objective, 5);   // HiGHS through its C API: the same program
        Assert.Equal(results[0].Objective, results[4].Objective, 5);   // variable scaling does not change the optimum
        foreach (var r in results)
        {
            var o = Options(MipBackend.Highs, n, m);
            Assert.Equal(TestNetworks.Cost(net, x0, goal, r.Controls, o.Horizon, o.StateWeights, o.TerminalWeights!, o.InputWeights), r.Objective, 6);
        }
    }

    [Theory]
    [InlineData(MipBackend.Scip)]
    [InlineData(MipBackend.Cbc)]
    [InlineData(MipBackend.Highs)]
    [InlineData(MipBackend.HighsNative)]
    public void Plan_WithWarmStartHint_FindsSameOptimumAsWithout(MipBackend backend)
    {
        const int n = 3, m = 2;
        var net = TestNetworks.Random(23UL, n, m, [6], mixed: true);
        double[] x0 = [0.0, 0.0, 0.0];
        double[] goal = [0.3, -0.2, 0.1];
        var hint = new double[4 * m];
        for (int i = 0; i < hint.Length; i++) hint[i] = i % 2 == 0 ? 0.5 : -0.5;

        var cold = new MipMpcPlanner(net, Options(backend, n, m) with { WarmStart = false }).Plan(x0, goal, hint);
        var warm = new MipMpcPlanner(net, Options(backend, n, m)).Plan(x0, goal, hint);

        Assert.Equal(MipPlanStatus.Optimal, cold.Status);
        Assert.Equal(MipPlanStatus.Optimal, warm.Status);
        Assert.Equal(cold.Objective, warm.Objective, 5);
    }
}
