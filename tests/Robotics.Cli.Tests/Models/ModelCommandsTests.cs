namespace Robotics.Cli.Tests.Models;

/// <summary><c>robotics model info|export-c</c> on the committed artifacts and on a damaged copy.</summary>
public sealed class ModelCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("robotics-model-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Info_OnCommittedArtifact_PrintsWhatItIsAndVerifiesHashes()
    {
        var run = CliProcess.Run("model", "info", "models/artifacts/msd-mlp.model.json");
        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains("msd-mlp: mlp, MLP [64, 64] relu, dt 0.02 s", run.StandardOutput);
        Assert.Contains("position_m [m], velocity_m_s [m/s]", run.StandardOutput);
        Assert.Contains("verified", run.StandardOutput);
    }

    [Fact]
    public void Info_OnArtifactWithAlteredWeights_FailsNamingTheHashField()
    {
        foreach (string file in new[] { "msd-mlp.model.json", "msd-mlp.weights.bin" })
        {
            File.Copy(Path.Combine(RepoPaths.Root, "models", "artifacts", file), Path.Combine(_folder, file));
        }

        string weights = Path.Combine(_folder, "msd-mlp.weights.bin");
        byte[] bytes = File.ReadAllBytes(weights);
        bytes[100] ^= 0x40;
        File.WriteAllBytes(weights, bytes);
        var run = CliProcess.Run("model", "info", Path.Combine(_folder, "msd-mlp.model.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("weights_sha256", run.StandardError);
        Assert.Contains("msd-mlp.model.json", run.StandardError);
    }

    [Fact]
    public void ExportC_WritesHeaderAndSourceWithTheStepFunction()
    {
        var run = CliProcess.Run("model", "export-c", "models/artifacts/msd-mlp.model.json", "--output", _folder);
        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains("msd_mlp_step", File.ReadAllText(Path.Combine(_folder, "msd_mlp.h")));
        Assert.True(File.Exists(Path.Combine(_folder, "msd_mlp.c")));
    }
}
