using Robotics.Models.Training.Data;
using Robotics.Models.Training.Training;

namespace Robotics.Models.Training.Tests;

/// <summary>Same seed, same weights (on one machine); another seed, other data and weights.</summary>
public sealed class DeterminismTests
{
    [Theory]
    [InlineData("mlp")]
    [InlineData("gru")]
    public void SameSeed_GivesIdenticalWeightsAndArtifact(string family)
    {
        var first = Train(family, seed: 5);
        var second = Train(family, seed: 5);
        Assert.Equal(first.Artifact.Weights, second.Artifact.Weights);
        Assert.Equal(first.Artifact.Metadata.Sha256, second.Artifact.Metadata.Sha256);
        Assert.Equal(first.Artifact.Metadata.Provenance.DatasetHash, second.Artifact.Metadata.Provenance.DatasetHash);
    }

    [Fact]
    public void OtherSeed_GivesOtherDataAndWeights()
    {
        var first = Train("mlp", seed: 5);
        var second = Train("mlp", seed: 6);
        Assert.NotEqual(first.Artifact.Metadata.Provenance.DatasetHash, second.Artifact.Metadata.Provenance.DatasetHash);
        Assert.NotEqual(first.Artifact.Weights, second.Artifact.Weights);
    }

    private static TrainingResult Train(string family, ulong seed)
    {
        var (config, text) = TestConfigs.Tiny(family, seed);
        return ModelTrainer.Train(config, text, SimulationDataCollector.Collect(config));
    }
}
