using System.Globalization;
using Robotics.Control.Mip.Networks;
using Robotics.Control.Mip.Planning;
using Robotics.Control.Mip.Pushing;
using Robotics.Control.Mpc;
using Robotics.Core.Randomness;
using Robotics.Core.Time;
using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Xunit.Abstractions;

namespace Robotics.Control.Mip.Tests;

/// <summary>
/// Acceptance "MIP solve time vs remaining ReLUs": the committed pusher models (models/artifacts/pusher-sparse-relu*),
/// horizon 10, 10 seeded start/goal pairs per level (<see cref="PusherMpcSetup"/>). Prints the table (no timing
/// assertion); asserts only that every solved plan, replayed through the managed evaluator, reproduces the MIP's
/// predicted states, and that a trust-region plan stays inside its region.
/// </summary>
/// <remarks>
/// Knobs (environment): ROBOTICS_PUSHER_LEVELS (e.g. 0,2,8), ROBOTICS_PUSHER_BACKEND (HighsNative, Highs, Cbc, Scip),
/// ROBOTICS_PUSHER_LIMIT_S (2), ROBOTICS_PUSHER_GAP (0.001), ROBOTICS_PUSHER_TIGHTEN (Propagation or Lp),
/// ROBOTICS_PUSHER_TIGHTEN_STEPS (all), ROBOTICS_PUSHER_PLAN (none, zero or mppi: the warm-start/fallback plan;
/// mppi = 200 samples x 3 iterations on the same sparse model), ROBOTICS_PUSHER_TRUST (trust region, m/s, needs a plan),
/// ROBOTICS_PUSHER_UNSCALED (no variable scaling), ROBOTICS_PUSHER_PAIRS (10), ROBOTICS_PUSHER_SOLVER_PARAMS
/// (solver-specific parameters, ';'-separated, replacing <see cref="PusherMpcSetup.HighsSmallMipParameters"/>; empty = the solver's defaults), ROBOTICS_PUSHER_NO_CUTOFF (HiGHS without the warm start's cost as cutoff), ROBOTICS_PUSHER_RESOLVE (time a second
/// plan warm-started at the first plan's optimum, as in the closed loop's steady state).
/// </remarks>
public sealed class PusherSolveTimeTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Plan_PusherSparsityLevels_PrintsSolveTimeTable()
    {
        string dir = Environment.GetEnvironmentVariable("ROBOTICS_PUSHER_MODELS") ?? Path.Combine(RepoRoot(), "models", "artifacts");
        var files = Directory.GetFiles(dir, "pusher-sparse-relu*.model.json")
            .Where(f => Env("LEVELS") is not { } only || only.Split(',').Any(l => f.EndsWith($"relu{l}.model.json", StringComparison.Ordinal)))
            .OrderBy(f => int.Parse(Path.GetFileName(f)["pusher-sparse-relu".Length..].Split('.')[0], CultureInfo.InvariantCulture)).ToArray();
        Assert.NotEmpty(files);
        var backend = Enum.Parse<MipBackend>(Env("BACKEND") ?? "HighsNative");
        double limitS = double.Parse(Env("LIMIT_S") ?? "2", CultureInfo.InvariantCulture);
        double gap = double.Parse(Env("GAP") ?? "0.001", CultureInfo.InvariantCulture);
        var tighten = Enum.Parse<MipBoundTightening>(Env("TIGHTEN") ?? "Propagation");
        int? tightenSteps = Env("TIGHTEN_STEPS") is { } ts ? int.Parse(ts, CultureInfo.InvariantCulture) : null;
        string plan = Env("PLAN") ?? "none";
        double? trust = Env("TRUST") is { } tr ? double.Parse(tr, CultureInfo.InvariantCulture) : null;
        int pairs = int.Parse(Env("PAIRS") ?? "10", CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{backend}, bounds {tighten} (steps {tightenSteps?.ToString(CultureInfo.InvariantCulture) ?? "all"}), plan {plan}, trust region {(trust is null ? "none" : $"+-{trust} m/s")}, limit {limitS} s, gap {gap}, {pairs} pairs"),
            "| ReLUs | binaries / step (mean) | build ms median (bounds + model) | solve ms median | total ms median | total p90 | total CPU ms median | total CPU p90 | optimal | time limit | fallback |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        };
        foreach (string file in files)
        {
            var artifact = ModelArtifactReader.Load(file);
            var net = ReluDynamicsNetwork.FromArtifact(artifact);
            var managed = ModelLoader.Create(artifact);
            var setup = PusherMpcSetup.MipOptions(TimeSpan.FromSeconds(limitS), backend);
            var options = setup with
            {
                RelativeGap = gap,
                BoundTightening = tighten,
                TighteningSteps = tightenSteps,
                TrustRegion = trust is { } d ? [d, d] : null,
                SolverParameters = Env("SOLVER_PARAMS") is { } sp ? sp.Replace(';', '\n') : setup.SolverParameters,
                CutoffAtWarmStart = Env("NO_CUTOFF") is null,
            };
            if (Env("UNSCALED") is null)
            {
                // Scale the variables by the typical magnitudes the model was normalised with.
                var std = artifact.Metadata.Normalization.InputStd;
                options = options with { StateScale = std[..5], InputScale = std[5..] };
            }

            var planner = new MipMpcPlanner(net, options);
            var mppi = new MppiController(ModelLoader.Create(artifact), PusherMpcSetup.Sampling(200, 3), PusherMpcSetup.SamplingCosts(), new Rng(5));
            var rng = new Rng(77);
            var total = new List<double>();
            var solve = new List<double>();
            var bounds = new List<double>();
            var cpu = new List<double>();
            int optimal = 0, limit = 0, fallback = 0;
            double binaries = 0;
            for (int i = 0; i < pairs; i++)
            {
                var (x0, goal) = PusherMpcSetup.StartGoal(rng);
                double[] reference = plan switch
                {
                    "zero" => new double[PusherMpcSetup.Horizon * 2],
                    "mppi" => MppiPlan(mppi, x0, goal),
                    _ => [],
                };
                var result = planner.Plan(x0, goal, reference);
                if (Env("RESOLVE") is not null && !result.UsedFallback)
                {
                    // The steady state of the closed loop: warm-started at an optimum (here: the one just found).
                    reference = result.Controls;
                    result = planner.Plan(x0, goal, reference);
                }

                if (result.Status != MipPlanStatus.Optimal || result.WarmStartOptimal) output.WriteLine(result.Message);
                total.Add(result.TotalMilliseconds);
                solve.Add(result.SolveMilliseconds);
                bounds.Add(result.BuildMilliseconds);
                cpu.Add(result.TotalCpuMilliseconds);
                binaries += result.BinaryCount / (double)PusherMpcSetup.Horizon;
                if (result.Status == MipPlanStatus.Optimal) optimal++;
                else if (result.Status == MipPlanStatus.TimeLimitIncumbent) limit++;
                else fallback++;
                if (!result.UsedFallback)
                {
                    var x = (double[])x0.Clone();
                    for (int t = 0; t < PusherMpcSetup.Horizon; t++)
                    {
                        managed.Step(x, result.Controls.AsSpan(t * 2, 2), x);
                        for (int k = 0; k < 5; k++) Assert.True(Math.Abs(x[k] - result.PredictedStates[(t + 1) * 5 + k]) < 1e-4, $"{Path.GetFileName(file)} step {t + 1} state {k}");
                        if (trust is { } delta && reference.Length > 0)
                        {
                            for (int j = 0; j < 2; j++) Assert.InRange(result.Controls[t * 2 + j], reference[t * 2 + j] - delta - 1e-6, reference[t * 2 + j] + delta + 1e-6);
                        }
                    }
                }
            }

            total.Sort();
            solve.Sort();
            bounds.Sort();
            cpu.Sort();
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {net.ReluCount} | {binaries / pairs:F1} | {Percentile(bounds, 0.5):F1} | {Percentile(solve, 0.5):F1} | {Percentile(total, 0.5):F1} | {Percentile(total, 0.9):F1} | {Percentile(cpu, 0.5):F1} | {Percentile(cpu, 0.9):F1} | {optimal} | {limit} | {fallback} |"));
            output.WriteLine(lines[^1]);
        }

        foreach (var line in lines) output.WriteLine(line);
    }

    private static double[] MppiPlan(MppiController mppi, double[] x0, double[] goal)
    {
        mppi.Reset();
        mppi.Plan(SimTime.Zero, x0, goal);
        return mppi.PlannedControls[..(PusherMpcSetup.Horizon * 2)].ToArray();
    }

    private static string? Env(string name) => Environment.GetEnvironmentVariable("ROBOTICS_PUSHER_" + name);

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(p * (sorted.Count - 1) + 0.5))];

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        // The test binaries may live outside the repository (--artifacts-path): start from this source file.
        var dir = new DirectoryInfo(Path.GetDirectoryName(source) ?? AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "models", "artifacts"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("models/artifacts not found above " + AppContext.BaseDirectory);
    }
}
