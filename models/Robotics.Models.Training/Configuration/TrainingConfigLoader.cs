using System.Globalization;
using Robotics.Models.Artifacts;
using Robotics.Sim.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Robotics.Models.Training.Configuration;

/// <summary>Reads a training configuration YAML file and checks every field before any work starts.</summary>
public static class TrainingConfigLoader
{
    /// <summary>Loads and validates <paramref name="path"/>; returns the config and the file's text (kept verbatim in the artifact).</summary>
    /// <exception cref="TrainingConfigException">The file is missing, not valid YAML, or has invalid fields.</exception>
    public static (TrainingConfig Config, string Text) Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new TrainingConfigException($"{path}: the file does not exist. Give a training configuration such as models/configs/msd-mlp.yaml.");
        }

        string text = File.ReadAllText(path);
        return (Parse(text, path), text);
    }

    /// <summary>Parses and validates configuration text; <paramref name="source"/> names it in messages.</summary>
    public static TrainingConfig Parse(string text, string source)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        TrainingConfig? config;
        try
        {
            config = deserializer.Deserialize<TrainingConfig>(text);
        }
        catch (YamlException e)
        {
            string detail = Explain(e.InnerException?.Message ?? e.Message);
            throw new TrainingConfigException($"{source}:{e.Start.Line}:{e.Start.Column}: {detail} (see models/configs/README.md for the fields).", e);
        }

        if (config is null) throw new TrainingConfigException($"{source}: the file is empty; see models/configs/README.md for the fields.");
        Validate(config, source);
        return config;
    }

    // YamlDotNet says "Property 'epoch' not found on type '...TrainingSection'"; say it in the file's own terms.
    private static string Explain(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, "^Property '(?<key>[^']+)' not found on type '(?<type>[^']+)'");
        if (!match.Success) return message;
        var type = typeof(TrainingConfig).Assembly.GetType(match.Groups["type"].Value);
        if (type is null) return message;
        var known = type.GetProperties().Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name));
        return $"unknown field '{match.Groups["key"].Value}'; the fields here are {string.Join(", ", known)}";
    }

    private static void Validate(TrainingConfig c, string source)
    {
        var problems = new List<string>();
        void Check(bool ok, string field, object? found, string fix)
        {
            if (!ok) problems.Add($"  {field}: {Format(found)} is not valid; {fix}");
        }

        Check(!string.IsNullOrWhiteSpace(c.Name) && c.Name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'), "name", c.Name, "use letters, digits, '-' and '_' (it becomes the file name).");
        Check(double.IsFinite(c.DtS) && c.DtS > 0 && c.DtS <= 1, "dt_s", c.DtS, "give the model time step in seconds, 0 < dt_s <= 1.");
        var plant = ScenarioCatalog.FindPlant(c.Plant.Type);
        Check(plant is not null, "plant.type", c.Plant.Type, $"use one of {string.Join(", ", ScenarioCatalog.Plants.Select(p => p.TypeName))}.");
        if (plant is not null)
        {
            foreach (var name in c.Plant.Parameters.Keys.Concat(c.Model.NominalParameters.Keys))
            {
                Check(plant.Parameters.Any(d => d.Name == name), $"plant.parameters.{name}", name, $"'{c.Plant.Type}' has {string.Join(", ", plant.Parameters.Select(d => d.Name))}.");
            }
        }

        var d = c.Data;
        Check(d.Trajectories >= 3, "data.trajectories", d.Trajectories, "need at least 3 (one each for training, validation and test).");
        Check(d.Steps >= 2, "data.steps", d.Steps, "need at least 2 steps per trajectory.");
        Check(d.Excitation is "random_steps" or "chirp" or "closed_loop", "data.excitation", d.Excitation, "use random_steps, chirp or closed_loop.");
        Check(d.InputAmplitude.Length > 0 && d.InputAmplitude.All(a => double.IsFinite(a) && a >= 0), "data.input_amplitude", d.InputAmplitude, "give one amplitude >= 0, or one per input.");
        Check(d.HoldSteps is [var lo, var hi] && lo >= 1 && hi >= lo, "data.hold_steps", d.HoldSteps, "give [min, max] with 1 <= min <= max.");
        Check(d.ChirpHz is [var f0, var f1] && f0 > 0 && f1 >= f0, "data.chirp_hz", d.ChirpHz, "give [f0, f1] in Hz with 0 < f0 <= f1.");
        Check(d.PidGains.Length == 3, "data.pid_gains", d.PidGains, "give [kp, ki, kd].");
        Check(d.ExplorationNoise >= 0, "data.exploration_noise", d.ExplorationNoise, "give a standard deviation >= 0.");
        Check(d.InitialStateStd.Length > 0 && d.InitialStateStd.All(s => s >= 0), "data.initial_state_std", d.InitialStateStd, "give one value >= 0, or one per state.");
        Check(d.Split.Length == 3 && d.Split.All(f => f > 0) && Math.Abs(d.Split.Sum() - 1) < 1e-9, "data.split", d.Split, "give [train, validation, test] fractions > 0 that sum to 1.");

        var m = c.Model;
        Check(ModelFamily.All.Contains(m.Family), "model.family", m.Family, $"use one of {string.Join(", ", ModelFamily.All)}.");
        Check(m.HiddenSizes.Length > 0 && m.HiddenSizes.All(h => h > 0), "model.hidden_sizes", m.HiddenSizes, "give at least one hidden width > 0.");
        Check(m.Activation is "relu" or "tanh", "model.activation", m.Activation, "use relu or tanh.");
        Check(m.EnsembleSize >= 1 && (m.Family == ModelFamily.Ensemble ? m.EnsembleSize >= 2 : true), "model.ensemble_size", m.EnsembleSize, "an ensemble needs at least 2 members.");
        Check(m.RecurrentHiddenSize >= 1, "model.recurrent_hidden_size", m.RecurrentHiddenSize, "give a hidden size >= 1.");
        Check(m.SequenceLength >= 2 && m.SequenceLength <= d.Steps, "model.sequence_length", m.SequenceLength, $"give 2..{d.Steps} (at most data.steps).");

        var t = c.Training;
        Check(t.Epochs >= 1, "training.epochs", t.Epochs, "give at least 1.");
        Check(t.BatchSize >= 1, "training.batch_size", t.BatchSize, "give at least 1.");
        Check(double.IsFinite(t.LearningRate) && t.LearningRate > 0 && t.LearningRate < 1, "training.learning_rate", t.LearningRate, "give 0 < rate < 1 (1e-3 is a good start).");
        Check(t.LrSchedule is "none" or "step" or "cosine", "training.lr_schedule", t.LrSchedule, "use none, step or cosine.");
        Check(t.StepEpochs >= 1, "training.step_epochs", t.StepEpochs, "give at least 1.");
        Check(t.RolloutSteps >= 1 && t.RolloutSteps <= d.Steps, "training.rollout_steps", t.RolloutSteps, $"give 1..{d.Steps} (1 = one-step loss).");
        Check(t.RolloutSteps == 1 || m.Family is ModelFamily.Mlp or ModelFamily.Ensemble, "training.rollout_steps", t.RolloutSteps, "the rollout loss is implemented for mlp and ensemble; use 1 for other families.");
        Check(t.EarlyStoppingPatience >= 0, "training.early_stopping_patience", t.EarlyStoppingPatience, "give 0 (off) or more epochs.");
        Check(t.Threads is >= 1 and <= 64, "training.threads", t.Threads, "give 1..64 (1 is fastest for small nets).");
        Check(c.Validation.HorizonSteps >= 1 && c.Validation.HorizonSteps <= d.Steps, "validation.horizon_steps", c.Validation.HorizonSteps, $"give 1..{d.Steps}.");

        if (problems.Count > 0)
        {
            throw new TrainingConfigException($"{source}: {problems.Count} invalid field(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "(missing)",
        string s => $"'{s}'",
        double v => v.ToString("R", CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object>().Select(o => Convert.ToString(o, CultureInfo.InvariantCulture))) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
