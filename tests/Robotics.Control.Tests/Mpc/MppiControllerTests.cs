using Robotics.Control.Loop;
using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Costs;
using Robotics.Core.Randomness;
using Robotics.Core.Time;

namespace Robotics.Control.Tests.Mpc;

public class MppiControllerTests
{
    private static readonly SimTime Period = SimTime.FromMilliseconds(100);

    [Fact]
    public void Plan_OneStepQuadratic_WeightedMeanIsGaussianPosteriorMean()
    {
        // x+ = x + u (dt 1), H = 1, cost (x1 - 1)^2 = (v - 1)^2, prior N(0, 1), lambda = 1.
        // exp(-(v-1)^2) N(v; 0, 1) is Gaussian with precision 3 and mean 2/3 (tests/golden/mpc/mpc_golden.py);
        // self-normalised importance sampling with 100k samples: standard error ~ 0.577 / sqrt(ESS) < 0.003.
        var mppi = new MppiController(MpcTestModels.Integrator(), new SamplingMpcOptions
        {
            BatchSize = 100_000, Horizon = 1, Temperature = 1.0, NoiseStd = [1.0], WarmStart = false,
        }, [new GoalCost()], new Rng(11));

        Assert.Equal(ControllerStatus.Ok, mppi.Plan(SimTime.Zero, [0.0], [1.0]));

        Assert.Equal(MpcGoldenData.OneStepPosteriorMean, mppi.PlannedControls[0], 0.012);
    }

    [Fact]
    public void Plan_DoubleIntegrator_ApproachesUnconstrainedOptimum()
    {
        var mppi = new MppiController(MpcTestModels.DoubleIntegrator(), new SamplingMpcOptions
        {
            BatchSize = 1000, Horizon = 20, Temperature = 0.01, NoiseStd = [1.0], Iterations = 30,
        }, MpcTestModels.QuadraticCosts(), new Rng(3));

        Assert.Equal(ControllerStatus.Ok, mppi.Plan(SimTime.Zero, [1.0, 0.0], [0.0, 0.0]));

        // Sampling gets near, not onto, the optimum: the cost within 5 % of J* (never below it) and the first control
        // within 1 of u0* (the cost is flat along some control directions, so the controls converge more slowly).
        Assert.InRange(mppi.PlanCost, MpcGoldenData.OptimalCostH20, MpcGoldenData.OptimalCostH20 * 1.05);
        Assert.Equal(MpcGoldenData.OptimalControlsH20[0], mppi.PlannedControls[0], 1.0);
    }

    [Fact]
    public void Update_WarmStart_ShiftsPlanByOneStepAndRepeatsLast()
    {
        var options = new SamplingMpcOptions { BatchSize = 64, Horizon = 10, NoiseStd = [0.5] };
        var planner = new MppiController(MpcTestModels.DoubleIntegrator(), options, MpcTestModels.QuadraticCosts(), new Rng(5));
        var controller = new MppiController(MpcTestModels.DoubleIntegrator(), options, MpcTestModels.QuadraticCosts(), new Rng(5));
        planner.Plan(SimTime.Zero, [1.0, 0.0], [0.0, 0.0]);
        var plan = planner.PlannedControls.ToArray();
        var command = new double[1];

        controller.Update(SimTime.Zero, Period, [1.0, 0.0], [0.0, 0.0], command);

        Assert.Equal(plan[0], command[0]);
        var shifted = controller.PlannedControls.ToArray();
        for (int t = 0; t < 9; t++) Assert.Equal(plan[t + 1], shifted[t]);
        Assert.Equal(plan[9], shifted[9]);
    }

    [Fact]
    public void SeedPlan_TinyNoise_NextPlanStaysOnTheSeedClampedToLimits()
    {
        // With noise std 1e-9 every sample is the warm start to within ~1e-8, so the weighted mean is the seed itself;
        // the 2.0 lies above the 1.0 limit and must come back clamped.
        var mppi = new MppiController(MpcTestModels.Integrator(), new SamplingMpcOptions
        {
            BatchSize = 8, Horizon = 4, NoiseStd = [1e-9], ControlMin = [-1.0], ControlMax = [1.0],
        }, [new GoalCost()], new Rng(4));

        Assert.False(mppi.SeedPlan([0.5, 0.5]));
        Assert.False(mppi.SeedPlan([0.5, double.NaN, 0.0, 0.0]));
        Assert.True(mppi.SeedPlan([0.5, 2.0, -0.25, 0.1]));
        Assert.Equal(ControllerStatus.Ok, mppi.Plan(SimTime.Zero, [0.0], [0.0]));

        double[] expected = [0.5, 1.0, -0.25, 0.1];
        for (int t = 0; t < 4; t++) Assert.Equal(expected[t], mppi.PlannedControls[t], 1e-6);
    }

    [Fact]
    public void SeedPlan_WarmStartOff_IsIgnored()
    {
        var mppi = new MppiController(MpcTestModels.Integrator(), new SamplingMpcOptions
        {
            BatchSize = 8, Horizon = 2, NoiseStd = [1e-9], WarmStart = false,
        }, [new GoalCost()], new Rng(4));

        mppi.SeedPlan([0.5, 0.5]);
        mppi.Plan(SimTime.Zero, [0.0], [0.0]);

        // The nominal control (0 by default) is the start, not the seed.
        Assert.Equal(0.0, mppi.PlannedControls[0], 1e-6);
    }

    [Fact]
    public void Update_PeriodOfTwoSteps_ShiftsPlanByTwo()
    {
        var options = new SamplingMpcOptions { BatchSize = 32, Horizon = 6, NoiseStd = [0.5] };
        var planner = new MppiController(MpcTestModels.DoubleIntegrator(), options, MpcTestModels.QuadraticCosts(), new Rng(8));
        var controller = new MppiController(MpcTestModels.DoubleIntegrator(), options, MpcTestModels.QuadraticCosts(), new Rng(8));
        planner.Plan(SimTime.Zero, [1.0, 0.0], [0.0, 0.0]);
        var plan = planner.PlannedControls.ToArray();

        controller.Update(SimTime.Zero, SimTime.FromMilliseconds(200), [1.0, 0.0], [0.0, 0.0], new double[1]);

        Assert.Equal([plan[2], plan[3], plan[4], plan[5], plan[5], plan[5]], controller.PlannedControls.ToArray());
    }

    [Fact]
    public void Plan_SameSeed_BitIdentical_OtherSeed_Differs()
    {
        double[] Run(ulong seed)
        {
            var c = new MppiController(MpcTestModels.DoubleIntegrator(), new SamplingMpcOptions { BatchSize = 100, Horizon = 8 },
                MpcTestModels.QuadraticCosts(), new Rng(seed));
            var command = new double[1];
            var trace = new List<double>();
            for (int k = 0; k < 3; k++)
            {
                c.Update(Period * k, Period, [1.0, 0.0], [0.0, 0.0], command);
                trace.Add(command[0]);
            }

            return [.. trace];
        }

        Assert.Equal(Run(42), Run(42));
        Assert.NotEqual(Run(42), Run(43));
    }

    [Fact]
    public void Reset_RestartsNoiseStream_ReplaysSameCommands()
    {
        var c = new MppiController(MpcTestModels.DoubleIntegrator(), new SamplingMpcOptions { BatchSize = 100, Horizon = 8 },
            MpcTestModels.QuadraticCosts(), new Rng(9));
        var command = new double[1];
        c.Update(SimTime.Zero, Period, [1.0, 0.0], [0.0, 0.0], command);
        double first = command[0];
        c.Update(Period, Period, [0.9, -0.5], [0.0, 0.0], command);

        c.Reset();
        c.Update(SimTime.Zero, Period, [1.0, 0.0], [0.0, 0.0], command);

        Assert.Equal(first, command[0]);
    }

    [Fact]
    public void Plan_ControlLimits_EverySampleAndThePlanStayWithin()
    {
        var c = new MppiController(MpcTestModels.DoubleIntegrator(), new SamplingMpcOptions
        {
            BatchSize = 200, Horizon = 10, NoiseStd = [5.0], ControlMin = [-2.0], ControlMax = [1.0],
        }, MpcTestModels.QuadraticCosts(), new Rng(1));
        var command = new double[1];

        var status = c.Update(SimTime.Zero, Period, [1.0, 0.0], [0.0, 0.0], command);

        // The unconstrained optimum is about -7.6, so the plan presses against the lower limit (the weighted mean of
        // clamped samples lies on or just inside it).
        Assert.NotEqual(ControllerStatus.Failed, status);
        Assert.InRange(command[0], -2.0, -1.5);
        foreach (double u in c.PlannedControls) Assert.InRange(u, -2.0, 1.0);
    }

    [Fact]
    public void ClosedLoop_DoubleIntegrator_ReachesGoal()
    {
        var model = MpcTestModels.DoubleIntegrator();
        var c = new MppiController(model, new SamplingMpcOptions
        {
            BatchSize = 200, Horizon = 20, Temperature = 0.1, NoiseStd = [1.0], Iterations = 2, ControlMin = [-10], ControlMax = [10],
        }, MpcTestModels.QuadraticCosts(), new Rng(2));
        double[] x = [1.0, 0.0];
        var command = new double[1];
        for (int k = 0; k < 60; k++)
        {
            c.Update(Period * k, Period, x, [0.0, 0.0], command);
            model.Step(x, command, x);
        }

        // 6 s of closed loop with an LQR-like law whose closed-loop poles are well inside the unit circle.
        Assert.InRange(Math.Abs(x[0]), 0, 0.05);
        Assert.InRange(Math.Abs(x[1]), 0, 0.1);
    }

    [Fact]
    public void Breakdown_SharesSumToOne_ValuesSumToPlanCost()
    {
        var c = new MppiController(MpcTestModels.DoubleIntegrator(), new SamplingMpcOptions { BatchSize = 100, Horizon = 10 },
            [new GoalCost { StateWeights = [1.0, 0.1] }, new ControlEffortCost(), new ControlRateCost()], new Rng(4));

        c.Plan(SimTime.Zero, [1.0, 0.0], [0.0, 0.0]);

        var b = c.Breakdown;
        Assert.Equal(["goal", "control_effort", "control_rate"], b.TermNames);
        double sum = 0, shares = 0;
        for (int i = 0; i < 3; i++)
        {
            sum += b.TermValues[i];
            shares += b.Shares[i];
        }

        Assert.Equal(b.Total, sum, 12);
        Assert.Equal(1.0, shares, 12);
        Assert.Equal(c.PlanCost, b.Total);
    }

    [Fact]
    public void Update_NonFiniteState_FailsWithZeroCommand()
    {
        var c = new MppiController(MpcTestModels.DoubleIntegrator(), new SamplingMpcOptions { BatchSize = 10, Horizon = 5 },
            MpcTestModels.QuadraticCosts(), new Rng(4));
        var command = new[] { 3.0 };

        Assert.Equal(ControllerStatus.Failed, c.Update(SimTime.Zero, Period, [double.NaN, 0.0], [0.0, 0.0], command));
        Assert.Equal(0.0, command[0]);
    }
}
