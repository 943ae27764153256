using Robotics.Control.Risk;
using Robotics.Core.Randomness;
using Robotics.Core.Time;
using Robotics.Sim.Risk;

namespace Robotics.Sim.Tests.Risk;

/// <summary>The risk gate's status values (pass, fallback, lowest-risk replan, safe action, unchecked) and seeded trials.</summary>
public sealed class RiskGateTests
{
    private static readonly double[] Goal = [8.0, 0.0, 0.0, 0.0];
    private static readonly double[] Start = [0.0, 0.0, 0.0, 1.0];

    // Absent (far away) before AppearS of scenario time, then covering the whole plane (signed distance -1 m everywhere).
    private sealed class PopUpObstacle(double appearS) : IPlanarObstacle
    {
        public double SignedDistance(double time, double x, double y) => time >= appearS ? -1.0 : 1e6;
    }

    private static RiskGatedPlanner Gate(RiskPlannerKind kind, params IPlanarObstacle[] obstacles) =>
        new DrivingRiskScenario().CreatePlanner(kind, obstacles, new Rng(7));

    [Fact]
    public void Decide_NoObstacleWithinHorizon_Passes()
    {
        var gate = Gate(RiskPlannerKind.RiskChecked, new PopUpObstacle(100.0));
        var command = new double[2];
        var d = gate.Decide(SimTime.Zero, Start, Goal, command);
        Assert.Equal(RiskGateStatus.Passed, d.Status);
        Assert.Equal(0.0, d.Risk);
        Assert.Equal(1, d.Attempts);
        Assert.True(gate.HasPassedPlan);
    }

    [Fact]
    public void Decide_EveryNewPlanRejected_FollowsLastPassedPlan_UntilItEnds()
    {
        // Horizon 20 x 0.1 s. The plan made at t = 0 ends at 2.0 s, before the obstacle appears at 2.05 s, so it passes;
        // from t = 0.1 s every new plan reaches past 2.05 s, where the obstacle covers everything: risk 1, rejected.
        var gate = Gate(RiskPlannerKind.RiskChecked, new PopUpObstacle(2.05));
        var command = new double[2];
        Assert.Equal(RiskGateStatus.Passed, gate.Decide(SimTime.Zero, Start, Goal, command).Status);

        // The rest of the passed plan is checked over the same window as a new plan (to 2.1 s, held past its end at
        // 2.0 s): it meets the obstacle too (risk 1, not the 0 of its shrunken 19-step window) and is kept on the tie.
        var fallback = gate.Decide(SimTime.FromSeconds(0.1), Start, Goal, command);
        Assert.Equal(RiskGateStatus.FallbackPlan, fallback.Status);
        Assert.Equal(1.0, fallback.Risk, 12);
        Assert.Equal(gate.Options.MaxReplans + 1, fallback.Attempts);
        Assert.Equal(21, gate.AppliedStepRisk.Length);

        // At 2.1 s the passed plan is over (21 steps > 20): the least risky replan is applied, its risk is 1.
        var lowest = gate.Decide(SimTime.FromSeconds(2.1), Start, Goal, command);
        Assert.Equal(RiskGateStatus.LowestRiskReplan, lowest.Status);
        Assert.Equal(1.0, lowest.Risk, 12);
        Assert.Equal(gate.Options.MaxReplans + 1, lowest.Attempts);
    }

    [Fact]
    public void Decide_HovercraftFallback_ExecutesTheCheckedTrackingFeedback()
    {
        // Two identical hovercraft gates (same seed, same calls) pass the same plan at t = 0 from rest at the origin
        // (goal: stay there); from 0.1 s every new plan meets the pop-up obstacle, so both follow the rest of that plan.
        // Gate B's estimate is 0.04 m further left. The checked loop's law (HovercraftPlanTrackingDynamics remarks) at
        // heading 0 differs only by τ_fb = k_lat · (-0.04) = -0.02 N m: u_L + 0.02 / (2 · 0.2) = +0.05, u_R - 0.05.
        // Executing the bare plan thrust (the defect) gives equal commands.
        var scenario = new HovercraftRiskScenario();
        var a = scenario.CreatePlanner(RiskPlannerKind.RiskChecked, [new PopUpObstacle(2.05)], new Rng(9));
        var b = scenario.CreatePlanner(RiskPlannerKind.RiskChecked, [new PopUpObstacle(2.05)], new Rng(9));
        double[] rest = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        double[] left = [0.0, 0.04, 0.0, 0.0, 0.0, 0.0];
        var ca = new double[2];
        var cb = new double[2];
        Assert.Equal(RiskGateStatus.Passed, a.Decide(SimTime.Zero, rest, rest, ca).Status);
        Assert.Equal(RiskGateStatus.Passed, b.Decide(SimTime.Zero, rest, rest, cb).Status);
        Assert.Equal(ca, cb);

        Assert.Equal(RiskGateStatus.FallbackPlan, a.Decide(SimTime.FromSeconds(0.1), rest, rest, ca).Status);
        Assert.Equal(RiskGateStatus.FallbackPlan, b.Decide(SimTime.FromSeconds(0.1), left, rest, cb).Status);
        Assert.InRange(ca[0], -0.9, 1.9); // unsaturated, so the difference is the linear feedback term
        Assert.InRange(ca[1], -0.9, 1.9);
        Assert.Equal(0.05, cb[0] - ca[0], 12);
        Assert.Equal(-0.05, cb[1] - ca[1], 12);
    }

    [Fact]
    public void Decide_NoPlanEverPassed_AppliesLowestRiskReplan()
    {
        var gate = Gate(RiskPlannerKind.RiskChecked, new PopUpObstacle(0.0));
        var command = new double[2];
        var d = gate.Decide(SimTime.Zero, Start, Goal, command);
        Assert.Equal(RiskGateStatus.LowestRiskReplan, d.Status);
        Assert.Equal(1.0, d.Risk, 12);
        Assert.False(gate.HasPassedPlan);
        Assert.Equal(21, gate.AppliedStepRisk.Length); // the applied plan's per-step risk: 1 at every step
        Assert.Equal(1.0, gate.AppliedStepRisk[0], 12);
        Assert.Equal(1.0, gate.AppliedStepRisk[20], 12);
    }

    [Fact]
    public void Decide_PlanningFails_AppliesSafeCommand()
    {
        var gate = Gate(RiskPlannerKind.RiskChecked, new PopUpObstacle(100.0));
        var command = new double[2];
        var d = gate.Decide(SimTime.Zero, [double.NaN, 0.0, 0.0, 1.0], Goal, command);
        Assert.Equal(RiskGateStatus.SafeAction, d.Status);
        Assert.Equal(gate.Options.SafeCommand, command);
        Assert.Equal(0, gate.AppliedStepRisk.Length);
    }

    [Fact]
    public void Decide_BaselineGateOff_IsUnchecked()
    {
        var gate = Gate(RiskPlannerKind.NoRisk, new PopUpObstacle(0.0));
        var command = new double[2];
        var d = gate.Decide(SimTime.Zero, Start, Goal, command);
        Assert.Equal(RiskGateStatus.Unchecked, d.Status);
        Assert.True(double.IsNaN(d.Risk));
    }

    [Fact]
    public void Decide_SteadyState_AllocatesNothing()
    {
        var gate = new DrivingRiskScenario().CreatePlanner(RiskPlannerKind.RiskChecked, DrivingRiskScenario.Obstacles(), new Rng(11));
        var command = new double[2];
        for (int k = 0; k < 3; k++)
        {
            gate.Decide(SimTime.FromSeconds(0.1 * k), Start, Goal, command); // warm-up (JIT, buffers)
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 3; k < 6; k++)
        {
            gate.Decide(SimTime.FromSeconds(0.1 * k), Start, Goal, command);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void RunTrial_SameSeed_IsDeterministic()
    {
        var scenario = new DrivingRiskScenario(new DrivingRiskOptions { RiskSamples = 200 });
        var first = new List<RiskTrialTick>();
        var second = new List<RiskTrialTick>();
        var a = scenario.RunTrial(RiskPlannerKind.RiskChecked, 1003, first.Add);
        var b = scenario.RunTrial(RiskPlannerKind.RiskChecked, 1003, second.Add);
        Assert.Equal(a, b);
        Assert.Equal(first, second);
        Assert.Equal(a.Ticks, first.Count);
        var c = scenario.RunTrial(RiskPlannerKind.RiskChecked, 1004);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Obstacles_NarrowGap_IsClosedByTheBaselineInflation_AndOpenToTheFootprint()
    {
        // The gap is y in [-0.35, 0.35] at x in [4, 4.4]: the 0.2 m footprint at the centre clears each wall by 0.15 m,
        // the footprint inflated by the baseline's 0.3 m (0.5 m) does not fit.
        var walls = DrivingRiskScenario.Obstacles(DrivingRiskLayout.NarrowGap);
        double clearance = double.PositiveInfinity;
        foreach (var o in walls)
        {
            if (o is ConvexPolygonObstacle)
            {
                clearance = Math.Min(clearance, o.SignedDistance(0, 4.2, 0.0));
            }
        }

        Assert.Equal(0.35, clearance, 12);
        Assert.True(clearance > DrivingRiskScenario.FootprintRadiusM);
        Assert.True(clearance < DrivingRiskScenario.FootprintRadiusM + new DrivingRiskOptions().InflationM);
    }
}
