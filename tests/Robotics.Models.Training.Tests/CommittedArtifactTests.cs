using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Robotics.Models.Training.Configuration;
using Robotics.Models.Training.Data;
using Robotics.Models.Training.Training;
using Xunit.Abstractions;

namespace Robotics.Models.Training.Tests;

/// <summary>
/// The artifacts committed under models/artifacts stay in step with their configs, the simulator and the evaluator.
/// No training here (libtorch is not touched): each artifact is loaded, its provenance compared with the committed
/// config, and its recorded validation errors re-measured on data collected again from that config.
/// </summary>
public sealed class CommittedArtifactTests(ITestOutputHelper output)
{
    private static readonly string[] s_names = ["msd-mlp", "pendulum-mlp", "msd-ensemble", "msd-gru", "pendulum-lstm", "pendulum-residual"];

    public static TheoryData<string> Names => new(s_names);

    [Theory]
    [MemberData(nameof(Names))]
    public void CommittedArtifact_WasWrittenByRoboticsTrainFromTheCommittedConfig(string name)
    {
        var artifact = ModelArtifactReader.Load(ArtifactPath(name));
        var (config, text) = TestConfigs.Committed(name);
        var provenance = artifact.Metadata.Provenance;

        Assert.Equal(text, provenance.TrainingConfig);
        Assert.Equal("robotics train", provenance.CreatedBy);
        Assert.Equal(config.Seed, provenance.Seed);
        Assert.Equal(config.Model.Family, artifact.Metadata.Family);
        Assert.Equal(config.DtS, artifact.Metadata.DtS);
        var plant = SimulationDataCollector.CreatePlant(config.Plant.Type, config.Plant.Parameters);
        artifact.EnsureSignals(plant.StateNames, plant.InputNames);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CommittedArtifact_RecordedValidationErrorsReproduceOnRecollectedData(string name)
    {
        // The simulator, the data collection and the evaluator are deterministic managed code, so re-collecting the
        // config's data and re-evaluating must give the recorded errors. A change of plant, excitation, split or
        // evaluator that would make the artifact stale shows up here. 1e-4 relative leaves room for float32 rounding
        // differences of another SIMD path (Vector256 instead of Vector512) on another CPU, far below any real drift.
        var artifact = ModelArtifactReader.Load(ArtifactPath(name));
        var (config, _) = TestConfigs.Committed(name);
        var data = SimulationDataCollector.Collect(config);
        var model = ModelLoader.Create(artifact, ModelTrainer.NominalFactory);
        var recorded = artifact.Metadata.Validation!;
        var measured = ModelEvaluator.Evaluate(model, data.Validation, recorded.HorizonSteps);

        Assert.Equal(config.Validation.HorizonSteps, recorded.HorizonSteps);
        for (int i = 0; i < recorded.OneStepRmse.Length; i++)
        {
            output.WriteLine($"{data.States[i].Name}: one-step {measured.OneStepRmse[i]:E4} (recorded {recorded.OneStepRmse[i]:E4}), {recorded.HorizonSteps}-step {measured.OpenLoopRmse[i]:E4} (recorded {recorded.OpenLoopRmse[i]:E4})");
            Assert.Equal(recorded.OneStepRmse[i], measured.OneStepRmse[i], 1e-4 * recorded.OneStepRmse[i]);
            Assert.Equal(recorded.OpenLoopRmse[i], measured.OpenLoopRmse[i], 1e-4 * recorded.OpenLoopRmse[i]);
        }
    }

    [Fact]
    public void EveryCommittedConfig_HasItsArtifact()
    {
        string configs = Path.Combine(TestConfigs.RepoRoot, "models", "configs");
        var names = Directory.GetFiles(configs, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(s_names.Order(StringComparer.Ordinal), names);
        foreach (string name in names)
        {
            var (config, _) = TrainingConfigLoader.Load(Path.Combine(configs, name + ".yaml"));
            Assert.Equal(name, config.Name);
            Assert.True(File.Exists(ArtifactPath(name)), $"models/artifacts/{name}.model.json is missing: run ./robotics train models/configs/{name}.yaml");
        }
    }

    private static string ArtifactPath(string name) => Path.Combine(TestConfigs.RepoRoot, "models", "artifacts", name + ModelArtifactWriter.MetadataSuffix);
}
