using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Robotics.Control.Risk;
using Robotics.Core.Randomness;
using Robotics.Models.Training.Density;

namespace Robotics.Cli.Risk;

/// <summary>
/// <c>robotics train-density</c>: trains the learned density network g(x0, t) (docs/risk-learned-density.md) with
/// TorchSharp, writes its managed JSON, and measures it against the analytic Liouville propagation, the collision
/// probability against quadrature and a 10^6-sample Monte Carlo run, and its query time.
/// </summary>
public static class TrainDensityCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var system = new Option<string>("--system") { Description = $"Closed loop: {string.Join(", ", DensityProblem.Names)}.", DefaultValueFactory = _ => "linear" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of torch and of the data, batch and evaluation sampling.", DefaultValueFactory = _ => 1UL };
        var epochs = new Option<int>("--epochs") { Description = "Adam steps (>= 1; longer runs: e.g. 10000).", DefaultValueFactory = _ => 1500 };
        var batch = new Option<int>("--batch") { Description = "Trajectories per step (>= 1).", DefaultValueFactory = _ => 64 };
        var trajectories = new Option<int>("--trajectories") { Description = "Simulated training trajectories (>= batch).", DefaultValueFactory = _ => 2048 };
        var learningRate = new Option<double>("--learning-rate") { Description = "Initial Adam learning rate (> 0; decays to 5 % by the last step).", DefaultValueFactory = _ => 1e-2 };
        var hidden = new Option<string>("--hidden") { Description = "Hidden widths, comma-separated (tanh).", DefaultValueFactory = _ => "32,32" };
        var riskSamples = new Option<int>("--risk-samples") { Description = "Density-weighted samples of the collision-probability estimate (>= 10).", DefaultValueFactory = _ => 4096 };
        var mcSamples = new Option<int>("--mc-samples") { Description = "Monte Carlo samples of the ground truth (>= 1000; the committed table uses 10^6).", DefaultValueFactory = _ => 1_000_000 };
        var output = new Option<string?>("--out") { Description = "Network JSON (default models/artifacts/density-<system>.json)." };
        var report = new Option<FileInfo?>("--report") { Description = "Also write the markdown results table to this file." };
        var command = new Command("train-density",
            "Train the learned density network g(x0, t) -> (x_t, change of log-density) on the Liouville residual and state-fit losses (TorchSharp), " +
            "export it to the managed evaluator, and measure it: errors vs the analytic Liouville propagation, collision probability vs quadrature " +
            "and Monte Carlo, query time. Deterministic for a given seed (timings aside).")
        {
            system, seed, epochs, batch, trajectories, learningRate, hidden, riskSamples, mcSamples, output, report,
        };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(system)!;
            if (!DensityProblem.Names.Contains(name))
            {
                Console.Error.WriteLine($"robotics train-density: --system '{name}' is unknown; known: {string.Join(", ", DensityProblem.Names)}.");
                return 2;
            }

            string widthsText = parse.GetValue(hidden) ?? "";
            var widths = new List<int>();
            foreach (string part in widthsText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int width) || width < 1)
                {
                    Console.Error.WriteLine($"robotics train-density: --hidden '{widthsText}': '{part}' is not a width >= 1; give e.g. 32,32.");
                    return 2;
                }

                widths.Add(width);
            }

            var options = new DensityTrainingOptions
            {
                Seed = parse.GetValue(seed), Epochs = parse.GetValue(epochs), BatchSize = parse.GetValue(batch), Trajectories = parse.GetValue(trajectories),
                LearningRate = parse.GetValue(learningRate), Hidden = widths,
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"robotics train-density: {e.Message} Fix the matching option (--epochs, --batch, --trajectories, --learning-rate, --hidden).");
                return 2;
            }

            int riskCount = parse.GetValue(riskSamples), mcCount = parse.GetValue(mcSamples);
            if (riskCount < 10 || mcCount < 1000)
            {
                Console.Error.WriteLine($"robotics train-density: --risk-samples must be >= 10 and --mc-samples >= 1000 (got {riskCount}, {mcCount}).");
                return 2;
            }

            var file = parse.GetValue(report);
            if (file?.Directory is { Exists: false } dir)
            {
                Console.Error.WriteLine($"robotics train-density: --report {file.FullName}: directory {dir.FullName} does not exist; create it or choose another path.");
                return 2;
            }

            string path = parse.GetValue(output) ?? Path.Combine(RepoPaths.Root, "models", "artifacts", $"density-{name}.json");
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null && !Directory.Exists(folder))
            {
                Console.Error.WriteLine($"robotics train-density: --out {path}: directory {folder} does not exist; create it or choose another path.");
                return 2;
            }

            string reproduce = FormattableString.Invariant(
                $"./robotics train-density --system {name} --seed {options.Seed} --epochs {options.Epochs} --batch {options.BatchSize} --trajectories {options.Trajectories} --learning-rate {options.LearningRate} --hidden {string.Join(',', options.Hidden)} --risk-samples {riskCount} --mc-samples {mcCount}");
            var problem = DensityProblem.Create(name);
            var clock = Stopwatch.StartNew();
            var result = LiouvilleDensityTrainer.Train(problem, options, Console.Out);
            double trainSeconds = clock.Elapsed.TotalSeconds;
            result.Network.Save(path, reproduce);
            var network = LearnedDensityNetwork.Load(path);
            Console.WriteLine($"train-density {name}: wrote {path} ({new FileInfo(path).Length / 1024.0:F1} KiB) after {trainSeconds:F1} s of training");
            Console.WriteLine($"train-density {name}: evaluating against the analytic Liouville propagation...");
            var errors = DensityEvaluation.Evaluate(network, problem, new Rng(options.Seed).Fork("density_eval"));
            Console.WriteLine($"train-density {name}: collision probability, learned vs analytic density-weighted vs {mcCount} Monte Carlo samples...");
            var risk = Risk(problem, network, riskCount, mcCount, options.Seed);
            Console.WriteLine($"train-density {name}: timing the query (1000 samples x {problem.Steps} steps)...");
            var timing = Timing(problem, network);
            string table = Table(problem, reproduce, options, result, trainSeconds, errors, risk, timing, riskCount, mcCount);
            Console.WriteLine();
            Console.Write(table);
            if (file is not null)
            {
                File.WriteAllText(file.FullName, table);
                Console.WriteLine($"train-density {name}: wrote {file.FullName}");
            }

            return 0;
        });
        return command;
    }

    private sealed record RiskNumbers(double Learned, double LearnedAny, double Analytic, double AnalyticAny, double MonteCarlo, double MonteCarloAny);

    private sealed record TimingNumbers(double LearnedPropagateMs, double LearnedCheckMs, double AnalyticCheckMs, long LearnedCheckBytes);

    private static RiskNumbers Risk(DensityProblem problem, LearnedDensityNetwork network, int riskCount, int mcCount, ulong seed)
    {
        int n = problem.Dynamics.StateSize, steps = problem.Steps;
        var options = new CollisionRiskOptions { Samples = riskCount, FootprintRadius = problem.FootprintRadius, DensityWeighted = true };
        var initial = problem.Initial!;
        var learned = new LearnedCollisionRiskEstimator(network, options);
        var learnedRisk = learned.Evaluate(initial, problem.Obstacles, problem.Step, steps, new Rng(seed).Fork("risk"));
        var analytic = new CollisionRiskEstimator(n, options);
        var analyticRisk = analytic.Evaluate(problem.Dynamics, initial, problem.Obstacles, problem.Step, steps, new Rng(seed).Fork("risk"));
        var monteCarlo = new CollisionRiskEstimator(n, options with { Samples = mcCount, DensityWeighted = false });
        var mcRisk = monteCarlo.Evaluate(problem.Dynamics, initial, problem.Obstacles, problem.Step, steps, new Rng(seed).Fork("monte_carlo"));
        return new RiskNumbers(learned.StepRisk[steps], learnedRisk.AnyStep, analytic.StepRisk[steps], analyticRisk.AnyStep, monteCarlo.StepRisk[steps], mcRisk.AnyStep);
    }

    private static TimingNumbers Timing(DensityProblem problem, LearnedDensityNetwork network)
    {
        const int samples = 1000, repeats = 30;
        int n = problem.Dynamics.StateSize, steps = problem.Steps;
        var initial = problem.Initial!;
        var estimator = new LearnedDensityEstimator(network);
        var set = new DensitySampleSet(samples, n);
        DensitySampling.DensityWeighted(initial, new Rng(5), set);
        var states = new double[(steps + 1) * samples * n];
        var logDensities = new double[(steps + 1) * samples];
        var options = new CollisionRiskOptions { Samples = samples, FootprintRadius = problem.FootprintRadius };
        var learned = new LearnedCollisionRiskEstimator(network, options);
        var analytic = new CollisionRiskEstimator(n, options);
        var rng = new Rng(6);
        double Median(Action action)
        {
            action();
            var times = new double[repeats];
            for (int r = 0; r < repeats; r++)
            {
                long start = Stopwatch.GetTimestamp();
                action();
                times[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(times);
            return times[repeats / 2];
        }

        double propagate = Median(() => estimator.PropagateHorizon(set.States, set.LogDensities, samples, problem.Step, steps, states, logDensities));
        double check = Median(() => learned.Evaluate(initial, problem.Obstacles, problem.Step, steps, rng));
        double analyticCheck = Median(() => analytic.Evaluate(problem.Dynamics, initial, problem.Obstacles, problem.Step, steps, rng));
        long before = GC.GetAllocatedBytesForCurrentThread();
        learned.Evaluate(initial, problem.Obstacles, problem.Step, steps, rng);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        return new TimingNumbers(propagate, check, analyticCheck, bytes);
    }

    private static string Table(DensityProblem problem, string reproduce, DensityTrainingOptions options, LiouvilleDensityTrainer.Result result, double trainSeconds,
        DensityEvaluation.Errors errors, RiskNumbers risk, TimingNumbers timing, int riskCount, int mcCount)
    {
        var c = CultureInfo.InvariantCulture;
        string name = problem.Name;
        double truth = problem.Truth ?? risk.MonteCarlo;
        string truthSource = problem.Truth is null ? $"the {mcCount}-sample Monte Carlo value (no closed form)" : "scipy quadrature, tests/golden/risk/disc_probability.py";
        string at = FormattableString.Invariant($"t = {problem.Horizon:G3} s");
        double se = Math.Sqrt(risk.MonteCarlo * (1 - risk.MonteCarlo) / mcCount);
        double seAny = Math.Sqrt(risk.MonteCarloAny * (1 - risk.MonteCarloAny) / mcCount);
        var sb = new StringBuilder();
        sb.AppendLine(c, $"# Learned density estimator, `{name}` closed loop (issue 10, item 2)");
        sb.AppendLine();
        sb.AppendLine(c, $"Made by `{reproduce} --report docs/results/risk-learned-density{(name == "linear" ? "" : "-" + name)}.md` (deterministic for the seed except the timings; docs/risk-learned-density.md).");
        sb.AppendLine(c, $"System: {problem.Description}; trained over the initial distribution's ±5σ box, {problem.Steps} steps of {problem.Step:G3} s.");
        sb.AppendLine(c, $"Network: tanh {string.Join(" x ", options.Hidden)}, float64, {options.Epochs} Adam steps of {options.BatchSize} trajectories from {options.Trajectories}; training took {trainSeconds:F1} s (1 thread).");
        sb.AppendLine();
        sb.AppendLine("| quantity | value |");
        sb.AppendLine("|---|---:|");
        sb.AppendLine(c, $"| final Liouville loss (mean r², all training trajectories) | {result.LiouvilleLoss:E3} 1/s² |");
        sb.AppendLine(c, $"| final state loss (mean squared normalised error) | {result.StateLoss:E3} |");
        sb.AppendLine(c, $"| export: max \\|managed - TorchSharp\\| (256 points) | {result.MaxExportDifference:E2} |");
        sb.AppendLine(c, $"| Δlog ρ error vs analytic Liouville, RMS over {errors.Samples} held-out x0 x {problem.Steps} steps | {errors.LogDensityRms:E3} |");
        sb.AppendLine(c, $"| Δlog ρ error, max | {errors.LogDensityMax:E3} |");
        sb.AppendLine(c, $"| Δlog ρ error, RMS at {at} | {errors.LogDensityRmsAtHorizon:E3} |");
        sb.AppendLine(c, $"| state error ‖x̂_t - x_t‖, RMS over held-out x0 x steps | {errors.StateRms:E3} |");
        sb.AppendLine(c, $"| state error, max | {errors.StateMax:E3} |");
        sb.AppendLine(c, $"| state error, RMS at {at} | {errors.StateRmsAtHorizon:E3} |");
        sb.AppendLine();
        var disc = (CircleObstacle)problem.Obstacles[0];
        sb.AppendLine(c, $"Collision probability (disc ({disc.CenterX:F3}, {disc.CenterY:F3}) r {disc.Radius:G3}, footprint {problem.FootprintRadius:G3} m), {riskCount} density-weighted samples; reference at {at}: {truth:E4} ({truthSource}); Monte Carlo: {mcCount} samples through the analytic closed loop.");
        sb.AppendLine();
        sb.AppendLine(c, $"| estimate | P(collision at {at}) | rel. error vs reference | P(collision at any step) | vs Monte Carlo (standard errors) |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        sb.AppendLine(c, $"| learned density (network x_t) | {risk.Learned:E4} | {(risk.Learned - truth) / truth:P2} | {risk.LearnedAny:E4} | {(risk.LearnedAny - risk.MonteCarloAny) / seAny:F1} |");
        sb.AppendLine(c, $"| analytic Liouville (RK4), same samples | {risk.Analytic:E4} | {(risk.Analytic - truth) / truth:P2} | {risk.AnalyticAny:E4} | {(risk.AnalyticAny - risk.MonteCarloAny) / seAny:F1} |");
        sb.AppendLine(c, $"| Monte Carlo {mcCount} | {risk.MonteCarlo:E4} ± {se:E1} | {(risk.MonteCarlo - truth) / truth:P2} | {risk.MonteCarloAny:E4} ± {seAny:E1} | 0 |");
        sb.AppendLine();
        sb.AppendLine("Query time (median of 30, this machine, Stopwatch; shared 2-core box, so indicative):");
        sb.AppendLine();
        sb.AppendLine("| operation | ms |");
        sb.AppendLine("|---|---:|");
        sb.AppendLine(c, $"| learned: x_t and log ρ_t for 1000 samples x {problem.Steps + 1} times (LearnedDensityEstimator.PropagateHorizon) | {timing.LearnedPropagateMs:F2} |");
        sb.AppendLine(c, $"| learned risk check, 1000 samples x {problem.Steps} steps (LearnedCollisionRiskEstimator), {timing.LearnedCheckBytes} B allocated | {timing.LearnedCheckMs:F2} |");
        sb.AppendLine(c, $"| analytic risk check, 1000 samples x {problem.Steps} steps (CollisionRiskEstimator, batched RK4) | {timing.AnalyticCheckMs:F2} |");
        return sb.ToString();
    }
}
