using Robotics.Control.Loop;
using Robotics.Control.Mip.Networks;
using Robotics.Control.Mip.Planning;
using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Costs;
using Robotics.Core.Randomness;
using Robotics.Core.Time;
using Robotics.Models.Dynamics;

namespace Robotics.Control.Mip.Tests;

/// <summary>The IController wrapper: MIP command when the MIP solves, the MPPI plan's command (and a status saying so) when not.</summary>
public sealed class MipMpcControllerTests
{
    private static readonly SimTime Period = SimTime.FromSeconds(1);

    // The network as an IDynamicsModel, for the MPPI fallback.
    private sealed class NetworkModel(ReluDynamicsNetwork net) : IDynamicsModel
    {
        public int StateSize => net.StateSize;

        public int InputSize => net.InputSize;

        public int LatentSize => 0;

        public double TimeStep => 1;

        public IReadOnlyList<string> StateNames => ["x"];

        public IReadOnlyList<string> InputNames => ["u"];

        public void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState) => net.Step(state, input, nextState);
    }

    // x' = x + u (one identity neuron), |u| <= 1.
    private static ReluDynamicsNetwork Integrator() => new(1, 1, [new PiecewiseLinearLayer([1, 1], [0], [NeuronKind.Identity])], [1], [0]);

    private static MppiController Mppi(ReluDynamicsNetwork net, int horizon = 3) => new(new NetworkModel(net),
        new SamplingMpcOptions { BatchSize = 64, Horizon = horizon, NoiseStd = [0.5], ControlMin = [-1.0], ControlMax = [1.0], Temperature = 0.1 },
        [new GoalCost { StateWeights = [1.0] }], new Rng(3));

    private static MipMpcOptions Options(double low, double high) => new()
    {
        Horizon = 3, InputLow = [-1], InputHigh = [1], StateLow = [low], StateHigh = [high], StateWeights = [1],
    };

    [Fact]
    public void Update_Solvable_AppliesMipCommand()
    {
        // From x = 0 to g = 2.5 with |u| <= 1: the L1 optimum is u = 1, 1, 0.5 (cost |1 - 2.5| + |2 - 2.5| + 0 = 2);
        // its first input is 1.
        var net = Integrator();
        var controller = new MipMpcController(new MipMpcPlanner(net, Options(-10, 10)), Mppi(net));
        var command = new double[1];

        var status = controller.Update(SimTime.Zero, Period, [0.0], [2.5], command);

        Assert.Equal(ControllerStatus.Saturated, status);   // u = 1 is on the limit
        Assert.Equal(1.0, command[0], 9);
        Assert.Equal(MipPlanStatus.Optimal, controller.LastResult!.Status);
        Assert.Equal(0, controller.FallbackCount);
        Assert.Equal(1, controller.TickCount);
    }

    [Fact]
    public void Update_InfeasibleProgram_AppliesFallbackCommandAndSaysSo()
    {
        // x1 = u <= 1 can never reach the state box [5, 6]: the MIP falls back to the MPPI plan.
        var net = Integrator();
        var reference = Mppi(net);
        var expected = new double[1];
        reference.Update(SimTime.Zero, Period, [0.0], [5.5], expected);
        var controller = new MipMpcController(new MipMpcPlanner(net, Options(5, 6)), Mppi(net));
        var command = new double[1];

        controller.Update(SimTime.Zero, Period, [0.0], [5.5], command);

        Assert.Equal(MipPlanStatus.FallbackInfeasible, controller.LastResult!.Status);
        Assert.Contains("fallback", controller.LastResult.Message, StringComparison.Ordinal);
        Assert.Equal(expected[0], command[0]);   // same seed, same MPPI: the same first input
        Assert.Equal(1, controller.FallbackCount);
    }

    [Fact]
    public void Constructor_FallbackHorizonShorterThanMip_Rejected()
    {
        var net = Integrator();
        var e = Assert.Throws<ArgumentException>(() => new MipMpcController(new MipMpcPlanner(net, Options(-10, 10)), Mppi(net, horizon: 2)));
        Assert.Contains("horizon 2", e.Message, StringComparison.Ordinal);
    }
}
