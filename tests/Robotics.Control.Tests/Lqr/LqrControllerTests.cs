using Robotics.Control.Loop;
using Robotics.Control.Lqr;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Numerics;
using Robotics.Core.Parameters;
using Robotics.Core.Time;

namespace Robotics.Control.Tests.Lqr;

public class LqrControllerTests
{
    private static readonly SimTime Period = SimTime.FromMilliseconds(10);

    [Fact]
    public void Update_ComputesEquilibriumMinusGainTimesError()
    {
        // u = 0.5 - [1, 2] ([1, 1] - [0, 0.5]) = 0.5 - (1 + 1) = -1.5
        var controller = new LqrController(Matrix.FromRows([1.0, 2.0]), [0.5]);
        var command = new double[1];

        var status = controller.Update(SimTime.Zero, Period, [1.0, 1.0], [0.0, 0.5], command);

        Assert.Equal(ControllerStatus.Ok, status);
        Assert.Equal(-1.5, command[0], 15);
        Assert.Equal((2, 2, 1), (controller.StateSize, controller.ReferenceSize, controller.CommandSize));
    }

    [Fact]
    public void Update_PerEntryLimits_ClipAndReportSaturated()
    {
        // u = -K x with K = I (2x2), x = [3, -3] -> [-3, 3]; limits [-1, -2] .. [1, 2] -> [-1, 2].
        var controller = new LqrController(Matrix.Identity(2), [], new LqrControllerParameters { OutputMin = [-1, -2], OutputMax = [1, 2] });
        var command = new double[2];

        var status = controller.Update(SimTime.Zero, Period, [3.0, -3.0], [0.0, 0.0], command);

        Assert.Equal(ControllerStatus.Saturated, status);
        Assert.Equal([-1.0, 2.0], command);
    }

    [Fact]
    public void Update_NonFiniteState_Fails()
    {
        var controller = new LqrController(Matrix.FromRows([1.0, 2.0]), [0.5]);
        var command = new double[1];

        Assert.Equal(ControllerStatus.Failed, controller.Update(SimTime.Zero, Period, [double.NaN, 0], [0, 0], command));
        Assert.Equal(ControllerStatus.Failed, controller.Update(SimTime.Zero, Period, [0, 0], [0, double.PositiveInfinity], command));
    }

    [Fact]
    public void Constructor_InconsistentLimits_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new LqrController(Matrix.Identity(1), [0.0], new LqrControllerParameters { OutputMin = [2], OutputMax = [1] }));
        Assert.Contains("output_min", ex.Message);
    }

    [Fact]
    public void FromParameters_GainFromParameters_BuildsSameLaw()
    {
        var set = new ParameterSet(LqrController.Parameters);
        set.Set("gain", ParameterValue.FromDoubleArray([1.0, 2.0]));
        set.Set("state_size", ParameterValue.FromInteger(2));
        set.Set("equilibrium_input", ParameterValue.FromDoubleArray([0.5]));
        set.Set("output_max", ParameterValue.FromDoubleArray([10.0]));
        var controller = LqrController.FromParameters(set);
        var command = new double[1];

        controller.Update(SimTime.Zero, Period, [1.0, 1.0], [0.0, 0.5], command);

        Assert.Equal(-1.5, command[0], 15);
    }

    [Fact]
    public void Update_AllocatesNothing()
    {
        var controller = new LqrController(new Matrix(LqrGoldenData.CartPoleDiscreteK), [0.0], new LqrControllerParameters { OutputMin = [-10], OutputMax = [10] });
        var state = new double[] { 0.1, 0.05, 0, 0 };
        var reference = new double[4];
        var command = new double[1];
        for (int i = 0; i < 10; i++) controller.Update(SimTime.Zero, Period, state, reference, command);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) controller.Update(Period * i, Period, state, reference, command);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
    }

    [Fact]
    public void ClosedLoop_NonlinearCartPoleFromTiltedStart_ReturnsUpright()
    {
        // Design chain as a scenario would use it: linearise, discretise at the loop period, DARE gain.
        var plant = new CartPoleModel();
        var (a, b) = Linearization.Jacobians(plant, [0, 0, 0, 0], [0]);
        var (ad, bd) = Discretization.ZeroOrderHold(a, b, 0.01);
        var k = Robotics.Control.Lqr.Lqr.DiscreteGain(ad, bd, new Matrix(LqrGoldenData.CartPoleQ), new Matrix(LqrGoldenData.CartPoleR));
        var controller = new LqrController(k, [0.0], new LqrControllerParameters { OutputMin = [-20], OutputMax = [20] });

        var integrator = new Rk4Integrator(4);
        var x = new double[] { 0.0, 0.15, 0.0, 0.0 };   // 0.15 rad (8.6 degrees) off upright
        var reference = new double[4];
        var u = new double[1];
        for (int tick = 0; tick < 1000; tick++)      // 10 s
        {
            var status = controller.Update(Period * tick, Period, x, reference, u);
            Assert.NotEqual(ControllerStatus.Failed, status);
            for (int sub = 0; sub < 10; sub++) integrator.Step(plant, tick * 0.01 + sub * 0.001, 0.001, x, u);
        }

        Assert.True(Math.Abs(x[1]) < 1e-3, $"pole angle {x[1]} rad");
        Assert.True(Math.Abs(x[0]) < 1e-2, $"cart position {x[0]} m");
    }
}
