using System.CommandLine;
using System.Globalization;
using System.Text;
using Robotics.Core.Randomness;
using Robotics.Models.Artifacts;
using Robotics.Models.Training.Configuration;
using Robotics.Models.Training.Data;
using Robotics.Models.Training.Training;

namespace Robotics.Cli.Rig;

/// <summary>
/// <c>robotics rig train FILE.csv</c>: trains the learned-dynamics pipeline (<see cref="ModelTrainer"/>, the code behind
/// <c>robotics train</c>) on a <c>rig record</c> CSV instead of simulator rollouts: y_{k+1} = y_k + f(y_k, u_k) with a dense
/// MLP, the recording cut into fixed-length segments split 70/15/15 by a seeded shuffle. Prints the held-out (test segments)
/// one-step and H-step open-loop RMSE next to persistence's (y stays where it was) and writes the artifact.
/// </summary>
public static class RigTrainCommand
{
    /// <summary>Creates the <c>train</c> sub-command.</summary>
    public static Command Create()
    {
        var data = new Argument<FileInfo>("data") { Description = "CSV written by 'robotics rig record' (t_s, u:..., y:... columns)." };
        var name = new Option<string>("--name") { Description = "Artifact name.", DefaultValueFactory = _ => "tendon-narx" };
        var output = new Option<string>("--output", "-o") { Description = "Directory for <name>.model.json + <name>.weights.bin.", DefaultValueFactory = _ => "models/artifacts" };
        var hidden = new Option<int>("--hidden") { Description = "Units of the single tanh hidden layer.", DefaultValueFactory = _ => 8 };
        var epochs = new Option<int>("--epochs") { Description = "Maximum epochs (early stopping on validation).", DefaultValueFactory = _ => 60 };
        var segment = new Option<int>("--segment-steps") { Description = "Rows per trajectory segment (the split unit).", DefaultValueFactory = _ => 200 };
        var horizon = new Option<int>("--horizon") { Description = "Open-loop horizon of the reported error, steps.", DefaultValueFactory = _ => 20 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the split, initialisation and batching.", DefaultValueFactory = _ => 1 };
        var command = new Command("train", "Train a dense MLP dynamics model (learned-dynamics pipeline, TorchSharp CPU) on a 'rig record' CSV and write its artifact.")
        {
            data, name, output, hidden, epochs, segment, horizon, seed,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(data)!;
            int h = parse.GetValue(hidden), e = parse.GetValue(epochs), seg = parse.GetValue(segment), hz = parse.GetValue(horizon);
            TransitionDataset dataset;
            try
            {
                if (h < 1 || e < 1) throw new ArgumentException("--hidden and --epochs must be >= 1.");
                if (seg < 10) throw new ArgumentException($"--segment-steps: {seg} must be >= 10.");
                if (hz < 1 || hz >= seg) throw new ArgumentException($"--horizon: {hz} must lie in [1, segment-steps).");
                dataset = Load(file, seg, parse.GetValue(seed));
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or FormatException)
            {
                Console.Error.WriteLine($"robotics rig train: {ex.Message}");
                return 2;
            }

            var config = new TrainingConfig
            {
                Name = parse.GetValue(name)!,
                Seed = parse.GetValue(seed),
                DtS = dataset.TimeStep,
                Model = new ModelSection { Family = ModelFamily.Mlp, HiddenSizes = [h], Activation = "tanh" },
                Training = new TrainingSection { Epochs = e, BatchSize = 64, LearningRate = 5e-3, LrSchedule = "cosine", EarlyStoppingPatience = 15 },
                Validation = new ValidationSection { HorizonSteps = hz },
            };
            string text = string.Create(CultureInfo.InvariantCulture,
                $"# robotics rig train {file.Name} --hidden {h} --epochs {e} --segment-steps {seg} --horizon {hz} --seed {config.Seed}\nname: {config.Name}\nseed: {config.Seed}\ndt_s: {config.DtS}\nmodel:\n  family: mlp\n  hidden_sizes: [{h}]\n  activation: tanh\n");
            Console.WriteLine($"data: {dataset.Description}");
            Console.WriteLine($"      dataset sha256 {dataset.Hash}");
            var progress = new Progress(p => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  epoch {p.Epoch,3}/{p.Epochs}  train {p.TrainLoss:E3}  validation {p.ValidationLoss:E3}{(p.Improved ? "  *" : "")}")));
            var result = ModelTrainer.Train(config, text, dataset, progress, "robotics rig train");
            Console.WriteLine($"model: mlp {dataset.States.Count + dataset.Inputs.Count}-{h}-{dataset.States.Count} (tanh), kept epoch {result.BestEpoch} of {result.EpochsRun}");
            var persistence = Persistence(dataset.Test, hz);
            Console.WriteLine($"held-out test segments ({dataset.Test.Count}), RMSE in mm:");
            Console.WriteLine($"  {"output",-14} {"one-step",10} {$"{hz}-step open loop",18} {$"persistence {hz}-step",22}");
            for (int i = 0; i < dataset.States.Count; i++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {dataset.States[i].Name,-14} {result.Test.OneStepRmse[i] * 1e3,10:F4} {result.Test.OpenLoopRmse[i] * 1e3,18:F4} {persistence[i] * 1e3,22:F4}"));
            }

            var (_, path) = ModelArtifactWriter.Save(result.Artifact, parse.GetValue(output)!);
            Console.WriteLine($"wrote {path}");
            return 0;
        });
        return command;
    }

    /// <summary>Reads a <c>rig record</c> CSV and cuts it into segments split 70/15/15 by a seeded shuffle.</summary>
    public static TransitionDataset Load(FileInfo file, int segmentSteps, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!file.Exists) throw new ArgumentException($"data: '{file.FullName}' does not exist; record one with 'robotics rig record tendon --out FILE'.");
        var lines = File.ReadAllLines(file.FullName);
        if (lines.Length < 3) throw new ArgumentException($"data: '{file.FullName}' has {lines.Length} lines; record longer.");
        var header = lines[0].Split(',');
        if (header[0] != "t_s") throw new ArgumentException($"data: '{file.FullName}' column 1 is '{header[0]}', expected t_s (a 'rig record' CSV).");
        var uCols = Enumerable.Range(0, header.Length).Where(i => header[i].StartsWith("u:", StringComparison.Ordinal)).ToArray();
        var yCols = Enumerable.Range(0, header.Length).Where(i => header[i].StartsWith("y:", StringComparison.Ordinal)).ToArray();
        if (uCols.Length == 0 || yCols.Length == 0) throw new ArgumentException($"data: '{file.FullName}' needs u:... and y:... columns.");
        int rows = lines.Length - 1, n = yCols.Length, m = uCols.Length;
        var t = new double[rows];
        var y = new double[rows * n];
        var u = new double[rows * m];
        for (int r = 0; r < rows; r++)
        {
            var f = lines[r + 1].Split(',');
            if (f.Length != header.Length) throw new ArgumentException($"data: '{file.FullName}' line {r + 2} has {f.Length} fields, the header {header.Length}.");
            t[r] = double.Parse(f[0], CultureInfo.InvariantCulture);
            for (int i = 0; i < n; i++) y[r * n + i] = double.Parse(f[yCols[i]], CultureInfo.InvariantCulture);
            for (int j = 0; j < m; j++) u[r * m + j] = double.Parse(f[uCols[j]], CultureInfo.InvariantCulture);
        }

        double dt = (t[^1] - t[0]) / (rows - 1);
        int segments = (rows - 1) / segmentSteps;
        if (segments < 3) throw new ArgumentException($"data: {rows} rows give {segments} segments of {segmentSteps} steps; need >= 3 (record longer or lower --segment-steps).");
        var all = new Trajectory[segments];
        for (int s = 0; s < segments; s++)
        {
            int start = s * segmentSteps;
            all[s] = new Trajectory(n, m, y.AsSpan(start * n, (segmentSteps + 1) * n).ToArray(), u.AsSpan(start * m, segmentSteps * m).ToArray());
        }

        int[] order = Enumerable.Range(0, segments).ToArray();
        var shuffle = new Rng(seed).Fork("rig-train-split");
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = shuffle.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        int nTest = Math.Max(1, (int)Math.Round(0.15 * segments));
        int nVal = Math.Max(1, (int)Math.Round(0.15 * segments));
        int nTrain = segments - nTest - nVal;
        var states = yCols.Select(i => new SignalInfo(header[i][2..], "m")).ToArray();
        var inputs = uCols.Select(i => new SignalInfo(header[i][2..], "rad")).ToArray();
        string description = string.Create(CultureInfo.InvariantCulture,
            $"rig record {file.Name}: {rows} rows at dt {dt:R} s, {segments} segments x {segmentSteps} steps (train {nTrain}, validation {nVal}, test {nTest}), split seed {seed}");
        return new TransitionDataset(states, inputs, dt,
            order[..nTrain].Select(k => all[k]).ToArray(),
            order[nTrain..(nTrain + nVal)].Select(k => all[k]).ToArray(),
            order[(nTrain + nVal)..].Select(k => all[k]).ToArray(), description);
    }

    private static double[] Persistence(IReadOnlyList<Trajectory> test, int horizon)
    {
        int n = test[0].StateSize;
        var sum = new double[n];
        long count = 0;
        foreach (var tr in test)
        {
            for (int k = 0; k + horizon <= tr.Steps; k++)
            {
                for (int i = 0; i < n; i++)
                {
                    double d = tr.State(k + horizon)[i] - tr.State(k)[i];
                    sum[i] += d * d;
                }

                count++;
            }
        }

        return sum.Select(s => Math.Sqrt(s / count)).ToArray();
    }

    private sealed class Progress(Action<EpochProgress> report) : IProgress<EpochProgress>
    {
        public void Report(EpochProgress value) => report(value);
    }
}
