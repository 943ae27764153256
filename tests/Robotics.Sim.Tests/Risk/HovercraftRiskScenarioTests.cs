using Robotics.Control.Risk;
using Robotics.Sim.Risk;

namespace Robotics.Sim.Tests.Risk;

/// <summary>The hovercraft plant's physics (terminal velocities from the force balance) and the scenario's seeded trials.</summary>
public sealed class HovercraftRiskScenarioTests
{
    private static double[] Run(HovercraftPlant plant, double[] state, double uL, double uR, double seconds)
    {
        const double h = 0.01;
        for (int i = 0; i < (int)Math.Round(seconds / h); i++)
        {
            plant.Advance(i * h, h, state, [uL, uR]);
        }

        return state;
    }

    [Fact]
    public void EqualThrust_ReachesTerminalSpeed_AlongHeading()
    {
        // Force balance g (u_L + u_R) = c v: with g = 1.2, u = 0.5 N each, c = 0.8 N s/m the terminal speed is 1.5 m/s along θ.
        var plant = new HovercraftPlant(new HovercraftParameters { ThrustGain = 1.2, DragNsM = 0.8, MassKg = 1.5 });
        double theta = 0.7;
        var state = Run(plant, [0, 0, theta, 0, 0, 0], 0.5, 0.5, 40.0); // 40 s = 21 time constants m/c
        Assert.Equal(1.5 * Math.Cos(theta), state[3], 6);
        Assert.Equal(1.5 * Math.Sin(theta), state[4], 6);
        Assert.Equal(theta, state[2], 12);
        Assert.Equal(0.0, state[5], 12);
    }

    [Fact]
    public void DifferentialThrust_ReachesTerminalYawRate()
    {
        // Torque balance g r (u_R - u_L) = c ρ ω: g = 1, r = 0.2 m, u_R - u_L = 1 N, c ρ = 1 x 0.05: ω = 4 rad/s;
        // time constant I / c_r = 0.125 / 0.05 = 2.5 s, 60 s is 24 of them. Thrust above the limit is clamped (3 N -> 2 N).
        var plant = new HovercraftPlant();
        var state = Run(plant, [0, 0, 0, 0, 0, 0], 1.0, 3.0, 60.0);
        Assert.Equal(4.0, state[5], 6);
    }

    [Fact]
    public void NoThrust_VelocityDecaysExponentially()
    {
        // v(t) = v0 exp(-c t / m): m = 2, c = 1, t = 2 s -> exp(-1).
        var plant = new HovercraftPlant();
        var state = Run(plant, [0, 0, 0, 1.0, -0.5, 0], 0, 0, 2.0);
        Assert.Equal(Math.Exp(-1), state[3], 8);
        Assert.Equal(-0.5 * Math.Exp(-1), state[4], 8);
        Assert.Equal(2.0 * (1 - Math.Exp(-1)), state[0], 8); // x = v0 m / c (1 - e^{-ct/m})
    }

    [Fact]
    public void DrawParameters_IsSeeded_AndWithinClamps()
    {
        for (ulong seed = 0; seed < 50; seed++)
        {
            var p = HovercraftRiskScenario.DrawParameters(seed);
            Assert.Equal(p, HovercraftRiskScenario.DrawParameters(seed));
            Assert.InRange(p.MassKg, 1.0, 3.0);
            Assert.InRange(p.DragNsM, 0.3, 2.0);
            Assert.InRange(p.ThrustGain, 0.7, 1.3);
        }

        Assert.NotEqual(HovercraftRiskScenario.DrawParameters(1), HovercraftRiskScenario.DrawParameters(2));
    }

    [Fact]
    public void RunTrial_IsDeterministic_AndGateChecksEveryTick()
    {
        var scenario = new HovercraftRiskScenario(new DrivingRiskOptions { RiskSamples = 200, MppiSamples = 64 });
        var ticks = new List<RiskTrialTick>();
        var a = scenario.RunTrial(RiskPlannerKind.RiskChecked, 1000, ticks.Add);
        var b = scenario.RunTrial(RiskPlannerKind.RiskChecked, 1000);
        Assert.Equal(a, b);
        Assert.Equal(a.Ticks, ticks.Count);
        Assert.All(ticks, t => Assert.NotEqual(RiskGateStatus.Unchecked, t.Decision.Status));
    }
}
