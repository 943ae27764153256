using Robotics.Models.Dynamics;
using Robotics.Models.Training.Data;
using Robotics.Models.Training.Training;
using Xunit.Abstractions;

namespace Robotics.Models.Training.Tests;

/// <summary>
/// The acceptance run: small MLPs trained on the mass-spring-damper and the pendulum from seeded
/// simulator data (the committed configs, a few seconds each), judged on held-out test trajectories.
/// </summary>
/// <remarks>
/// The bound: over 50 steps (1 s) open loop, the model's RMSE must be under a tenth of the RMSE of persistence
/// (predicting that the state stays where it was, x̂_{k+j} = x_k), measured on the same rollouts. Persistence is
/// what a model that learned nothing about the dynamics scores; its error is the typical distance the state travels
/// in 1 s on these trajectories, computed from the data alone. Beating it tenfold means the model predicts the
/// motion, not just the position, for a full second without feedback.
/// </remarks>
public sealed class TrainingAcceptanceTests(ITestOutputHelper output)
{
    private const int Horizon = 50;

    [Theory]
    [InlineData("msd-mlp")]
    [InlineData("pendulum-mlp")]
    public void CommittedConfig_TrainsModelThatBeatsPersistenceTenfoldOver50Steps(string name)
    {
        var (config, text) = TestConfigs.Committed(name);
        var data = SimulationDataCollector.Collect(config);
        var result = ModelTrainer.Train(config, text, data);
        var model = ModelLoader.Create(result.Artifact);

        double[] learned = ModelEvaluator.OpenLoopRmse(model, data.Test, Horizon);
        double[] persistence = ModelEvaluator.OpenLoopRmse(new PersistenceModel(model.StateSize, model.InputSize), data.Test, Horizon);
        for (int i = 0; i < learned.Length; i++)
        {
            output.WriteLine($"{data.States[i].Name}: learned {learned[i]:E3}, persistence {persistence[i]:E3}, ratio {learned[i] / persistence[i]:F4}");
            Assert.True(learned[i] < 0.1 * persistence[i],
                $"{name}: {data.States[i].Name} 50-step RMSE {learned[i]:E3} is not below a tenth of persistence's {persistence[i]:E3}");
        }

        Assert.Equal(Horizon, result.Artifact.Metadata.Validation!.HorizonSteps);
    }

    [Fact]
    public void Evaluator_ScoresTheTruePhysicsAtZero()
    {
        // The data comes from the plant's own RK4 step, so the same plant as an analytic model predicts it exactly:
        // this pins the evaluator's indexing (a shifted input or state would show up as a non-zero error).
        var (config, _) = TestConfigs.Committed("msd-mlp");
        var data = SimulationDataCollector.Collect(config);
        var plant = SimulationDataCollector.CreatePlant(config.Plant.Type, config.Plant.Parameters);
        var physics = new AnalyticDynamicsModel(plant, config.DtS, plant.StateNames, plant.InputNames);
        Assert.All(ModelEvaluator.OpenLoopRmse(physics, data.Test, Horizon), e => Assert.Equal(0.0, e, 12));
        Assert.All(ModelEvaluator.OneStepRmse(physics, data.Test), e => Assert.Equal(0.0, e, 12));
    }

    /// <summary>x_{k+1} = x_k: the baseline that knows nothing about the dynamics.</summary>
    private sealed class PersistenceModel(int states, int inputs) : IDynamicsModel
    {
        public int StateSize => states;

        public int InputSize => inputs;

        public int LatentSize => 0;

        public double TimeStep => 0.02;

        public IReadOnlyList<string> StateNames => [];

        public IReadOnlyList<string> InputNames => [];

        public void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState) => state.CopyTo(nextState);
    }
}
