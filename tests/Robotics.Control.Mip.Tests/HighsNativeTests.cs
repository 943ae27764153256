using Robotics.Control.Mip.Planning;

namespace Robotics.Control.Mip.Tests;

/// <summary>
/// <see cref="MipBackend.HighsNative"/>: HiGHS through its C API starts from the warm-start plan and keeps its best
/// incumbent at a time limit, where OR-Tools' HiGHS wrapper reports NOT_SOLVED and the planner can only fall back.
/// </summary>
public sealed class HighsNativeTests
{
    // A program too large to prove in 1 ms: 2 layers of 12 mixed ReLU/identity neurons, 8 steps, no state box.
    private static MipMpcOptions Options(MipBackend backend, TimeSpan limit) => new()
    {
        Horizon = 8,
        InputLow = [-1, -1],
        InputHigh = [1, 1],
        StateWeights = [1, 1, 1],
        TerminalWeights = [5, 5, 5],
        InputWeights = [0.01, 0.01],
        Backend = backend,
        RelativeGap = 1e-9,
        TimeLimit = limit,
    };

    private static readonly double[] s_x0 = [0.1, -0.2, 0.0];
    private static readonly double[] s_goal = [0.8, 0.6, -0.5];

    private static double[] WarmStart()
    {
        var plan = new double[8 * 2];
        for (int i = 0; i < plan.Length; i++) plan[i] = i % 2 == 0 ? 0.4 : -0.3;
        return plan;
    }

    [Fact]
    public void Plan_TimeLimitBeforeProof_ReturnsIncumbentNoWorseThanWarmStart()
    {
        var net = TestNetworks.Random(41UL, 3, 2, [12, 12], mixed: true);
        var planner = new MipMpcPlanner(net, Options(MipBackend.HighsNative, TimeSpan.FromMilliseconds(1)));
        var warm = WarmStart();
        double warmCost = planner.Cost(s_x0, s_goal, warm, new double[9 * 3]);

        var result = planner.Plan(s_x0, s_goal, warm);

        Assert.True(result.BinaryCount > 8, $"the case should need many binaries, got {result.BinaryCount}");
        Assert.Equal(MipPlanStatus.TimeLimitIncumbent, result.Status);
        Assert.False(result.UsedFallback);
        Assert.True(result.Objective <= warmCost + 1e-9, $"incumbent {result.Objective} is worse than the warm start {warmCost}");
        // A 1 ms limit cannot have closed the gap; before the first bound the gap is unknown (NaN).
        Assert.True(double.IsNaN(result.RelativeGap) || result.RelativeGap > 1e-9, $"gap {result.RelativeGap}");
        // The incumbent is a real plan: its rollout through the network costs what the solver says.
        var o = planner.Options;
        Assert.Equal(TestNetworks.Cost(net, s_x0, s_goal, result.Controls, o.Horizon, o.StateWeights, o.TerminalWeights!, o.InputWeights), result.Objective, 6);
    }

    [Fact]
    public void Plan_SameTimeLimitThroughOrTools_FallsBack()
    {
        // The contrast that motivates the native path: OR-Tools' HiGHS wrapper drops the incumbent at the limit.
        var net = TestNetworks.Random(41UL, 3, 2, [12, 12], mixed: true);
        var planner = new MipMpcPlanner(net, Options(MipBackend.Highs, TimeSpan.FromMilliseconds(1)));
        var warm = WarmStart();

        var result = planner.Plan(s_x0, s_goal, warm);

        Assert.Equal(MipPlanStatus.FallbackNoSolution, result.Status);
        Assert.Equal(warm, result.Controls);
    }

    [Fact]
    public void Plan_BadSolverParameter_ReturnsFallbackNamingIt()
    {
        var net = TestNetworks.Random(41UL, 3, 2, [4], mixed: true);
        var planner = new MipMpcPlanner(net, Options(MipBackend.HighsNative, TimeSpan.FromSeconds(5)) with { SolverParameters = "no_such_option=1" });
        var warm = WarmStart();

        var result = planner.Plan(s_x0, s_goal, warm);

        Assert.Equal(MipPlanStatus.FallbackNoSolution, result.Status);
        Assert.Contains("no_such_option", result.Message, StringComparison.Ordinal);
    }
}
