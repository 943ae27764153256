using System.Globalization;
using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Robotics.Models.Training.Sparsification;
using Xunit.Abstractions;

namespace Robotics.Models.Training.Tests.Sparsification;

public sealed class SparsificationTests(ITestOutputHelper output)
{
    private static readonly SparsificationOptions Tiny = new()
    {
        HiddenSizes = [8, 8],
        ReluTargets = [6, 0],
        DenseEpochs = 3,
        RelaxEpochs = 2,
        FineTuneEpochs = 2,
        Seed = 3,
    };

    [Fact]
    public void Run_TinySchedule_LevelsHaveTargetReluCountsAndPairEncodedWidths()
    {
        var data = PushingDataCollector.Collect(5, episodes: 20, steps: 10);
        var levels = ReluSparsifier.Run(data, Tiny, "tiny");

        Assert.Equal([16, 6, 0], levels.Select(l => l.ReluCount).ToArray());
        foreach (var level in levels)
        {
            // Each identity neuron is stored as two ReLU neurons: width = relu + 2 identity, per layer, summed.
            Assert.Equal(level.ReluCount + 2 * level.IdentityCount, level.Artifact.Metadata.Architecture.HiddenSizes.Sum());
            Assert.Equal(16, level.ReluCount + level.IdentityCount);
            Assert.Equal("relu", level.Artifact.Metadata.Architecture.Activation);
        }
    }

    [Fact]
    public void Run_ZeroReluLevel_IsAffineUnderTheManagedEvaluator()
    {
        // With every neuron an identity (as relu pairs) the network is affine: F(x + 2d) - F(x + d) = F(x + d) - F(x).
        var data = PushingDataCollector.Collect(6, episodes: 20, steps: 10);
        var level = ReluSparsifier.Run(data, Tiny, "tiny").Last();
        Assert.Equal(0, level.ReluCount);
        var model = ModelLoader.Create(level.Artifact);
        double[] x0 = [0.01, -0.02, 0.1, -0.05, 0.0], u = [0.05, -0.01], d = [0.003, 0.002, -0.01, 0.004, 0.001];
        var f0 = new double[5];
        var f1 = new double[5];
        var f2 = new double[5];
        model.Step(x0, u, f0);
        model.Step(x0.Select((v, i) => v + d[i]).ToArray(), u, f1);
        model.Step(x0.Select((v, i) => v + 2 * d[i]).ToArray(), u, f2);
        for (int k = 0; k < 5; k++) Assert.Equal(f1[k] - f0[k], f2[k] - f1[k], 4);
    }

    /// <summary>
    /// The committed pusher models: dense 2 x 32 ReLU MLP and its sparsified levels. Set ROBOTICS_SPARSIFY_OUT to a
    /// directory to write the artifacts there (they are committed under models/artifacts/ with this provenance).
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Run_PusherSchedule_WritesArtifactsAndErrorTable()
    {
        var data = PushingDataCollector.Collect(2026, episodes: 500, steps: 20);
        var levels = ReluSparsifier.Run(data, new SparsificationOptions { Seed = 2026 }, "pusher-sparse", output.WriteLine);
        string? dir = Environment.GetEnvironmentVariable("ROBOTICS_SPARSIFY_OUT");
        var table = new List<string>
        {
            "| ReLUs | identity | one-step RMSE box x, y (mm) | one-step yaw (mrad) | 10-step RMSE box x, y (mm) | 10-step yaw (mrad) |",
            "|---|---|---|---|---|---|",
        };
        foreach (var level in levels)
        {
            var t = level.Test;
            table.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {level.ReluCount} | {level.IdentityCount} | {t.OneStepRmse[0] * 1000:F3}, {t.OneStepRmse[1] * 1000:F3} | {t.OneStepRmse[2] * 1000:F2} | {t.OpenLoopRmse[0] * 1000:F2}, {t.OpenLoopRmse[1] * 1000:F2} | {t.OpenLoopRmse[2] * 1000:F1} |"));
            if (dir is not null) ModelArtifactWriter.Save(level.Artifact, dir);
        }

        foreach (var line in table) output.WriteLine(line);
        if (dir is not null) File.WriteAllLines(Path.Combine(dir, "pusher-sparse-errors.md"), table);
        Assert.Equal(64, levels[0].ReluCount);
        Assert.Equal(0, levels[^1].ReluCount);
    }
}
