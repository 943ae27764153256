using System.Diagnostics;
using System.Globalization;
using System.Text;
using Robotics.Control.Loop;
using Robotics.Control.Mip.Networks;
using Robotics.Control.Mip.Planning;
using Robotics.Control.Mip.Pushing;
using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Costs;
using Robotics.Core.Randomness;
using Robotics.Core.Time;
using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Robotics.Sim.Plants;

namespace Robotics.Cli.Pushing;

/// <summary>
/// Closed-loop planar pushing: the true <see cref="PusherSlider"/> plant, a box to push to a goal pose, and MIP-MPC on
/// the sparsified model against MPPI, CEM and gradient MPC on the dense model, at one compute budget per step.
/// </summary>
public static class PushingBenchmark
{
    private const int Horizon = PusherMpcSetup.Horizon;
    private const double Dt = PusherMpcSetup.TimeStepS;

    /// <summary>Runs every controller over the same seeded pairs; <paramref name="progress"/> gets one line per episode.</summary>
    public static IReadOnlyList<PushBenchRow> Run(PushBenchOptions options, Action<string> progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        string densePath = Path.Combine(options.ModelsDirectory, "pusher-sparse-relu64.model.json");
        string sparsePath = Path.Combine(options.ModelsDirectory, $"pusher-sparse-relu{options.SparseRelus}.model.json");
        var pairs = new List<(double[] Start, double[] Goal)>();
        var pairRng = new Rng(options.Seed).Fork("pairs");
        for (int i = 0; i < options.Pairs; i++) pairs.Add(PusherMpcSetup.StartGoal(pairRng));

        var rows = new List<PushBenchRow>();
        foreach (string name in options.Controllers)
        {
            var factory = CreateFactory(name, options, densePath, sparsePath, progress);
            var pos = new double[pairs.Count];
            var yaw = new double[pairs.Count];
            var ms = new List<double>();
            int successes = 0;
            int fallback = 0, incumbent = 0, optimal = 0, kept = 0, previous = 0;
            for (int p = 0; p < pairs.Count; p++)
            {
                var controller = factory.Create(options.Seed + (ulong)p);
                var plant = new PusherSlider();
                var state = (double[])pairs[p].Start.Clone();
                var goal = pairs[p].Goal;
                var command = new double[2];
                var period = SimTime.FromSeconds(Dt);
                for (int k = 0; k < options.Steps; k++)
                {
                    var now = period * k;
                    long t0 = Stopwatch.GetTimestamp();
                    var status = controller.Update(now, period, state, goal, command);
                    ms.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    if (status == ControllerStatus.Failed) command.AsSpan().Clear();
                    plant.Advance(k * Dt, Dt, state, command);
                }

                if (controller is MipMpcController mip)
                {
                    fallback += mip.FallbackCount;
                    incumbent += mip.IncumbentCount;
                    optimal += mip.TickCount - mip.FallbackCount - mip.IncumbentCount;
                    kept += mip.WarmStartOptimalCount;
                    previous += mip.PreviousPlanWarmStartCount;
                }

                pos[p] = Math.Sqrt(Sq(state[0] - goal[0]) + Sq(state[1] - goal[1]));
                yaw[p] = Math.Abs(Math.IEEERemainder(state[2] - goal[2], 2 * Math.PI));
                bool ok = pos[p] <= options.SuccessPositionM && yaw[p] <= options.SuccessYawRad;
                if (ok) successes++;
                // The task of the pair, in the box's start frame: how far, which way and how much to turn.
                var start = pairs[p].Start;
                double distance = Math.Sqrt(Sq(goal[0] - start[0]) + Sq(goal[1] - start[1]));
                double bearing = Math.IEEERemainder(Math.Atan2(goal[1] - start[1], goal[0] - start[0]) - start[2], 2 * Math.PI);
                double turn = Math.IEEERemainder(goal[2] - start[2], 2 * Math.PI);
                progress(string.Create(CultureInfo.InvariantCulture,
                    $"{name} pair {p + 1}/{pairs.Count} (goal {distance * 1000:F0} mm away, {bearing * 180 / Math.PI:+0;-0;0} deg off the push direction, turn {turn * 180 / Math.PI:+0;-0;0} deg): final position error {pos[p] * 1000:F1} mm, yaw error {yaw[p] * 180 / Math.PI:F1} deg{(ok ? " (success)" : "")}"));
            }

            // Only OR-Tools' HiGHS (cutoff at the warm start's cost) can prove the warm start itself optimal.
            string keptNote = options.Backend == MipBackend.Highs
                ? string.Create(CultureInfo.InvariantCulture, $" (in {kept} of them the warm start itself was proved optimal in its trust region)")
                : "";
            string notes = name == "mip"
                ? string.Create(CultureInfo.InvariantCulture, $"MIP ticks: {optimal} optimal{keptNote}, {incumbent} time-limit incumbent, {fallback} fallback to the warm-start plan; warm start = previous MIP plan in {previous} ticks, else MPPI's")
                : "";
            rows.Add(new PushBenchRow(name, factory.Model, factory.Settings, pos, yaw, [.. ms], successes, notes));
        }

        return rows;
    }

    /// <summary>The results as a markdown table.</summary>
    public static string ToMarkdown(IReadOnlyList<PushBenchRow> rows, PushBenchOptions options)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Pairs} seeded start/goal pairs (seed {options.Seed}), {options.Steps} steps of {Dt} s, horizon {Horizon}, budget {options.BudgetMs} ms per step; success = final box position error <= {options.SuccessPositionM * 1000} mm and |yaw error| <= {options.SuccessYawRad} rad."));
        sb.AppendLine();
        sb.AppendLine("| controller | model | settings | success | position error median / mean (mm) | yaw error median (deg) | plan ms median / p95 | notes |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Controller} | {r.Model} | {r.Settings} | {r.Successes}/{r.PositionErrors.Length} | {Median(r.PositionErrors) * 1000:F1} / {r.PositionErrors.Average() * 1000:F1} | {Median(r.YawErrors) * 180 / Math.PI:F1} | {Median(r.PlanMs):F1} / {Percentile(r.PlanMs, 0.95):F1} | {r.Notes} |"));
        }

        return sb.ToString();
    }

    private sealed class Factory(string model, string settings, Func<ulong, IController> create)
    {
        public string Model { get; } = model;

        public string Settings { get; set; } = settings;

        public IController Create(ulong seed) => create(seed);
    }

    private static Factory CreateFactory(string name, PushBenchOptions options, string densePath, string sparsePath, Action<string> progress)
    {
        string dense = Path.GetFileName(densePath).Replace(".model.json", "", StringComparison.Ordinal);
        string sparse = Path.GetFileName(sparsePath).Replace(".model.json", "", StringComparison.Ordinal);
        const int batch = 500;
        switch (name)
        {
            case "mppi":
            {
                int it = Calibrate(i => new MppiController(ModelLoader.Load(densePath), PusherMpcSetup.Sampling(batch, i), PusherMpcSetup.SamplingCosts(), new Rng(1)), options.BudgetMs, progress, name);
                return new Factory(dense, $"{batch} samples x {it} iterations", seed => new MppiController(ModelLoader.Load(densePath), PusherMpcSetup.Sampling(batch, it), PusherMpcSetup.SamplingCosts(), new Rng(seed)));
            }

            case "cem":
            {
                int it = Calibrate(i => new CemController(ModelLoader.Load(densePath), PusherMpcSetup.Sampling(batch, i), PusherMpcSetup.SamplingCosts(), new Rng(1)), options.BudgetMs, progress, name);
                return new Factory(dense, $"{batch} samples x {it} iterations, {batch / 10} elites", seed => new CemController(ModelLoader.Load(densePath), PusherMpcSetup.Sampling(batch, it), PusherMpcSetup.SamplingCosts(), new Rng(seed)));
            }

            case "gradient":
            {
                GradientMpcOptions Gradient(int i) => new() { Horizon = Horizon, Iterations = i, ControlMin = [-0.1, -0.1], ControlMax = [0.1, 0.1] };
                int it = Calibrate(i => new GradientMpcController(ModelLoader.Load(densePath), Gradient(i), PusherMpcSetup.SamplingCosts()), options.BudgetMs, progress, name);
                return new Factory(dense, $"{it} iterations", seed => new GradientMpcController(ModelLoader.Load(densePath), Gradient(it), PusherMpcSetup.SamplingCosts()));
            }

            case "mip":
            {
                // The fallback/warm start: a small MPPI on the same sparse model (1 iteration of 200 samples).
                var artifact = ModelArtifactReader.Load(sparsePath);
                var network = ReluDynamicsNetwork.FromArtifact(artifact);
                var std = artifact.Metadata.Normalization.InputStd;
                MppiController Fallback(ulong seed) => new(ModelLoader.Create(artifact), PusherMpcSetup.Sampling(200, 1), PusherMpcSetup.SamplingCosts(), new Rng(seed), name: "mip_fallback");
                double fallbackMs = TimePlans(Fallback(1), 15);
                double limitMs = Math.Max(1, options.BudgetMs - fallbackMs);
                var mipOptions = PusherMpcSetup.MipOptions(TimeSpan.FromMilliseconds(limitMs), options.Backend) with { RelativeGap = options.MipGap, StateScale = std[..5], InputScale = std[5..], TrustRegion = options.TrustRegion > 0 ? [options.TrustRegion, options.TrustRegion] : null };
                progress(string.Create(CultureInfo.InvariantCulture, $"mip: MPPI fallback {fallbackMs:F1} ms per plan, MIP time limit {limitMs:F0} ms ({options.Backend})"));
                return new Factory(sparse, string.Create(CultureInfo.InvariantCulture, $"{options.Backend}, limit {limitMs:F0} ms, gap {options.MipGap:G3}, trust region {(options.TrustRegion > 0 ? $"+-{options.TrustRegion} m/s" : "none")}; warm start/fallback: MPPI 200 x 1 on the same model or the previous MIP plan"),
                    seed => new MipMpcController(new MipMpcPlanner(network, mipOptions), Fallback(seed)));
            }

            default:
                throw new ArgumentException($"controller '{name}' is unknown; allowed: mip, mppi, cem, gradient.", nameof(name));
        }
    }

    // Largest iteration count whose plan fits the budget (one plan with 1 iteration timed after a warm-up).
    private static int Calibrate(Func<int, MpcController> create, double budgetMs, Action<string> progress, string name)
    {
        double one = TimePlans(create(1), 15);
        int iterations = Math.Clamp((int)Math.Floor(budgetMs / Math.Max(one, 1e-3)), 1, 200);
        progress(string.Create(CultureInfo.InvariantCulture, $"{name}: {one:F2} ms per iteration -> {iterations} iterations for {budgetMs} ms"));
        return iterations;
    }

    // The fastest of `count` plans after two warm-up plans: on a shared machine the minimum is the least disturbed
    // estimate of what a plan costs (a median under load sized the planners too small).
    private static double TimePlans(MpcController controller, int count)
    {
        var (start, goal) = PusherMpcSetup.StartGoal(new Rng(99));
        controller.Plan(SimTime.Zero, start, goal);
        controller.Plan(SimTime.Zero, start, goal);
        double best = double.PositiveInfinity;
        for (int i = 0; i < count; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            controller.Plan(SimTime.Zero, start, goal);
            best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }

        return best;
    }

    private static double Sq(double v) => v * v;

    private static double Median(double[] values) => Percentile(values, 0.5);

    private static double Percentile(double[] values, double p)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(p * (sorted.Length - 1) + 0.5))];
    }
}
