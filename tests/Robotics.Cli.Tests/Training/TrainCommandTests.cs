using Robotics.Models.Artifacts;

namespace Robotics.Cli.Tests.Training;

/// <summary><c>robotics train</c> as a user runs it: errors for bad configs, and reproducible artifacts.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private const string TinyConfig = """
        name: cli-tiny
        seed: 21
        dt_s: 0.05
        plant:
          type: mass_spring_damper
        data:
          trajectories: 6
          steps: 40
          input_amplitude: [2.0]
        model:
          family: mlp
          hidden_sizes: [8]
        training:
          epochs: 3
          batch_size: 32
        validation:
          horizon_steps: 10
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("robotics-train-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void InvalidConfig_ListsEveryBadFieldWithFileValueAndFix_AndExits2()
    {
        string path = Path.Combine(_folder, "bad.yaml");
        File.WriteAllText(path, TinyConfig.Replace("dt_s: 0.05", "dt_s: -1").Replace("family: mlp", "family: cnn"));
        var run = CliProcess.Run("train", path, "--output", _folder);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(path, run.StandardError);
        Assert.Contains("dt_s: -1 is not valid", run.StandardError);
        Assert.Contains("model.family: 'cnn' is not valid; use one of mlp, ensemble, gru, lstm, residual", run.StandardError);
        Assert.False(File.Exists(Path.Combine(_folder, "cli-tiny.model.json")));
    }

    [Fact]
    public void UnknownYamlKey_IsReportedWithLine()
    {
        string path = Path.Combine(_folder, "typo.yaml");
        File.WriteAllText(path, TinyConfig.Replace("  epochs: 3", "  epoch: 3"));
        var run = CliProcess.Run("train", path, "--output", _folder);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:14:", run.StandardError);
        Assert.Contains("unknown field 'epoch'; the fields here are epochs, batch_size, learning_rate", run.StandardError);
    }

    [Fact]
    public void SameConfig_TwoProcesses_WriteByteIdenticalArtifacts()
    {
        string config = Path.Combine(_folder, "tiny.yaml");
        File.WriteAllText(config, TinyConfig);
        string first = Path.Combine(_folder, "a"), second = Path.Combine(_folder, "b");
        var runA = CliProcess.Run("train", config, "--output", first, "--quiet");
        var runB = CliProcess.Run("train", config, "--output", second, "--quiet");
        Assert.True(runA.ExitCode == 0, runA.StandardError);
        Assert.Equal(0, runB.ExitCode);
        Assert.Contains("10-step open loop", runA.StandardOutput);
        foreach (string file in new[] { "cli-tiny.model.json", "cli-tiny.weights.bin" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }

        var artifact = ModelArtifactReader.Load(Path.Combine(first, "cli-tiny.model.json"));
        Assert.Equal(TinyConfig, artifact.Metadata.Provenance.TrainingConfig);
        Assert.Equal(21UL, artifact.Metadata.Provenance.Seed);
        Assert.Equal(["position_m", "velocity_m_s"], artifact.Metadata.State.Select(s => s.Name));
    }
}
