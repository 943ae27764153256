using Robotics.Core.Randomness;
using Robotics.Sim.Hybrid;
using Robotics.Sim.Hybrid.Walker;

namespace Robotics.Sim.Tests.Hybrid;

public class CompassGaitTests
{
    // Printed by tests/golden/hybrid/compass_gait_golden.py (scipy solve_ivp DOP853, rtol = atol = 1e-12, with events):
    // compass gait, gamma = 0.05, x0 = {-0.2, 0.3, 1.2, 0.5}
    private const double ImpactTime = 0.652471142565772;
    private static readonly double[] s_preImpact = [0.316058840499146, -0.216058840499146, 1.63305513859841, 1.52182989790736];
    private static readonly double[] s_postImpact = [-0.216058840499146, 0.316058840499146, 1.14794820952006, 0.34539819389374];
    private const double EnergyStart = 20.7381825738282, EnergyAfterImpact = 20.6193300254567;

    // { slope, phi1*, w1*, w2*, period } from the same script (fsolve on the Poincare map).
    public static TheoryData<double, double, double, double, double> GoldenGaits => new()
    {
        { 0.02, -0.155237433755704, 0.924528049583673, 0.62076938117575, 0.651707155681372 },
        { 0.03, -0.17114221652538, 1.00829250522842, 0.561668756080713, 0.661443898750889 },
        { 0.04, -0.181881637476675, 1.06257453361971, 0.479496123571474, 0.670648471114461 },
        { 0.05, -0.189508075230538, 1.09984831904489, 0.386064176782023, 0.679468643043832 },
        { 0.06, -0.19502705563928, 1.1261003839642, 0.286719126520612, 0.688007768174845 },
    };

    [Fact]
    public void OneStep_ImpactTimeAndStates_MatchScipy()
    {
        var walker = new CompassGait(new CompassGaitParameters { SlopeRad = 0.05 });
        var map = new CompassGaitPoincareMap(walker, 1e-3);
        Assert.True(map.TryStep(new WalkerSection(-0.2, 1.2, 0.5), 0.0, out var post));
        Assert.True(Math.Abs(map.LastImpactTime - ImpactTime) < 1e-9, $"impact {map.LastImpactTime:R} vs {ImpactTime:R}");
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(s_preImpact[i], map.LastPreImpactState[i], 8);
        }

        Assert.Equal(s_postImpact[0], post.StanceAngleRad, 8);
        Assert.Equal(s_postImpact[2], post.StanceRateRadS, 8);
        Assert.Equal(s_postImpact[3], post.SwingRateRadS, 8);
        Assert.Equal(EnergyStart, walker.Energy([-0.2, 0.3, 1.2, 0.5]), 10);
        Assert.Equal(EnergyAfterImpact, walker.Energy([post.StanceAngleRad, 2 * 0.05 - post.StanceAngleRad, post.StanceRateRadS, post.SwingRateRadS]), 7);
    }

    [Fact]
    public void Swing_ConservesEnergy_ImpactDissipatesKineticEnergy()
    {
        var walker = new CompassGait();
        var sim = new HybridSimulator(walker, 1e-3);
        double[] x0 = [-0.2, 0.3, 1.2, 0.5];
        sim.Initialize(0.0, CompassGait.SwingMode, x0);
        double e0 = walker.Energy(x0), maxDrift = 0.0;
        double[] input = [0.0];
        while (sim.StepEventCount == 0 && sim.Time < 2.0)
        {
            sim.Step(input);
            if (sim.StepEventCount == 0)
            {
                maxDrift = Math.Max(maxDrift, Math.Abs(walker.Energy(sim.State) - e0));
            }
        }

        Assert.True(maxDrift < 1e-9 * e0, $"swing energy drift {maxDrift:E3}");
        var pre = sim.GetPreResetState(0).ToArray();
        Assert.Equal(e0, walker.Energy(pre), 9);
        var post = (double[])pre.Clone();
        walker.ApplyImpact(post);
        // Plastic impact: kinetic energy can only be lost; the configuration (hence potential energy) is unchanged.
        Assert.True(walker.KineticEnergy(post) < walker.KineticEnergy(pre));
        Assert.Equal(pre[0], post[1]);
        Assert.Equal(pre[1], post[0]);
    }

    [Theory]
    [MemberData(nameof(GoldenGaits))]
    public void GaitLibrary_FixedPoints_MatchScipy(double slope, double phi1, double w1, double w2, double period)
    {
        var map = new CompassGaitPoincareMap(new CompassGait(), 1e-3);
        var gait = GaitLibrary.FindGait(map, slope, 0.0, GaitLibrary.DefaultGuess);
        Assert.NotNull(gait);
        Assert.True(gait.Residual < 1e-10, $"residual {gait.Residual:E3}");
        Assert.Equal(phi1, gait.FixedPoint.StanceAngleRad, 7);
        Assert.Equal(w1, gait.FixedPoint.StanceRateRadS, 7);
        Assert.Equal(w2, gait.FixedPoint.SwingRateRadS, 7);
        Assert.True(Math.Abs(gait.StepPeriodS - period) < 1e-8, $"period {gait.StepPeriodS:R} vs {period:R}");
    }

    [Fact]
    public void GaitLibrary_Build_ContainsAllSlopesSorted()
    {
        var lib = GaitLibrary.Build(new CompassGaitParameters(), [0.06, 0.02, 0.04]);
        Assert.Equal(3, lib.Gaits.Count);
        Assert.Equal(0.02, lib.Gaits[0].SlopeRad);
        Assert.Equal(0.06, lib.Gaits[2].SlopeRad);
        Assert.Equal(0.04, lib.Nearest(0.041)!.SlopeRad);
    }

    [Fact]
    public void PassiveGait_PerturbedStart_ConvergesToLimitCycle()
    {
        // The scipy script reports Poincare eigenvalue magnitudes 0.64, 0.64, 0.18 at gamma = 0.05: a stable cycle.
        var map = new CompassGaitPoincareMap(new CompassGait(), 1e-3);
        var z = new WalkerSection(-0.189508075230538 + 0.01, 1.09984831904489 - 0.03, 0.386064176782023 + 0.05);
        for (int i = 0; i < 40; i++)
        {
            Assert.True(map.TryStep(z, 0.0, out z));
        }

        Assert.Equal(-0.189508075230538, z.StanceAngleRad, 6);
        Assert.Equal(1.09984831904489, z.StanceRateRadS, 6);
    }

    [Fact]
    public void Walk_Replay_IsBitIdentical()
    {
        Assert.Equal(Walk(7), Walk(7));
        Assert.NotEqual(Walk(7), Walk(8));
    }

    private static string Walk(ulong seed)
    {
        var rng = new Rng(seed);
        var walker = new CompassGait();
        var sim = new HybridSimulator(walker, 1e-3);
        sim.Initialize(0.0, CompassGait.SwingMode, [-0.19, 0.29, 1.1, 0.39]);
        var hash = new TrajectoryHash();
        double[] input = [0.0];
        int impacts = 0;
        while (sim.Time < 4.0 && !sim.IsTerminal)
        {
            var r = sim.Step(input);
            if (r.EventCount > 0)
            {
                impacts++;
                input[0] = 0.05 * (rng.NextDouble() - 0.5);
            }

            hash.Add(sim);
        }

        Assert.True(impacts >= 4, $"only {impacts} impacts");
        return hash.Finish();
    }

    [Fact]
    public void TooSlowStart_FallsBackwards()
    {
        // Too little forward rate: the stance leg never passes the vertical and the walker falls back (hip height guard).
        var map = new CompassGaitPoincareMap(new CompassGait(), 1e-3);
        Assert.False(map.TryStep(new WalkerSection(-0.2, 0.3, 0.0), 0.0, out _));
        Assert.True(map.Simulator.IsTerminal);
    }
}
