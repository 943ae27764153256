using Robotics.Control.Stl.Planning;
using Robotics.Control.Stl.Tasks;
using Robotics.Core.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Stl;

/// <summary>
/// STL-NPC training (Meng and Fan): a network maps the initial state to a whole control sequence
/// <c>u = mid + half · tanh(net(x̂₀))</c>; the sequence is rolled out through the task's differentiable dynamics (torch
/// ops) and the loss <c>mean relu(γ - ρ̃)</c> on the smooth robustness of the task's planning specification is minimised
/// with Adam. The result is exported to the managed <see cref="StlSequencePolicy"/> JSON format.
/// </summary>
public static class StlNpcTrainer
{
    /// <summary>Result of a training run.</summary>
    /// <param name="Policy">The exported policy (managed).</param>
    /// <param name="FinalLoss">Loss of the last step.</param>
    /// <param name="HeldOutSatisfaction">Share of held-out initial states whose predicted sequence has hard robustness ≥ 0 (managed evaluation).</param>
    public sealed record Result(StlSequencePolicy Policy, double FinalLoss, double HeldOutSatisfaction);

    /// <summary>Trains and writes the policy to <paramref name="outputPath"/>.</summary>
    /// <param name="options">Settings.</param>
    /// <param name="outputPath">JSON file to write.</param>
    /// <param name="progress">Progress lines (every 10 % of the steps).</param>
    public static Result Train(StlNpcOptions options, string outputPath, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var torchTask = TorchStlTask.Create(options.Task);
        IStlTask task = torchTask.Task;
        int n = task.Dynamics.StateSize, m = task.Dynamics.InputSize, h = task.Horizon;
        torch.set_num_threads(1);
        torch.manual_seed((long)(options.Seed % long.MaxValue));
        var rng = new Rng(options.Seed).Fork("stl_npc").Fork(task.Name);

        // State normalisation from the initial distribution.
        var sample = SampleStates(task, rng.Fork("normalisation"), 2000);
        var mean = new double[n];
        var scale = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = 0, s2 = 0;
            for (int k = 0; k < 2000; k++)
            {
                s += sample[k * n + i];
                s2 += sample[k * n + i] * sample[k * n + i];
            }

            mean[i] = s / 2000;
            scale[i] = Math.Max(Math.Sqrt(Math.Max(s2 / 2000 - mean[i] * mean[i], 0)), 1e-3);
        }

        var min = task.ControlMin.ToArray();
        var max = task.ControlMax.ToArray();
        using var meanT = tensor(mean, ScalarType.Float64);
        using var scaleT = tensor(scale, ScalarType.Float64);
        using var midT = tensor(min.Zip(max, (a, b) => 0.5 * (a + b)).ToArray(), ScalarType.Float64);
        using var halfT = tensor(min.Zip(max, (a, b) => 0.5 * (b - a)).ToArray(), ScalarType.Float64);
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        int fanIn = n, index = 0;
        foreach (int width in options.Hidden)
        {
            modules.Add(((index++).ToString(), nn.Linear(fanIn, width, dtype: ScalarType.Float64)));
            modules.Add(((index++).ToString(), nn.ReLU()));
            fanIn = width;
        }

        modules.Add(((index).ToString(), nn.Linear(fanIn, h * m, dtype: ScalarType.Float64)));
        using var net = nn.Sequential(modules);
        var stl = new TorchStlRobustness(task.PlanningSpecification, task.Dynamics.TimeStep, options.Temperature);
        using var optimizer = optim.Adam(net.parameters(), options.LearningRate);
        double lastLoss = double.NaN;
        var batchRng = rng.Fork("batches");
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            using var scope = torch.NewDisposeScope();
            var x0 = tensor(SampleStates(task, batchRng, options.BatchSize), ScalarType.Float64).reshape(options.BatchSize, n);
            var controls = Controls(net, x0, meanT, scaleT, midT, halfT, h, m);
            var trajectories = torchTask.Rollout(x0, controls);
            var rho = stl.Evaluate(torchTask.Signals(trajectories)).select(1, 0);
            var loss = nn.functional.relu(options.Margin - rho).mean();
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            lastLoss = loss.item<double>();
            if (epoch % Math.Max(1, options.Epochs / 10) == 0 || epoch == options.Epochs)
            {
                double acc = (rho >= 0).to_type(ScalarType.Float64).mean().item<double>();
                progress.WriteLine($"train-stl {task.Name}: step {epoch}/{options.Epochs} loss {lastLoss:F4} smooth-satisfied {acc:P1}");
            }
        }

        // Export to the managed format.
        var weights = new List<double[]>();
        var biases = new List<double[]>();
        foreach (var (name, module) in net.named_children())
        {
            if (module is TorchSharp.Modules.Linear linear)
            {
                using var w = linear.weight!.detach().contiguous();
                using var b = linear.bias!.detach().contiguous();
                weights.Add(w.data<double>().ToArray());
                biases.Add(b.data<double>().ToArray());
            }
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        StlSequencePolicy.Save(outputPath, task.Name, h, m, mean, scale, min, max, [.. weights], [.. biases]);
        var policy = StlSequencePolicy.Load(outputPath);
        double satisfied = HeldOut(task, policy, rng.Fork("held_out"), options.EvaluationStates, options.Temperature);
        progress.WriteLine($"train-stl {task.Name}: held-out predicted-sequence satisfaction {satisfied:P1} over {options.EvaluationStates} states; wrote {outputPath}");
        return new Result(policy, lastLoss, satisfied);
    }

    /// <summary>Share of <paramref name="count"/> fresh initial states whose predicted sequence satisfies the planning specification (hard robustness ≥ 0).</summary>
    public static double HeldOut(IStlTask task, StlSequencePolicy policy, Rng rng, int count, double temperature)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(policy);
        var scorer = new StlTrajectoryScorer(task, task.PlanningSpecification, task.Horizon, temperature);
        var x = new double[task.Dynamics.StateSize];
        var u = new double[task.Horizon * task.Dynamics.InputSize];
        int ok = 0;
        for (int i = 0; i < count; i++)
        {
            task.SampleInitialState(rng, x);
            policy.Evaluate(x, u);
            if (scorer.HardOfPlan(x, u) >= 0)
            {
                ok++;
            }
        }

        return (double)ok / count;
    }

    private static Tensor Controls(nn.Module<Tensor, Tensor> net, Tensor x0, Tensor mean, Tensor scale, Tensor mid, Tensor half, int h, int m)
    {
        var z = net.forward((x0 - mean) / scale).reshape(x0.shape[0], h, m);
        return mid + half * tanh(z);
    }

    private static double[] SampleStates(IStlTask task, Rng rng, int count)
    {
        int n = task.Dynamics.StateSize;
        var data = new double[count * n];
        for (int k = 0; k < count; k++)
        {
            task.SampleInitialState(rng, data.AsSpan(k * n, n));
        }

        return data;
    }
}
