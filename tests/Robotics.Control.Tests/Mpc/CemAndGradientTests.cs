using Robotics.Control.Loop;
using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Costs;
using Robotics.Core.Randomness;
using Robotics.Core.Time;

namespace Robotics.Control.Tests.Mpc;

public class CemAndGradientTests
{
    [Fact]
    public void Cem_DoubleIntegrator_ApproachesUnconstrainedOptimum()
    {
        var cem = new CemController(MpcTestModels.DoubleIntegrator(), new SamplingMpcOptions
        {
            BatchSize = 1000, Horizon = 20, NoiseStd = [4.0], Iterations = 30, EliteCount = 50, MinStd = 1e-4,
        }, MpcTestModels.QuadraticCosts(), new Rng(3));

        Assert.Equal(ControllerStatus.Ok, cem.Plan(SimTime.Zero, [1.0, 0.0], [0.0, 0.0]));

        Assert.InRange(cem.PlanCost, MpcGoldenData.OptimalCostH20, MpcGoldenData.OptimalCostH20 * 1.02);
        Assert.Equal(MpcGoldenData.OptimalControlsH20[0], cem.PlannedControls[0], 0.3);
    }

    [Fact]
    public void Cem_SameSeed_BitIdentical()
    {
        double[] Run() 
        {
            var c = new CemController(MpcTestModels.DoubleIntegrator(), new SamplingMpcOptions { BatchSize = 100, Horizon = 8, EliteCount = 10, Iterations = 3 },
                MpcTestModels.QuadraticCosts(), new Rng(77));
            c.Plan(SimTime.Zero, [1.0, 0.0], [0.0, 0.0]);
            return c.PlannedControls.ToArray();
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Gradient_DoubleIntegrator_MatchesLeastSquaresOptimum()
    {
        var g = new GradientMpcController(MpcTestModels.DoubleIntegrator(), new GradientMpcOptions { Horizon = 20, Iterations = 500, Tolerance = 0 },
            MpcTestModels.QuadraticCosts());

        Assert.Equal(ControllerStatus.Ok, g.Plan(SimTime.Zero, [1.0, 0.0], [0.0, 0.0]));

        for (int t = 0; t < 5; t++) Assert.Equal(MpcGoldenData.OptimalControlsH20[t], g.PlannedControls[t], 1e-5);
        Assert.Equal(MpcGoldenData.OptimalCostH20, g.PlanCost, 1e-9);
    }

    [Fact]
    public void Gradient_LongHorizon_FirstControlEqualsLqr()
    {
        // H = 60 (6 s): the finite-horizon optimum's first control equals -K x0 of the infinite-horizon LQR to 4e-13.
        var g = new GradientMpcController(MpcTestModels.DoubleIntegrator(), new GradientMpcOptions { Horizon = 60, Iterations = 2000, Tolerance = 1e-15 },
            MpcTestModels.QuadraticCosts());

        g.Plan(SimTime.Zero, [1.0, 0.0], [0.0, 0.0]);

        Assert.Equal(MpcGoldenData.LqrFirstControl, g.PlannedControls[0], 1e-4);
    }

    [Fact]
    public void Gradient_DtTwoModelSteps_ChainsJacobiansToSameOptimum()
    {
        // Model dt 0.05 and plan dt 0.1 (two model steps per plan step): the same discrete problem as dt 0.1.
        var g = new GradientMpcController(MpcTestModels.DoubleIntegrator(0.05), new GradientMpcOptions { Horizon = 20, TimeStepS = 0.1, Iterations = 500, Tolerance = 0 },
            MpcTestModels.QuadraticCosts());

        g.Plan(SimTime.Zero, [1.0, 0.0], [0.0, 0.0]);

        Assert.Equal(MpcGoldenData.OptimalControlsH20[0], g.PlannedControls[0], 1e-5);
    }

    [Fact]
    public void Gradient_ControlLimits_ProjectsOntoBox()
    {
        var g = new GradientMpcController(MpcTestModels.DoubleIntegrator(), new GradientMpcOptions
        {
            Horizon = 20, Iterations = 200, ControlMin = [-3.0], ControlMax = [3.0],
        }, MpcTestModels.QuadraticCosts());
        var command = new double[1];

        var status = g.Update(SimTime.Zero, SimTime.FromMilliseconds(100), [1.0, 0.0], [0.0, 0.0], command);

        Assert.Equal(ControllerStatus.Saturated, status);
        Assert.Equal(-3.0, command[0]);
        foreach (double u in g.PlannedControls) Assert.InRange(u, -3.0, 3.0);
    }

    [Fact]
    public void Gradient_ObstacleBetweenStartAndGoal_PlanGoesAround()
    {
        // Planar point from (0, 0) to (2, 0) with a disc of radius 0.5 at (1, 0.3): the straight line crosses it.
        var g = new GradientMpcController(MpcTestModels.PlanarPoint(), new GradientMpcOptions { Horizon = 30, Iterations = 300 },
        [
            new GoalCost { RunningFactor = 0.0, TerminalFactor = 100.0 },
            new ControlEffortCost { Weight = 0.01 },
            new ObstacleCost { Obstacles = [1.0, 0.3, 0.5], SafetyMarginM = 0.2, Weight = 100.0 },
        ]);

        g.Plan(SimTime.Zero, [0.0, 0.0], [2.0, 0.0]);

        var x = g.PredictedStates;
        for (int t = 0; t <= 30; t++)
        {
            double dx = x[2 * t] - 1.0, dy = x[2 * t + 1] - 0.3;
            Assert.True(Math.Sqrt(dx * dx + dy * dy) > 0.5, $"step {t} at ({x[2 * t]}, {x[2 * t + 1]}) is inside the obstacle");
        }

        Assert.Equal(2.0, x[60], 0.1);
    }
}
