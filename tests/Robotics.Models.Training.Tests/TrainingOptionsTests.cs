using Robotics.Models.Training.Configuration;
using Robotics.Models.Training.Data;
using Robotics.Models.Training.Training;

namespace Robotics.Models.Training.Tests;

/// <summary>The optional parts of training: the multi-step loss, early stopping, and config checks.</summary>
public sealed class TrainingOptionsTests
{
    [Fact]
    public void RolloutLoss_ReducesTheMultiStepValidationLoss()
    {
        var (config, text) = TestConfigs.Tiny("mlp");
        config.Training.RolloutSteps = 5;
        config.Training.Epochs = 6;
        var reports = new List<EpochProgress>();
        ModelTrainer.Train(config, text, SimulationDataCollector.Collect(config), new ListProgress(reports));
        Assert.Equal(6, reports.Count);
        Assert.True(reports[^1].ValidationLoss < reports[0].ValidationLoss,
            $"5-step validation loss went from {reports[0].ValidationLoss:E3} to {reports[^1].ValidationLoss:E3}");
    }

    [Fact]
    public void EarlyStopping_KeepsTheBestEpochAndStopsAfterPatience()
    {
        var (config, text) = TestConfigs.Tiny("mlp");
        config.Training.Epochs = 40;
        config.Training.EarlyStoppingPatience = 2;
        config.Training.LearningRate = 0.5; // far too large: the validation loss cannot keep improving
        var reports = new List<EpochProgress>();
        var result = ModelTrainer.Train(config, text, SimulationDataCollector.Collect(config), new ListProgress(reports));
        int best = reports.MinBy(r => r.ValidationLoss)!.Epoch;
        Assert.Equal(best, result.BestEpoch);
        Assert.Equal(best + 2, reports.Count);
        Assert.True(reports.Count < 40);
    }

    [Fact]
    public void RolloutLossOnRecurrentFamily_IsRejectedWithTheField()
    {
        var (_, text) = TestConfigs.Tiny("gru");
        var e = Assert.Throws<TrainingConfigException>(() => TrainingConfigLoader.Parse(text.Replace("  epochs: 3", "  epochs: 3\n  rollout_steps: 4"), "x.yaml"));
        Assert.Contains("training.rollout_steps: 4 is not valid; the rollout loss is implemented for mlp and ensemble", e.Message);
    }

    private sealed class ListProgress(List<EpochProgress> reports) : IProgress<EpochProgress>
    {
        public void Report(EpochProgress value) => reports.Add(value);
    }
}
