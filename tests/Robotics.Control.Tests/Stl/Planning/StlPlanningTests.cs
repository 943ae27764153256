using Robotics.Control.Stl;
using Robotics.Control.Stl.Planning;
using Robotics.Control.Stl.Tasks;
using Robotics.Core.Randomness;
using Robotics.Core.Time;

namespace Robotics.Control.Tests.Stl.Planning;

public sealed class StlPlanningTests
{
    [Fact]
    public void Evaluator_EqualsOfflineRobustness_AndAllocatesNothing()
    {
        var spec = StlSpecification.Parse("always[0:3](x >= 0 or eventually[1:4](y > 1)) and ((x >= 0) until[0:5] (y >= 0.5)) and once[0:2](x < 2)");
        var rng = new Rng(11);
        var x = new double[40];
        var y = new double[40];
        var evaluator = new StlRobustnessEvaluator(spec, 1.0, 40);
        for (int trial = 0; trial < 10; trial++)
        {
            for (int k = 0; k < 40; k++)
            {
                x[k] = rng.NextGaussian();
                y[k] = rng.NextGaussian();
            }

            double[][] columns = spec.Signals[0] == "x" ? [x, y] : [y, x];
            double expected = StlRobustness.Evaluate(spec, columns, 1.0)[0];
            Assert.Equal(expected, evaluator.Evaluate(columns));
        }

        double[][] warm = spec.Signals[0] == "x" ? [x, y] : [y, x];
        long before = GC.GetAllocatedBytesForCurrentThread();
        evaluator.Evaluate(warm);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("car")]
    [InlineData("rover")]
    public void SmoothGradient_EqualsFiniteDifferences(string name)
    {
        var task = StlTaskCatalog.Create(name);
        int m = task.Dynamics.InputSize, h = task.Horizon;
        var scorer = new StlTrajectoryScorer(task, task.PlanningSpecification, h, 5.0);
        var rng = new Rng(21);
        var x0 = new double[task.Dynamics.StateSize];
        task.SampleInitialState(rng, x0);
        if (name == "car")
        {
            x0[1] = 5; // mid-range speed: the speed clip stays inactive for small accelerations
        }

        var u = new double[h * m];
        for (int i = 0; i < u.Length; i++)
        {
            int j = i % m;
            u[i] = name == "car" ? rng.NextUniform(-1, 1) : (j == 0 ? rng.NextUniform(0.5, 1.5) : rng.NextUniform(-1, 1));
        }

        var g = new double[u.Length];
        scorer.SmoothGradient(x0, u, g);
        const double eps = 1e-6;
        for (int i = 0; i < u.Length; i++)
        {
            double keep = u[i];
            u[i] = keep + eps;
            scorer.Rollout(x0, u);
            double up = scorer.Smooth(scorer.States);
            u[i] = keep - eps;
            scorer.Rollout(x0, u);
            double down = scorer.Smooth(scorer.States);
            u[i] = keep;
            Assert.Equal((up - down) / (2 * eps), g[i], 4);
        }
    }

    [Fact]
    public void Backup_KeepsMostRobustGridSequence()
    {
        var task = new TrafficLightCarTask();
        var backup = new StlBackupPolicy(task, levels: 5, steps: 2, temperature: 10);
        Assert.Equal(25, backup.CandidateCount); // 5 levels ^ (1 input x 2 steps)
        var scorer = new StlTrajectoryScorer(task, task.PlanningSpecification, task.Horizon, 10);
        double[] state = [14.5, 10, 3.5, 200, 10];
        var plan = new double[task.Horizon]; // coast at 10 m/s: x = 20.5 at clock 4.1 s (red) -> violated
        double before = scorer.HardOfPlan(state, plan);
        Assert.True(before < 0);

        // Independent brute force over the 25 prefixes {-10,-5,0,5,10}^2 completed by the zero plan.
        double best = before;
        double[] levels = [-10, -5, 0, 5, 10];
        foreach (double a0 in levels)
        {
            foreach (double a1 in levels)
            {
                var candidate = new double[task.Horizon];
                candidate[0] = a0;
                candidate[1] = a1;
                best = Math.Max(best, scorer.HardOfPlan(state, candidate));
            }
        }

        double kept = backup.Improve(state, plan, before);
        Assert.Equal(best, kept, 12);
        Assert.Equal(kept, scorer.HardOfPlan(state, plan), 12);
        Assert.All(plan.Skip(2), u => Assert.Equal(0.0, u));
    }

    [Fact]
    public void Planner_CarApproachingRedLight_StopsBeforeTheLine()
    {
        var task = new TrafficLightCarTask();
        var planner = new StlPlanner(task, new StlPlannerOptions { BatchSize = 128 }, new Rng(7));
        double[] state = [5, 8, 2.5, 300, 10]; // red from clock 4 s to 8 s; the line at 20 m is 1.9 s away at 8 m/s
        var command = new double[1];
        var next = new double[5];
        var xs = new double[61];
        var red = new double[61];
        var gap = new double[61];
        var v = new double[61];
        for (int k = 0; k <= 60; k++)
        {
            xs[k] = state[0];
            v[k] = state[1];
            gap[k] = state[3] - state[0];
            red[k] = TrafficLightCarTask.Red(state[2]);
            if (k == 60)
            {
                break;
            }

            planner.Step(SimTime.FromSeconds(k * 0.1), state, command);
            task.Dynamics.Step(state, command, next);
            next.CopyTo(state, 0);
        }

        var spec = StlSpecification.Parse("always(red <= 0 or x <= 20 or x >= 21)");
        double[][] columns = spec.Signals.Select(s => s switch { "red" => red, _ => xs }).ToArray();
        Assert.True(StlRobustness.Evaluate(spec, columns, 0.1)[0] >= 0, "the car entered the intersection on red");
    }

    [Fact]
    public void Planner_Step_AllocatesNothingAfterWarmUp()
    {
        var task = new RoverBatteryTask();
        var planner = new StlPlanner(task, new StlPlannerOptions { BatchSize = 64 }, new Rng(1));
        double[] state = [2, 2, 3];
        var command = new double[2];
        planner.Step(SimTime.Zero, state, command);
        planner.Step(SimTime.Zero, state, command);
        long before = GC.GetAllocatedBytesForCurrentThread();
        planner.Step(SimTime.Zero, state, command);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
