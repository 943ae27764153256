using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Costs;
using Robotics.Core.Parameters;
using Robotics.Core.Randomness;
using Robotics.Core.Time;

namespace Robotics.Control.Tests.Mpc;

public class MpcValidationTests
{
    private static MppiController Mppi(SamplingMpcOptions options) =>
        new(MpcTestModels.DoubleIntegrator(), options, MpcTestModels.QuadraticCosts(), new Rng(1));

    [Fact]
    public void BatchSizeZero_Rejected_NamesParameterAndRange()
    {
        var e = Assert.Throws<ArgumentException>(() => Mppi(new SamplingMpcOptions { BatchSize = 0 }));
        Assert.Contains("mppi.batch_size", e.Message);
        Assert.Contains("[1, 1000000]", e.Message);
    }

    [Fact]
    public void NegativeTemperature_Rejected_NamesParameterAndRange()
    {
        var e = Assert.Throws<ArgumentException>(() => Mppi(new SamplingMpcOptions { Temperature = -0.1 }));
        Assert.Contains("mppi.temperature", e.Message);
        Assert.Contains("allowed range", e.Message);
    }

    [Fact]
    public void HorizonLongerThanModelSupports_Rejected_NamesParameterAndRange()
    {
        // 30 plan steps of 2 model steps each = 60 model steps > 50.
        var e = Assert.Throws<ArgumentException>(() => Mppi(new SamplingMpcOptions { Horizon = 30, TimeStepS = 0.2, ModelHorizonLimit = 50 }));
        Assert.Contains("mppi.horizon", e.Message);
        Assert.Contains("mppi.model_horizon_limit", e.Message);
        Assert.Contains("[1, 25]", e.Message);
    }

    [Fact]
    public void TimeStepNotMultipleOfModelStep_Rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Mppi(new SamplingMpcOptions { TimeStepS = 0.15 }));
        Assert.Contains("mppi.dt_s", e.Message);
    }

    [Fact]
    public void UnknownCostTerm_Rejected_ListsKnownTerms()
    {
        var set = new ParameterSet(MppiController.Parameters);
        set.Set("costs.terms", ParameterValue.FromString("goal,wall_distance"));

        var e = Assert.Throws<ArgumentException>(() => MppiController.FromParameters(set, MpcTestModels.DoubleIntegrator()));

        Assert.Contains("unknown cost term 'wall_distance'", e.Message);
        Assert.Contains("control_effort", e.Message);
    }

    [Fact]
    public void UnknownCostParameter_RejectedByParameterSet()
    {
        var set = new ParameterSet(MppiController.Parameters);
        Assert.False(set.TrySet("costs.wall_distance.weight", ParameterValue.FromDouble(1)).IsValid);
    }

    [Fact]
    public void EliteCountAboveBatch_Rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new CemController(MpcTestModels.DoubleIntegrator(),
            new SamplingMpcOptions { BatchSize = 20, EliteCount = 30 }, MpcTestModels.QuadraticCosts(), new Rng(1)));
        Assert.Contains("cem.elite_count", e.Message);
        Assert.Contains("[1, 20]", e.Message);
    }

    [Fact]
    public void ControlMinAboveMax_Rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Mppi(new SamplingMpcOptions { ControlMin = [1], ControlMax = [0] }));
        Assert.Contains("mppi.control_min", e.Message);
    }

    [Fact]
    public void CostWeightsOfWrongLength_Rejected_NamesCostParameter()
    {
        var e = Assert.Throws<ArgumentException>(() => new MppiController(MpcTestModels.DoubleIntegrator(), new SamplingMpcOptions(),
            [new GoalCost { StateWeights = [1, 2, 3] }], new Rng(1)));
        Assert.Contains("costs.goal.state_weights", e.Message);
    }

    [Fact]
    public void FromParameters_DefaultsBuildAWorkingController()
    {
        var set = new ParameterSet(MppiController.Parameters);
        set.Set("mppi.batch_size", ParameterValue.FromInteger(50));
        set.Set("mppi.horizon", ParameterValue.FromInteger(10));
        set.Set("costs.goal.state_weights", ParameterValue.FromDoubleArray([1.0, 0.1]));

        var c = MppiController.FromParameters(set, MpcTestModels.DoubleIntegrator());

        Assert.Equal(50, c.BatchSize);
        Assert.Equal(["goal", "control_effort", "control_rate"], c.Breakdown.TermNames);
        Assert.Equal(Robotics.Control.Loop.ControllerStatus.Ok, c.Plan(SimTime.Zero, [1, 0], [0, 0]));
    }

    [Fact]
    public void TrySetParameter_RuntimePath_ValidatesAndApplies()
    {
        var c = Mppi(new SamplingMpcOptions { BatchSize = 20, Horizon = 5 });

        Assert.False(c.TrySetParameter("mppi.batch_size", ParameterValue.FromInteger(10)).IsValid); // read-only after start-up
        var negative = c.TrySetParameter("mppi.temperature", ParameterValue.FromDouble(-1));
        Assert.False(negative.IsValid);
        Assert.Contains("mppi.temperature", negative.Message);
        Assert.True(c.TrySetParameter("mppi.temperature", ParameterValue.FromDouble(2.0)).IsValid);
        Assert.Equal(2.0, c.Temperature);
        Assert.True(c.TrySetParameter("mppi.control_max", ParameterValue.FromDoubleArray([1.0])).IsValid);
        var inconsistent = c.TrySetParameter("mppi.control_min", ParameterValue.FromDoubleArray([2.0]));
        Assert.False(inconsistent.IsValid);
        Assert.Contains("mppi.control_min", inconsistent.Message);
        Assert.Equal(ParameterValue.FromDoubleArray([]), c.GetParameter("mppi.control_min"));
        Assert.True(c.TrySetParameter("costs.goal.weight", ParameterValue.FromDouble(5.0)).IsValid);
        Assert.Equal(5.0, c.Costs.Terms[0].Weight);
        Assert.False(c.TrySetParameter("costs.nope.weight", ParameterValue.FromDouble(1.0)).IsValid);
        Assert.False(c.TrySetParameter("mppi.nope", ParameterValue.FromDouble(1.0)).IsValid);
    }
}
