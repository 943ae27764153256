using System.CommandLine;
using System.Globalization;
using Robotics.Models.Artifacts;
using Robotics.Models.Training.Configuration;
using Robotics.Models.Training.Data;
using Robotics.Models.Training.Training;

namespace Robotics.Cli.Training;

/// <summary>
/// <c>robotics train &lt;config.yaml&gt;</c>: collects the dataset from seeded simulator rollouts, trains the model
/// with TorchSharp, prints progress and the validation one-step and H-step open-loop errors, and writes the
/// artifact.
/// </summary>
public static class TrainCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var config = new Argument<string>("config") { Description = "Training configuration YAML, e.g. models/configs/msd-mlp.yaml (fields: models/configs/README.md)." };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Directory the artifact (<name>.model.json + <name>.weights.bin) is written to.",
            DefaultValueFactory = _ => "models/artifacts",
        };
        var seed = new Option<ulong?>("--seed") { Description = "Override the config's seed (data, initialisation and batching)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the final errors, not every epoch." };
        var command = new Command("train", "Train a learned dynamics model from simulator data (TorchSharp, CPU) and write its artifact.")
        {
            config,
            output,
            seed,
            quiet,
        };
        command.SetAction(parse => Run(parse.GetValue(config)!, parse.GetValue(output)!, parse.GetValue(seed), parse.GetValue(quiet)));
        return command;
    }

    private static int Run(string configPath, string outputDirectory, ulong? seed, bool quiet)
    {
        TrainingConfig config;
        string text;
        try
        {
            (config, text) = TrainingConfigLoader.Load(configPath);
        }
        catch (TrainingConfigException e)
        {
            Console.Error.WriteLine($"robotics train: {e.Message}");
            return 2;
        }

        if (seed is { } s) config.Seed = s;
        var data = SimulationDataCollector.Collect(config);
        Console.WriteLine($"data: {data.Description}");
        Console.WriteLine($"      dataset sha256 {data.Hash}");
        Console.WriteLine($"model: {config.Model.Family}, training up to {config.Training.Epochs} epochs (seed {config.Seed})");
        var progress = new SynchronousProgress<EpochProgress>(p =>
        {
            if (quiet) return;
            string member = p.Members > 1 ? $"member {p.Member + 1}/{p.Members} " : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {member}epoch {p.Epoch,3}/{p.Epochs}  train {p.TrainLoss:E3}  validation {p.ValidationLoss:E3}  lr {p.LearningRate:E2}{(p.Improved ? "  *" : "")}"));
        });

        var result = ModelTrainer.Train(config, text, data, progress);
        Console.WriteLine($"kept epoch {result.BestEpoch} of {result.EpochsRun} (best validation loss)");
        PrintErrors("validation", result.Validation, result.Artifact.Metadata);
        PrintErrors("test", result.Test, result.Artifact.Metadata);
        var (_, path) = ModelArtifactWriter.Save(result.Artifact, outputDirectory);
        Console.WriteLine($"wrote {path} (sha256 {result.Artifact.Metadata.Sha256[..16]}...)");
        return 0;
    }

    private static void PrintErrors(string split, ValidationInfo errors, ModelMetadata metadata)
    {
        Console.WriteLine($"{split} errors (RMSE, state units):");
        Console.WriteLine($"  {"state",-28} {"one-step",12} {$"{errors.HorizonSteps}-step open loop",22}");
        for (int i = 0; i < metadata.State.Count; i++)
        {
            var signal = metadata.State[i];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {signal.Name + " [" + signal.Unit + "]",-28} {errors.OneStepRmse[i],12:E3} {errors.OpenLoopRmse[i],22:E3}"));
        }
    }

    // Progress<T> posts to the thread pool; training progress must print in order, on this thread.
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
