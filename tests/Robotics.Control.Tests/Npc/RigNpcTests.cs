using Robotics.Control.Npc;
using Robotics.Control.Npc.Rigs;
using Robotics.Core.Time;
using Xunit;
using Xunit.Abstractions;

namespace Robotics.Control.Tests.Npc;

/// <summary>The Newton NPC on the analytic rig lag model, driving that same model as the plant.</summary>
public sealed class RigNpcTests(ITestOutputHelper output)
{
    [Fact]
    public void HaselNpc_OnItsOwnModel_ReachesTheSetPoint()
    {
        var k = new HaselKinematics();
        var model = new RigLagPredictor(k, 0.005);
        var npc = new NewtonNpcController(model, new NewtonNpcOptions
        {
            OutputWeights = [900, 900, 1e6],
            InputChangeWeights = [.. Enumerable.Repeat(1e-2, 6)],
            FallbackCommand = new double[6],
            FiniteDifferenceStep = 1e-3,
            HessianDamping = 20,
            BarrierCentre = new double[6],
            BarrierRange = [.. Enumerable.Repeat(1.02, 6)],
            CommandMin = [.. Enumerable.Repeat(-0.4, 6)],
            CommandMax = [.. Enumerable.Repeat(0.5, 6)],
        }, 27, 3);
        var y = new double[27];
        var next = new double[3];
        var u = new double[6];
        double[] target = [0.03, -0.02, 0.002];
        for (int tick = 0; tick < 400; tick++)
        {
            npc.Update(SimTime.Zero, SimTime.FromMilliseconds(5), y, target, u);
            model.Predict(u, y, next);
            next.CopyTo(y, 0);
            if (tick % 50 == 0) output.WriteLine($"{tick}: u {string.Join(" ", u.Select(v => v.ToString("F3")))} y {y[0]:F4} {y[1]:F4} {y[2]:F5}");
        }

        Assert.Equal(0.03, y[0], 1e-3);
        Assert.Equal(-0.02, y[1], 1e-3);
        Assert.Equal(0.002, y[2], 1e-5);
    }
}
