using Robotics.Control.Stl;
using Robotics.Control.Stl.Planning;
using Robotics.Control.Stl.Tasks;
using Robotics.Core.Randomness;

namespace Robotics.Control.Tests.Stl.Planning;

public sealed class StlTaskTests
{
    [Fact]
    public void CarStep_HandComputed()
    {
        var task = new TrafficLightCarTask();
        var next = new double[5];
        task.Dynamics.Step([2, 4, 3.95, 10, 5], [2], next);
        // x + v dt = 2.4, v + a dt = 4.2, clock + dt = 4.05, lead + lead_v dt = 10.5, lead_v kept.
        AssertClose([2.4, 4.2, 4.05, 10.5, 5], next);
        task.Dynamics.Step([0, 9.9, 0, 10, 5], [5], next);
        Assert.Equal(10.0, next[1], 12); // 10.4 clipped to the 10 m/s limit
        task.Dynamics.Step([0, 0.1, 0, 10, 5], [-10], next);
        Assert.Equal(0.0, next[1], 12); // -0.9 clipped to 0
    }

    [Theory]
    [InlineData(0.0, -1.0)]
    [InlineData(3.9, -1.0)]
    [InlineData(4.0, 1.0)]
    [InlineData(7.9, 1.0)]
    [InlineData(8.1, -1.0)]
    [InlineData(-1.0, 1.0)] // phase 7 s
    public void CarLight_RedForSecondHalfOfEightSecondPeriod(double clock, double expected) =>
        Assert.Equal(expected, TrafficLightCarTask.Red(clock));

    [Fact]
    public void RoverStep_HandComputed_AndRecharges()
    {
        var task = new RoverBatteryTask();
        var next = new double[3];
        task.Dynamics.Step([1, 1, 2], [5, Math.PI / 2], next);
        // cos(pi/2) = 0: x stays; y + 5 * 0.2 = 2; battery - dt = 1.8
        AssertClose([1, 2, 1.8], next);
        task.Dynamics.Step([1.5, 8.0, 0.3], [0, 0], next); // 0.5 m from the charger (< 0.8): recharged to 5
        Assert.Equal(5.0, next[2], 12);
    }

    [Fact]
    public void CarPlanningSpec_ConstantSpeedOnGreen_HandComputedRobustness()
    {
        var task = new TrafficLightCarTask();
        var scorer = new StlTrajectoryScorer(task, task.PlanningSpecification, task.Horizon, 20);
        double rho = scorer.HardOfPlan([0, 5, 0, 100, 5], new double[task.Horizon]);
        // Green for the whole 2.5 s; gap stays 100 (margin 99); x rises 0..12.5 so max(1, 20-x, x-21) >= 7.5;
        // safe = 7.5 at the last sample. Eventually: v - 3 = 2 (the waiting disjunct is -1 on green). min(7.5, 2) = 2.
        Assert.Equal(2.0, rho, 12);
    }

    [Theory]
    [InlineData("car")]
    [InlineData("rover")]
    public void DynamicsJacobians_EqualFiniteDifferences(string name)
    {
        var task = StlTaskCatalog.Create(name);
        var model = task.Dynamics;
        int n = model.StateSize, m = model.InputSize;
        var rng = new Rng(3);
        var x = new double[n];
        for (int trial = 0; trial < 20; trial++)
        {
            task.SampleInitialState(rng, x);
            var u = new double[m];
            for (int j = 0; j < m; j++)
            {
                u[j] = rng.NextUniform(task.ControlMin[j] * 0.5, task.ControlMax[j] * 0.5);
            }

            var f = new double[n];
            var a = new double[n * n];
            var b = new double[n * m];
            model.Jacobians(x, u, f, a, b);
            const double h = 1e-6;
            var fp = new double[n];
            var fm = new double[n];
            for (int j = 0; j < n; j++)
            {
                var xp = (double[])x.Clone();
                var xm = (double[])x.Clone();
                xp[j] += h;
                xm[j] -= h;
                model.Step(xp, u, fp);
                model.Step(xm, u, fm);
                for (int i = 0; i < n; i++)
                {
                    Assert.Equal((fp[i] - fm[i]) / (2 * h), a[i * n + j], 5);
                }
            }

            for (int j = 0; j < m; j++)
            {
                var up = (double[])u.Clone();
                var um = (double[])u.Clone();
                up[j] += h;
                um[j] -= h;
                model.Step(x, up, fp);
                model.Step(x, um, fm);
                for (int i = 0; i < n; i++)
                {
                    Assert.Equal((fp[i] - fm[i]) / (2 * h), b[i * m + j], 5);
                }
            }
        }
    }

    [Theory]
    [InlineData("car")]
    [InlineData("rover")]
    public void SignalJacobian_EqualsFiniteDifferences(string name)
    {
        var task = StlTaskCatalog.Create(name);
        int n = task.Dynamics.StateSize, s = task.SignalNames.Count;
        var rng = new Rng(5);
        var x = new double[n];
        task.SampleInitialState(rng, x);
        x[Math.Min(2, n - 1)] += name == "car" ? 0.05 : 0.0; // keep the car's light away from a switching instant
        var jac = new double[s * n];
        task.SignalJacobian(x, jac);
        var sp = new double[s];
        var sm = new double[s];
        const double h = 1e-6;
        for (int j = 0; j < n; j++)
        {
            var xp = (double[])x.Clone();
            var xm = (double[])x.Clone();
            xp[j] += h;
            xm[j] -= h;
            task.Signals(xp, sp);
            task.Signals(xm, sm);
            for (int i = 0; i < s; i++)
            {
                Assert.Equal((sp[i] - sm[i]) / (2 * h), jac[i * n + j], 5);
            }
        }
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 12);
        }
    }

    [Fact]
    public void Catalog_UnknownTask_ListsKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => StlTaskCatalog.Create("boat"));
        Assert.Contains("car, rover", e.Message);
    }

    [Fact]
    public void Scorer_SpecWithUnknownSignal_Rejected()
    {
        var task = new TrafficLightCarTask();
        var e = Assert.Throws<ArgumentException>(() =>
            new StlTrajectoryScorer(task, StlSpecification.Parse("always[0:1](speed >= 0)"), task.Horizon, 10));
        Assert.Contains("unknown signal 'speed'", e.Message);
        Assert.Contains("x, v, gap, red", e.Message);
    }
}
