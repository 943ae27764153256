using Robotics.Sim.Plants;

namespace Robotics.Sim.Tests.Plants;

public sealed class PusherSliderTests
{
    // Defaults: half side a = 0.05 m, pusher radius 0.005 m, so contact at 0.055 m from the centre along a face normal.

    [Fact]
    public void Advance_CentralPushAlongNormal_TranslatesBoxWithPusher()
    {
        // By symmetry the friction cone edges give opposite moments: the sticking solution is a pure translation at v.
        var plant = new PusherSlider();
        double[] state = [0, 0, 0, -0.055, 0];
        for (int i = 0; i < 10; i++) plant.Advance(i * 0.1, 0.1, state, [0.05, 0]);

        Assert.Equal(0.05, state[0], 9);
        Assert.Equal(0, state[1], 9);
        Assert.Equal(0, state[2], 9);
        Assert.Equal(-0.005, state[3], 9);
    }

    [Fact]
    public void Advance_PusherMovingAway_LeavesBoxAtRest()
    {
        var plant = new PusherSlider();
        double[] state = [0.2, -0.1, 0.3, 0.2 - 0.055 * Math.Cos(0.3), -0.1 - 0.055 * Math.Sin(0.3)];
        plant.Advance(0, 0.5, state, [-0.05, 0.01]);

        Assert.Equal(0.2, state[0], 12);
        Assert.Equal(-0.1, state[1], 12);
        Assert.Equal(0.3, state[2], 12);
        Assert.Equal(0.2 - 0.055 * Math.Cos(0.3) - 0.025, state[3], 12);
    }

    [Fact]
    public void Advance_OffsetPush_RotatesBoxClockwise()
    {
        // Force +x applied at y = +0.03 on the -x face: moment c_x f_y - c_y f_x < 0, so the yaw decreases.
        var plant = new PusherSlider();
        double[] state = [0, 0, 0, -0.055, 0.03];
        plant.Advance(0, 0.2, state, [0.05, 0]);

        Assert.True(state[2] < -1e-3, $"yaw {state[2]}");
        Assert.True(state[0] > 0 && state[0] < 0.01, $"x {state[0]}");
    }

    [Fact]
    public void Advance_AnyPush_KeepsPusherOutsideTheBox()
    {
        var plant = new PusherSlider();
        double[] state = [0, 0, 0, -0.07, 0.02];
        var rng = new Robotics.Core.Randomness.Rng(4);
        for (int i = 0; i < 200; i++)
        {
            double[] u = [0.08 + rng.NextUniform(-0.03, 0.03), rng.NextUniform(-0.05, 0.05)];
            plant.Advance(i * 0.1, 0.1, state, u);
            double c = Math.Cos(state[2]), s = Math.Sin(state[2]);
            double dx = state[3] - state[0], dy = state[4] - state[1];
            double px = c * dx + s * dy, py = -s * dx + c * dy;
            Assert.True(Math.Max(Math.Abs(px), Math.Abs(py)) >= 0.055 - 1e-9, $"pusher inside the box at step {i}");
        }
    }
}
