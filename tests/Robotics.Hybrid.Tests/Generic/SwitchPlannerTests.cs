using Robotics.Control.Hybrid;
using Xunit;

namespace Robotics.Hybrid.Tests.Generic;

public sealed class SwitchPlannerTests
{
    private sealed class Bowl : ISwitchCandidateEvaluator
    {
        public int DecisionSize => 2;

        public double Evaluate(ReadOnlySpan<double> d) => (d[0] - 0.3) * (d[0] - 0.3) + (d[1] + 0.5) * (d[1] + 0.5);
    }

    private static readonly double[] s_axis = [-1.0, -0.5, 0.0, 0.5, 1.0];

    [Fact]
    public void Plan_Grid_FindsArgmin()
    {
        var plan = new SwitchPlanner(new SwitchPlannerOptions { GridAxes = [s_axis, s_axis] }).Plan(new Bowl());
        Assert.Equal([0.5, -0.5], plan.Decision);    // |0.5 - 0.3| < |0 - 0.3|
        Assert.Equal(0.04, plan.Loss, 12);
        Assert.Equal(25, plan.CandidatesEvaluated);
    }

    [Fact]
    public void Plan_WithRefinement_ImprovesOnGrid()
    {
        var plan = new SwitchPlanner(new SwitchPlannerOptions { GridAxes = [s_axis, s_axis], RefinementSteps = 5 }).Plan(new Bowl());
        Assert.True(plan.Loss < 0.04, $"refined loss {plan.Loss}");
        Assert.InRange(plan.Decision[0], -1.0, 1.0);
    }

    [Fact]
    public void RoaLoss_IsHingeOnShrunkLevel()
    {
        Assert.Equal(0.0, SwitchPlanner.RoaLoss(0.4, 1.0, 2.0));
        Assert.Equal(0.1, SwitchPlanner.RoaLoss(0.6, 1.0, 2.0), 12);
    }
}
