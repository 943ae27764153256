using Robotics.Control.Loop;
using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Costs;
using Robotics.Core.Randomness;
using Robotics.Core.Time;

namespace Robotics.Control.Tests.Mpc;

public class MpcAllocationTests
{
    private static ICostTerm[] AllTerms() =>
    [
        new GoalCost(), new ReferenceTrackingCost(), new PathCost(), new ControlEffortCost(), new ControlRateCost(),
        new StateBoundsCost { StateIndices = [1], Lower = [-1], Upper = [1] }, new InputBoundsCost { Lower = [-1], Upper = [1] },
        new ObstacleCost { Obstacles = [0.5, 0.5, 0.2] },
    ];

    private static long AllocatedBytes(IController controller)
    {
        var command = new double[controller.CommandSize];
        double[] x = [1.0, 0.0], r = [0.0, 0.0];
        var period = SimTime.FromMilliseconds(100);
        for (int k = 0; k < 3; k++) controller.Update(period * k, period, x, r, command); // warm-up (JIT, first plan)
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 3; k < 13; k++) controller.Update(period * k, period, x, r, command);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Mppi_Update_AllocatesNothing() =>
        Assert.Equal(0, AllocatedBytes(new MppiController(MpcTestModels.DoubleIntegrator(), new SamplingMpcOptions { BatchSize = 64, Horizon = 10, Gamma = 0.1, Smoothing = 0.3 },
            AllTerms(), new Rng(1))));

    [Fact]
    public void Cem_Update_AllocatesNothing() =>
        Assert.Equal(0, AllocatedBytes(new CemController(MpcTestModels.DoubleIntegrator(), new SamplingMpcOptions { BatchSize = 64, Horizon = 10, EliteCount = 8, Iterations = 2 },
            AllTerms(), new Rng(1))));

    [Fact]
    public void Gradient_Update_AllocatesNothing() =>
        Assert.Equal(0, AllocatedBytes(new GradientMpcController(MpcTestModels.DoubleIntegrator(0.05), new GradientMpcOptions { Horizon = 10, TimeStepS = 0.1, Iterations = 5 },
            AllTerms())));
}
