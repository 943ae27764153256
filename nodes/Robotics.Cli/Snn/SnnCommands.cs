using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Robotics.Control.Loop;
using Robotics.Control.Pid;
using Robotics.Control.Snn;
using Robotics.Models.Snn;
using Robotics.Sim.Plants;

namespace Robotics.Cli.Snn;

/// <summary>
/// <c>robotics train-snn &lt;config.yaml&gt;</c>: evolves the two complementary spiking altitude controllers of the blimp
/// paper (and a one-population baseline) with CMA-ES, writes the artifact with provenance and the benchmark table
/// (SNN vs PID vs one-population SNN over seeded step and staircase profiles).
/// </summary>
public static class SnnCommands
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var config = new Argument<string>("config") { Description = "Training configuration YAML, e.g. models/artifacts/blimp-snn.train.yaml (every field is documented there)." };
        var output = new Option<string?>("--output", "-o") { Description = "Artifact path; default models/artifacts/<name>.snn.json." };
        var table = new Option<string?>("--table") { Description = "Benchmark table path (markdown); default next to the artifact as <name>.benchmark.md." };
        var seed = new Option<ulong?>("--seed") { Description = "Override the config's seed." };
        var workers = new Option<int?>("--workers") { Description = "Override the number of parallel fitness workers (the result does not depend on it)." };
        var benchmarkOnly = new Option<string?>("--benchmark-only") { Description = "Skip training: benchmark an existing artifact (.snn.json) against the PID." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print progress every 25 generations instead of every 5." };
        var command = new Command("train-snn", "Evolve spiking-network blimp altitude controllers (CMA-ES, PID imitation + closed-loop error), write the artifact and benchmark table.")
        {
            config, output, table, seed, workers, benchmarkOnly, quiet,
        };
        command.SetAction(parse => Run(parse.GetValue(config)!, parse.GetValue(output), parse.GetValue(table), parse.GetValue(seed),
            parse.GetValue(workers), parse.GetValue(benchmarkOnly), parse.GetValue(quiet)));
        return command;
    }

    private static int Run(string configPath, string? outputPath, string? tablePath, ulong? seed, int? workers, string? benchmarkOnly, bool quiet)
    {
        SnnTrainConfig config;
        try
        {
            config = SnnTrainConfig.Load(configPath);
            if (seed is { } s) config = config with { Training = config.Training with { Seed = s } };
            if (workers is { } w)
            {
                if (w < 1) throw new SnnConfigException($"--workers {w}: give at least 1.");
                config = config with { Training = config.Training with { Workers = w } };
            }
        }
        catch (SnnConfigException e)
        {
            Console.Error.WriteLine($"robotics train-snn: {e.Message}");
            return 2;
        }

        string artifactPath = outputPath ?? Path.Combine("models", "artifacts", config.Name + ".snn.json");
        SnnArtifact artifact;
        if (benchmarkOnly is not null)
        {
            try
            {
                artifact = SnnArtifactFile.Load(benchmarkOnly);
                artifactPath = benchmarkOnly;
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                Console.Error.WriteLine($"robotics train-snn: --benchmark-only {benchmarkOnly}: {e.Message}");
                return 2;
            }
        }
        else
        {
            artifact = Train(config, quiet);
            SnnArtifactFile.Save(artifact, artifactPath);
            Console.WriteLine($"wrote {artifactPath}");
        }

        string markdown = Benchmark(config, artifact);
        Console.WriteLine();
        Console.WriteLine(markdown);
        string tableFile = tablePath ?? Path.Combine(Path.GetDirectoryName(artifactPath) ?? ".", config.Name + ".benchmark.md");
        File.WriteAllText(tableFile, markdown);
        Console.WriteLine($"wrote {tableFile}");
        return 0;
    }

    private static SnnArtifact Train(SnnTrainConfig config, bool quiet)
    {
        var o = config.Training;
        var plant = new Blimp(config.Plant);
        var trainer = new SnnTrainer(o, plant);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"train-snn '{config.Name}': seed {o.Seed}, {o.Profiles} random-step profiles of {o.ProfileDurationS} s at {1.0 / o.Loop.PeriodS:0} Hz, {o.Workers} worker(s)"));
        Console.WriteLine($"  fast population {o.Fast.Neurons} neurons + slow population {o.Slow.Neurons} neurons (total {o.Fast.Neurons + o.Slow.Neurons}); baseline {o.Single.Neurons} neurons");
        int every = quiet ? 25 : 5;
        var clock = Stopwatch.StartNew();
        var progress = new SynchronousProgress<SnnTrainingProgress>(p =>
        {
            if (p.Generation % every == 0 || p.Generation == p.Generations || p.Generation == 1)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {p.Stage,-6} gen {p.Generation,4}/{p.Generations}  best {p.BestFitness,10:F5}  gen-best {p.GenerationBest,10:F5}  sigma {p.Sigma:F4}  evals {p.Evaluations,6}  {clock.Elapsed.TotalSeconds,6:F1} s"));
            }
        });

        var result = trainer.Train(progress);
        double seconds = clock.Elapsed.TotalSeconds;
        var t = o.Teacher;
        return new SnnArtifact
        {
            Name = config.Name,
            Description = $"Blimp altitude SNN: fast population ({o.Fast.Neurons} LIF, imitates PID P+D) + slow population ({o.Slow.Neurons} LIF, imitates PID I), summed; thrust in N.",
            PeriodS = o.Loop.PeriodS,
            ErrorScaleM = o.ErrorScaleM,
            DerivativeScaleMS = o.DerivativeScaleMS,
            DerivativeFilterTimeS = o.DerivativeFilterTimeS,
            OutputOffset = 0.0,
            OutputMin = o.Loop.ThrustMinN,
            OutputMax = o.Loop.ThrustMaxN,
            Controller =
            [
                SnnArtifactConversion.ToArtifact(result.Fast.Definition, o.Fast.Name, "fast: imitates the PID's P + D terms (damps overshoot and oscillation)",
                    result.Fast.BestFitness, result.Fast.Generations, result.Fast.Evaluations),
                SnnArtifactConversion.ToArtifact(result.Slow.Definition, o.Slow.Name, "slow: imitates the PID's integral term (removes the buoyancy steady-state error)",
                    result.Slow.BestFitness, result.Slow.Generations, result.Slow.Evaluations),
            ],
            Baseline = result.Single is { } single
                ? SnnArtifactConversion.ToArtifact(single.Definition, o.Single.Name, "baseline: one population imitating the whole PID output",
                    single.BestFitness, single.Generations, single.Evaluations)
                : null,
            Provenance = new SnnProvenance
            {
                Seed = o.Seed,
                TrainingConfig = config.Text,
                TrainingConfigSha256 = SnnArtifactFile.Sha256(config.Text),
                Plant = new Dictionary<string, double>
                {
                    ["mass_kg"] = config.Plant.MassKg,
                    ["added_mass_kg"] = config.Plant.AddedMassKg,
                    ["net_weight_n"] = config.Plant.NetWeightN,
                    ["linear_drag_n_s_m"] = config.Plant.LinearDragNSPerM,
                    ["quadratic_drag_n_s2_m2"] = config.Plant.QuadraticDragNS2PerM2,
                    ["thrust_deadband_n"] = config.Plant.ThrustDeadbandN,
                    ["thrust_min_n"] = config.Plant.ThrustMinN,
                    ["thrust_max_n"] = config.Plant.ThrustMaxN,
                    ["sensor_noise_std_m"] = o.Loop.SensorNoiseStdM,
                    ["period_s"] = o.Loop.PeriodS,
                },
                Teacher = new Dictionary<string, double>
                {
                    ["kp"] = t.Kp, ["ki"] = t.Ki, ["kd"] = t.Kd, ["derivative_filter_time_s"] = t.DerivativeFilterTimeS,
                    ["output_min"] = t.OutputMin, ["output_max"] = t.OutputMax,
                },
                Trainer = $"CMA-ES ({(o.DiagonalCovariance ? "sep/diagonal" : "full")} covariance, sigma0 {o.InitialSigma.ToString(CultureInfo.InvariantCulture)}), fitness = {o.ImitationWeight.ToString(CultureInfo.InvariantCulture)} x PID imitation + {o.TrackingWeight.ToString(CultureInfo.InvariantCulture)} x closed-loop altitude error",
                CreatedBy = "robotics train-snn (Robotics.Control.Snn.SnnTrainer)",
                TrainingSeconds = Math.Round(seconds, 1),
            },
        };
    }

    /// <summary>Runs PID, the combined SNN and the one-population SNN over the benchmark profiles and seeds.</summary>
    internal static string Benchmark(SnnTrainConfig config, SnnArtifact artifact)
    {
        var o = config.Training;
        var plant = new Blimp(config.Plant);
        var controllers = new List<(string Label, int Neurons, Func<IController> Create)>
        {
            ("PID (teacher)", 0, () => new PidController(o.Teacher, 2, 1, "pid")),
            ("SNN fast+slow", artifact.Controller.Sum(p => p.Neurons), () => SnnArtifactConversion.CreateController(artifact)),
        };
        if (artifact.Baseline is { } b) controllers.Add(("SNN one population", b.Neurons, () => SnnArtifactConversion.CreateController(artifact, baseline: true)));
        controllers.Add(("SNN fast only (no I)", artifact.Controller[0].Neurons, () => SnnArtifactConversion.CreateController(artifact with { Controller = [artifact.Controller[0]] })));

        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# {config.Name}: closed-loop benchmark");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"Blimp plant (net weight {config.Plant.NetWeightN} N, thrust [{config.Plant.ThrustMinN}, {config.Plant.ThrustMaxN}] N, deadband {config.Plant.ThrustDeadbandN} N), {1.0 / o.Loop.PeriodS:0} Hz, altitude noise {o.Loop.SensorNoiseStdM} m; mean over noise seeds {string.Join(", ", config.BenchmarkSeeds)}.");
        sb.AppendLine("Settling band max(5 % of the step, 2 cm); oscillation = RMS altitude rate after settling; steady-state error = mean |z - r| over the last quarter of each hold.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Artifact: {artifact.Name} (seed {artifact.Provenance.Seed}, config sha256 {Short(artifact.Provenance.TrainingConfigSha256)}).");
        sb.AppendLine();
        sb.AppendLine("| controller | neurons | profile | overshoot % | settling s | unsettled | steady-state error mm | oscillation mm/s | RMSE mm | thrust RMS mN | spikes/s |");
        sb.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var profile in config.BenchmarkProfiles)
        {
            foreach (var (label, neurons, create) in controllers)
            {
                double os = 0, st = 0, sse = 0, osc = 0, rmse = 0, thrust = 0, spikes = 0;
                int unsettled = 0;
                foreach (ulong s in config.BenchmarkSeeds)
                {
                    var m = AltitudeBenchmark.Run(create(), plant, profile, o.Loop, s);
                    os += m.OvershootPercent;
                    st += m.SettlingTimeS;
                    unsettled += m.UnsettledHolds;
                    sse += m.SteadyStateErrorM;
                    osc += m.OscillationRmsMS;
                    rmse += m.RmseM;
                    thrust += m.ThrustRmsN;
                    spikes += m.SpikesPerSecond;
                }

                double n = config.BenchmarkSeeds.Length;
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | {neurons} | {profile.Name} | {os / n:F1} | {st / n:F2} | {unsettled} | {1000 * sse / n:F1} | {1000 * osc / n:F1} | {1000 * rmse / n:F1} | {1000 * thrust / n:F1} | {spikes / n:F0} |"));
            }
        }

        return sb.ToString();
    }

    private static string Short(string hash) => hash.Length > 16 ? hash[..16] + "..." : hash;

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
