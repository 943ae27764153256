using Robotics.Models.Training.Configuration;

namespace Robotics.Models.Training.Tests;

/// <summary>Configurations for tests: the committed ones from models/configs, and small ones built in code.</summary>
internal static class TestConfigs
{
    public static string RepoRoot
    {
        get
        {
            string? dir = Environment.GetEnvironmentVariable("ROBOTICS_REPO_ROOT") is { Length: > 0 } fromEnvironment ? fromEnvironment : AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "Robotics.sln"))) dir = Path.GetDirectoryName(dir);
            return dir ?? throw new InvalidOperationException("Robotics.sln not found above the test binaries.");
        }
    }

    public static (TrainingConfig Config, string Text) Committed(string name) =>
        TrainingConfigLoader.Load(Path.Combine(RepoRoot, "models", "configs", name + ".yaml"));

    /// <summary>A small, fast configuration of any family (a few epochs: enough for parity and determinism checks).</summary>
    public static (TrainingConfig Config, string Text) Tiny(string family, ulong seed = 3, string plant = "mass_spring_damper")
    {
        string text = $"""
            name: tiny-{family}
            seed: {seed}
            dt_s: 0.02
            plant:
              type: {plant}
            data:
              trajectories: 8
              steps: 60
              input_amplitude: [2.0]
              initial_state_std: [0.5]
            model:
              family: {family}
              hidden_sizes: [16, 16]
              activation: tanh
              ensemble_size: 3
              recurrent_hidden_size: 6
              sequence_length: 12
              nominal_parameters: {(plant == "mass_spring_damper" ? "{stiffness_n_m: 3.0}" : "{}")}
            training:
              epochs: 3
              batch_size: 32
              learning_rate: 0.01
              early_stopping_patience: 0
            validation:
              horizon_steps: 10
            """;
        return (TrainingConfigLoader.Parse(text, $"tiny-{family}"), text);
    }
}
