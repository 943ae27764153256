using System.CommandLine;
using System.Globalization;
using Robotics.Control.Risk;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Randomness;
using Robotics.Sim.Risk;

namespace Robotics.Cli.Risk;

/// <summary><c>robotics risk efficiency</c> (collision-probability error vs samples) and <c>robotics risk bench</c> (closed-loop benchmark).</summary>
public static class RiskCommands
{
    // The scenario of tests/golden/risk/disc_probability.py: x' = A x, x0 ~ N([0, 2], 0.09 I), a disc at (1.6, 0.27) of
    // radius 0.2 with a 0.1 m footprint; P(collision at T = 2 s) by scipy quadrature.
    private const double Truth = 1.6623284725e-02;

    /// <summary>Creates the <c>risk</c> command group.</summary>
    public static Command Create()
    {
        var risk = new Command("risk", "Density-based collision risk (docs/risk.md).");
        var seeds = new Option<int>("--seeds") { Description = "Seeded repetitions per sample count.", DefaultValueFactory = _ => 40 };
        var caseOption = new Option<string>("--case")
        {
            Description = "disc (2-D linear loop, a disc; the default) or gate6d (the risk gate's 6-D deviation, a half-plane: density-weighted vs quasi-Monte Carlo vs Monte Carlo).",
            DefaultValueFactory = _ => "disc",
        };
        var efficiency = new Command("efficiency",
            "Sample efficiency: RMS relative error of P(collision) vs sample count for density-weighted samples and plain Monte Carlo, " +
            "on a linear closed loop whose answer is known by quadrature (tests/golden/risk/disc_probability.py). Prints a markdown table.")
        {
            seeds, caseOption,
        };
        efficiency.SetAction(parse =>
        {
            int repetitions = parse.GetValue(seeds);
            if (repetitions < 2)
            {
                Console.Error.WriteLine($"robotics risk: --seeds must be >= 2, got {repetitions}.");
                return 2;
            }

            string which = parse.GetValue(caseOption) ?? "disc";
            if (which == "gate6d")
            {
                return GateSixDimensional(repetitions);
            }

            if (which != "disc")
            {
                Console.Error.WriteLine($"robotics risk efficiency: --case must be disc or gate6d, got '{which}'.");
                return 2;
            }

            var dynamics = new LinearClosedLoopDynamics(Matrix.FromRows([-0.5, 1.0], [0.0, -1.0]));
            var initial = new GaussianInitialDistribution([0.0, 2.0], Matrix.Diagonal(0.09, 0.09));
            IPlanarObstacle[] obstacles = [new CircleObstacle(1.6, 0.27, 0.2)];
            Console.WriteLine($"P(collision at t = 2 s), truth {Truth.ToString("G6", CultureInfo.InvariantCulture)} (scipy quadrature); {repetitions} seeds per cell.");
            Console.WriteLine();
            Console.WriteLine("| samples | density-weighted RMS rel. error | Monte Carlo RMS rel. error | ratio (MC / density) |");
            Console.WriteLine("|---:|---:|---:|---:|");
            foreach (int n in new[] { 100, 300, 1000, 3000, 10_000, 30_000, 100_000 })
            {
                double density = RmsError(n, true);
                double monteCarlo = RmsError(n, false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {n} | {density:P2} | {monteCarlo:P2} | {monteCarlo / density:F1} |"));
            }

            return 0;

            double RmsError(int n, bool weighted)
            {
                var estimator = new CollisionRiskEstimator(2, new CollisionRiskOptions { Samples = n, FootprintRadius = 0.1, DensityWeighted = weighted });
                var root = new Rng(20261128).Fork(weighted ? "density" : "monte_carlo").Fork(n.ToString(CultureInfo.InvariantCulture));
                double sum = 0;
                for (int s = 0; s < repetitions; s++)
                {
                    estimator.Evaluate(dynamics, initial, obstacles, 0.1, 20, root.Fork(s.ToString(CultureInfo.InvariantCulture)));
                    double relative = (estimator.StepRisk[20] - Truth) / Truth;
                    sum += relative * relative;
                }

                return Math.Sqrt(sum / repetitions);
            }
        });
        risk.Subcommands.Add(efficiency);
        risk.Subcommands.Add(CreateBench());
        return risk;
    }

    // The risk gate's 6-D deviation (estimate error [0.03, 0.03, 0.02, 0.03], biases 0.15 m/s², 0.03 rad) at rest, and a
    // box covering the half-plane x >= 0.26 with a 0.2 m footprint: P = sf(2) = 2.2750131948e-02
    // (tests/golden/risk/half_plane_probability.py).
    private static int GateSixDimensional(int repetitions)
    {
        const double truth = 2.2750131948e-02;
        var dynamics = new LinearClosedLoopDynamics(new Matrix(6, 6));
        var initial = new GaussianInitialDistribution(new double[6], Matrix.Diagonal(0.03 * 0.03, 0.03 * 0.03, 0.02 * 0.02, 0.03 * 0.03, 0.15 * 0.15, 0.03 * 0.03));
        IPlanarObstacle[] obstacles = [new ConvexPolygonObstacle([(0.26, -100), (100, -100), (100, 100), (0.26, 100)])];
        Console.WriteLine($"The risk gate's 6-D deviation against a half-plane: P(collision), truth {truth.ToString("G6", CultureInfo.InvariantCulture)} (scipy norm.sf(2)); {repetitions} seeds per cell.");
        Console.WriteLine();
        Console.WriteLine("| samples | density-weighted RMS rel. error | quasi-Monte Carlo RMS rel. error | Monte Carlo RMS rel. error |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (int n in new[] { 100, 300, 1000, 3000, 10_000 })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {n} | {Rms(n, "density"):P2} | {Rms(n, "qmc"):P2} | {Rms(n, "monte_carlo"):P2} |"));
        }

        return 0;

        double Rms(int n, string kind)
        {
            var estimator = new CollisionRiskEstimator(6, new CollisionRiskOptions
            {
                Samples = n, FootprintRadius = 0.2, DensityWeighted = kind == "density", QuasiMonteCarlo = kind == "qmc",
            });
            var root = new Rng(20261128).Fork(kind).Fork(n.ToString(CultureInfo.InvariantCulture));
            double sum = 0;
            for (int s = 0; s < repetitions; s++)
            {
                estimator.Evaluate(dynamics, initial, obstacles, 0.1, 1, root.Fork(s.ToString(CultureInfo.InvariantCulture)));
                double relative = (estimator.StepRisk[1] - truth) / truth;
                sum += relative * relative;
            }

            return Math.Sqrt(sum / repetitions);
        }
    }

    private static Command CreateBench()
    {
        var trials = new Option<int>("--trials") { Description = "Seeded trials per planner and scenario (>= 1; the committed table uses 100).", DefaultValueFactory = _ => 100 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of trial 0 (trial i uses seed + i).", DefaultValueFactory = _ => 1000UL };
        var samples = new Option<int>("--risk-samples") { Description = "Density-weighted samples per risk check (>= 10).", DefaultValueFactory = _ => 1000 };
        var threshold = new Option<double>("--threshold") { Description = "Risk threshold of the gate, in (0, 1).", DefaultValueFactory = _ => 2e-3 };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the markdown table to this file." };
        var sampling = new Option<string>("--sampling")
        {
            Description = "The check's sampling: qmc (randomised quasi-Monte Carlo from the distribution) or density (density-weighted cells over the ±5σ box).",
            DefaultValueFactory = _ => "qmc",
        };
        var scenarioOption = new Option<string>("--scenario")
        {
            Description = "driving (static + crossing obstacles), driving-gap (a 0.7 m gap in a wall that a 0.3 m inflation closes), all (both driving layouts) " +
                "or hovercraft (planar rigid body with two thrusters and uncertain mass, drag and thrust gain).",
            DefaultValueFactory = _ => "all",
        };
        var bench = new Command("bench",
            "Closed-loop benchmark (docs/risk.md): goal-reaching success and safety rate of MPPI with the density risk gate, MPPI without risk " +
            "and MPPI with inflated obstacles, over seeded trials of the driving and hovercraft scenarios. Every planner may run 4 MPPI passes of 256 rollouts " +
            "per tick (baselines: 4 iterations; gate: 1 per plan it makes). Deterministic for a given seed.")
        {
            trials, seed, samples, threshold, output, scenarioOption, sampling,
        };
        bench.SetAction(parse =>
        {
            int n = parse.GetValue(trials);
            int riskSamples = parse.GetValue(samples);
            double limit = parse.GetValue(threshold);
            var file = parse.GetValue(output);
            if (n < 1)
            {
                Console.Error.WriteLine($"robotics risk bench: --trials must be >= 1, got {n}.");
                return 2;
            }

            if (riskSamples < 10)
            {
                Console.Error.WriteLine($"robotics risk bench: --risk-samples must be >= 10, got {riskSamples}.");
                return 2;
            }

            if (!(limit > 0 && limit < 1))
            {
                Console.Error.WriteLine($"robotics risk bench: --threshold must be in (0, 1), got {limit}.");
                return 2;
            }

            if (file?.Directory is { Exists: false } dir)
            {
                Console.Error.WriteLine($"robotics risk bench: --out {file.FullName}: directory {dir.FullName} does not exist; create it or choose another path.");
                return 2;
            }

            string scenarioName = parse.GetValue(scenarioOption) ?? "all";
            DrivingRiskLayout[] layouts = scenarioName switch
            {
                "driving" => [DrivingRiskLayout.Mixed],
                "driving-gap" => [DrivingRiskLayout.NarrowGap],
                "all" => [DrivingRiskLayout.Mixed, DrivingRiskLayout.NarrowGap],
                _ => [],
            };
            bool hovercraft = scenarioName == "hovercraft";
            if (layouts.Length == 0 && !hovercraft)
            {
                Console.Error.WriteLine($"robotics risk bench: --scenario must be driving, driving-gap, all or hovercraft, got '{scenarioName}'.");
                return 2;
            }

            string samplingName = parse.GetValue(sampling) ?? "qmc";
            if (samplingName is not ("qmc" or "density"))
            {
                Console.Error.WriteLine($"robotics risk bench: --sampling must be qmc or density, got '{samplingName}'.");
                return 2;
            }

            ulong baseSeed = parse.GetValue(seed);
            var summaries = new List<RiskBenchmarkSummary>();
            foreach (var layout in layouts)
            {
                var options = new DrivingRiskOptions { RiskSamples = riskSamples, Threshold = limit, Layout = layout, QuasiMonteCarlo = samplingName == "qmc" };
                summaries.AddRange(RiskBenchmarkRunner.RunDriving(n, baseSeed, options, line => Console.Error.WriteLine(line)));
            }

            if (hovercraft)
            {
                var options = new DrivingRiskOptions { RiskSamples = riskSamples, Threshold = limit, QuasiMonteCarlo = samplingName == "qmc" };
                summaries.AddRange(RiskBenchmarkRunner.RunHovercraft(n, baseSeed, options, line => Console.Error.WriteLine(line)));
            }

            string table = RiskBenchmarkRunner.ToMarkdown(summaries);
            string header = string.Create(CultureInfo.InvariantCulture,
                $"Made by `./robotics risk bench --trials {n} --seed {baseSeed} --risk-samples {riskSamples} --threshold {limit} --scenario {scenarioName} --sampling {samplingName}` (deterministic).{Environment.NewLine}{Environment.NewLine}");
            Console.Write(header + table);
            if (file is not null)
            {
                File.WriteAllText(file.FullName, header + table);
            }

            return 0;
        });
        return bench;
    }
}
