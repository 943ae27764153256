using System.CommandLine;
using System.Globalization;
using Robotics.Control.Risk;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Randomness;

namespace Robotics.Cli.Risk;

/// <summary><c>robotics risk efficiency</c>: error of the collision probability against the number of samples.</summary>
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
        var efficiency = new Command("efficiency",
            "Sample efficiency: RMS relative error of P(collision) vs sample count for density-weighted samples and plain Monte Carlo, " +
            "on a linear closed loop whose answer is known by quadrature (tests/golden/risk/disc_probability.py). Prints a markdown table.")
        {
            seeds,
        };
        efficiency.SetAction(parse =>
        {
            int repetitions = parse.GetValue(seeds);
            if (repetitions < 2)
            {
                Console.Error.WriteLine($"robotics risk: --seeds must be >= 2, got {repetitions}.");
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
        return risk;
    }
}
