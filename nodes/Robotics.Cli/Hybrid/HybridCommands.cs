using System.CommandLine;
using System.Globalization;
using System.Text;
using Robotics.Control.Hybrid;
using Robotics.Sim.Hybrid.Car;

namespace Robotics.Cli.Hybrid;

/// <summary>
/// <c>robotics hybrid bench</c>: success rate and controller runtime per control step of the RoA planner vs LQR
/// without planning vs MPC over seeded trials of the hybrid systems (car, hopper, walker), docs/hybrid.md.
/// </summary>
public static class HybridCommands
{
    private static readonly (string Name, string TypeName)[] s_systems =
    [
        ("car", "Robotics.Sim.Hybrid.Car.CarBenchmarkSystem, Robotics.Sim"),
        ("hopper", "Robotics.Sim.Hybrid.Hopper.HopperBenchmarkSystem, Robotics.Sim"),
        ("walker", "Robotics.Sim.Hybrid.Walker.WalkerBenchmarkSystem, Robotics.Sim"),
    ];

    /// <summary>Creates the <c>hybrid</c> command group.</summary>
    public static Command Create()
    {
        var trials = new Option<int>("--trials") { Description = "Seeded trials per system and method (1 .. 10000; the committed table uses 25).", DefaultValueFactory = _ => 25 };
        var system = new Option<string>("--system") { Description = "car, hopper, walker or all.", DefaultValueFactory = _ => "all" };
        var seed = new Option<ulong>("--seed") { Description = "Benchmark seed (trial i uses a child stream of it).", DefaultValueFactory = _ => 1UL };
        var methods = new Option<string?>("--methods") { Description = "Comma-separated subset of the methods (roa_planner, lqr, mpc); default: all a system supports." };
        var roaCheck = new Option<int>("--roa-check") { Description = "Car only: dense samples per mode for the RoA conservativeness check (0 = skip).", DefaultValueFactory = _ => 2000 };
        var output = new Option<string?>("--out") { Description = "Also write the markdown report to this file." };
        var bench = new Command("bench", "Hybrid-system benchmark: success rate and runtime per control step, RoA planner vs LQR without planning vs MPC (prints markdown).")
        {
            trials, system, seed, methods, roaCheck, output,
        };
        bench.SetAction(parse =>
        {
            int n = parse.GetValue(trials), dense = parse.GetValue(roaCheck);
            string which = parse.GetValue(system) ?? "all";
            string? error = null;
            if (n is < 1 or > 10_000) error = $"--trials must be in 1 .. 10000, got {n}.";
            else if (which is not ("car" or "hopper" or "walker" or "all")) error = $"--system must be car, hopper, walker or all, got '{which}'.";
            else if (dense is < 0 or > 1_000_000) error = $"--roa-check must be in 0 .. 1000000, got {dense}.";
            var methodFilter = (parse.GetValue(methods) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (string m in methodFilter)
            {
                if (error is null && m is not (HybridMethods.RoaPlanner or HybridMethods.Lqr or HybridMethods.Mpc or HybridMethods.Neural))
                    error = $"--methods: unknown method '{m}'; allowed: roa_planner, lqr, mpc, neural_roa.";
            }

            if (error is not null)
            {
                Console.Error.WriteLine("robotics hybrid bench: " + error);
                return 2;
            }

            string report = Run(which, n, parse.GetValue(seed), methodFilter, dense, line => Console.Error.WriteLine(line));
            Console.WriteLine(report);
            string? file = parse.GetValue(output);
            if (file is not null) File.WriteAllText(file, report);
            return 0;
        });
        return new Command("hybrid", "Hybrid systems (issue 11): per-mode LQR, regions of attraction and the switching planner.") { bench };
    }

    /// <summary>Runs the benchmark and returns the markdown report.</summary>
    public static string Run(string which, int trials, ulong seed, IReadOnlyList<string> methodFilter, int roaCheckSamples, Action<string> progress)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"Command: `./robotics hybrid bench --trials {trials} --system {which} --seed {seed}`{(methodFilter.Count > 0 ? $" --methods {string.Join(',', methodFilter)}" : "")}");
        sb.AppendLine();
        sb.AppendLine("| system | method | trials | successes | success rate | mean controller time per control step (us) | control steps (mean) |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        var failures = new StringBuilder();
        CarBenchmarkSystem? car = null;
        foreach (var (name, typeName) in s_systems)
        {
            if (which != "all" && which != name)
                continue;
            var type = Type.GetType(typeName);
            if (type is null || Activator.CreateInstance(type) is not IHybridBenchmarkSystem sys)
            {
                progress($"{name}: not available ({typeName} not found) - skipped");
                sb.AppendLine(inv, $"| {name} | (not registered) | 0 | | | | |");
                continue;
            }

            car ??= sys as CarBenchmarkSystem;
            progress($"{name}: designing controllers and RoA estimates ...");
            foreach (string method in sys.Methods)
            {
                if (methodFilter.Count > 0 && !methodFilter.Contains(method))
                    continue;
                var meter = new StopwatchStepMeter();
                int ok = 0;
                long steps = 0;
                for (int t = 0; t < trials; t++)
                {
                    var r = sys.RunTrial(method, t, seed, meter);
                    if (r.Success) ok++;
                    else failures.AppendLine(inv, $"- {name} / {method} / trial {t}: {r.Detail}");
                    steps += r.ControlSteps;
                }

                double us = meter.Count == 0 ? double.NaN : meter.Ticks * 1e6 / System.Diagnostics.Stopwatch.Frequency / steps;
                progress($"{name} / {method}: {ok}/{trials} succeeded, {us.ToString("F1", inv)} us per control step");
                sb.AppendLine(inv, $"| {name} | {method} | {trials} | {ok} | {(double)ok / trials:P0} | {us:F1} | {(double)steps / trials:F0} |");
            }
        }

        if (car is not null && roaCheckSamples > 0)
        {
            progress("car: dense RoA check ...");
            sb.AppendLine();
            sb.AppendLine(inv, $"Car RoA estimates ({car.Library.Options.RoaSamples} samples per mode, seed {car.Library.Options.RoaSeed}) vs a dense independent set of {roaCheckSamples} samples per mode:");
            sb.AppendLine();
            sb.AppendLine("| mode | speed p (m/s) | level c(p) | dense level | converged (estimate samples) | dense inside c | dense inside c that diverge | dense inside dense level | level ratio c/c_dense | volume ratio (c/c_dense)^(n/2) |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in CarRoaReport.Run(car.Library, roaCheckSamples, seed + 1000, progress))
            {
                var e = row.Estimate;
                var c = row.Check;
                sb.AppendLine(inv, $"| {row.Mode} | {e.Parameter:F1} | {e.Level:G4} | {c.DenseLevel:G4} | {e.ConvergedCount}/{e.SampleCount} | {c.Inside} | {c.InsideDiverging} | {c.InsideDenseLevel} | {c.LevelRatio:F2} | {c.VolumeRatio:F2} |");
            }
        }

        if (failures.Length > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Failed trials:");
            sb.AppendLine();
            sb.Append(failures);
        }

        return sb.ToString();
    }
}
