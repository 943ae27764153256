using Robotics.Control.Racing;
using Robotics.Sim.Racing;

namespace Robotics.Sim.Tests.Racing;

/// <summary>Frenet racing plant against closed-form motions.</summary>
public sealed class FrenetRacingPlantTests
{
    [Fact]
    public void Advance_StraightConstantAcceleration_MatchesKinematics()
    {
        // Straight track (kappa = 0), alpha = 0, delta = 0: s = s0 + v0 t + a t^2 / 2, n constant, v = v0 + a t.
        // RK4 is exact for this quadratic motion: s(1) = 2 + 0.25 = 2.25, v(1) = 2.5.
        var plant = new FrenetRacingPlant(new TrackProfile([(100.0, 0.0)], 1.0));
        double[] x = [0, 0.2, 0, 2, 0];
        for (int k = 0; k < 10; k++) plant.Advance(k * 0.1, 0.1, x, [0.5, 0]);
        Assert.Equal(2.25, x[0], 12);
        Assert.Equal(0.2, x[1], 12);
        Assert.Equal(0.0, x[2], 12);
        Assert.Equal(2.5, x[3], 12);
    }

    [Fact]
    public void Advance_SteadyCorneringOnCentreline_KeepsHeadingAndOffset()
    {
        // On a circle of curvature 1/3 with tan(delta) = kappa L: alpha' = v tan(delta)/L - kappa v = 0, so alpha and n stay 0
        // and s = v t (= 2 m after 1 s at 2 m/s); lateral acceleration v^2 kappa = 4/3 m/s^2.
        const double kappa = 1.0 / 3.0, l = 0.307;
        var plant = new FrenetRacingPlant(new TrackProfile([(2 * Math.PI * 3, kappa)], 1.0), l);
        double[] x = [0, 0, 0, 2, Math.Atan(kappa * l)];
        for (int k = 0; k < 20; k++) plant.Advance(k * 0.05, 0.05, x, [0, 0]);
        Assert.Equal(2.0, x[0], 10);
        Assert.Equal(0.0, x[1], 10);
        Assert.Equal(0.0, x[2], 10);
        Assert.Equal(4.0 / 3.0, plant.LateralAcceleration(x), 10);
    }

    [Fact]
    public void Track_WrapsArcLength_AndReturnsSegmentCurvature()
    {
        var track = TrackProfile.Default; // 15 m straight, pi*3 m arc (kappa 1/3), 15 m straight, pi*3 m arc
        Assert.Equal(30 + 6 * Math.PI, track.LengthM, 12);
        Assert.Equal(0.0, track.Curvature(5));
        Assert.Equal(1.0 / 3.0, track.Curvature(16));
        Assert.Equal(0.0, track.Curvature(track.LengthM + 5));
        Assert.Equal(1.0 / 3.0, track.Curvature(-1));
    }

    [Fact]
    public void RacingRun_DefaultMpc_LapsWithoutLeavingTheTrack()
    {
        // Closed loop, 10 s: the car must make progress (> 30 m, a first-lap invariant: 5.5 m/s target) and stay within the walls.
        var track = TrackProfile.Default;
        var run = new RacingRun(new FrenetRacingPlant(track), new RacingMpcController(RacingMpcController.DefaultParameters(), track));
        run.Run(200);
        var m = run.Metrics();
        Assert.Equal(0, m.OffTrackTicks);
        Assert.True(m.ProgressM > 30, $"progress {m.ProgressM} m");
    }
}
