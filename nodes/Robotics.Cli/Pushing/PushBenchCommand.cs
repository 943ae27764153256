using System.CommandLine;
using System.Globalization;
using Robotics.Control.Mip.Planning;

namespace Robotics.Cli.Pushing;

/// <summary>
/// <c>robotics push-bench</c>: closed-loop planar pushing, MIP-MPC on the sparsified model vs MPPI, CEM and gradient
/// MPC on the dense model, over seeded start/goal pairs at one compute budget per step (docs/mip-mpc.md).
/// </summary>
public static class PushBenchCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var pairs = new Option<int>("--pairs") { Description = "Seeded start/goal pairs (>= 1; the acceptance table uses 20).", DefaultValueFactory = _ => 20 };
        var seed = new Option<ulong>("--seed") { Description = "Root seed of the pairs and the samplers.", DefaultValueFactory = _ => 2026UL };
        var budget = new Option<double>("--budget-ms") { Description = "Compute budget per control step in ms (1 .. 10000): sizes the sampling/gradient planners and the MIP time limit.", DefaultValueFactory = _ => 50.0 };
        var steps = new Option<int>("--steps") { Description = "Closed-loop steps of 0.1 s per episode (1 .. 1000).", DefaultValueFactory = _ => 50 };
        var relus = new Option<int>("--relus") { Description = "ReLUs of the sparsified model for the MIP (an existing models/artifacts/pusher-sparse-relu<N>): 0, 2, 4, 8, 16, 32, 64.", DefaultValueFactory = _ => 8 };
        var backend = new Option<string>("--mip-backend") { Description = "MIP back end: highsnative (HiGHS through its C API: the warm start is its first incumbent, the best incumbent is kept at the time limit), highs (HiGHS through OR-Tools: the warm start's cost is its cutoff), cbc or scip (take the warm start as hint).", DefaultValueFactory = _ => "highsnative" };
        var trust = new Option<double>("--trust-region") { Description = "MIP trust region around the warm-start plan, m/s per input (0 = none: the whole input box; 0 .. 0.2).", DefaultValueFactory = _ => PushBenchOptions.DefaultTrustRegion };
        var gap = new Option<double>("--mip-gap") { Description = "MIP relative gap at which the solver stops (1e-9 .. 0.5).", DefaultValueFactory = _ => 1e-3 };
        var controllers = new Option<string>("--controllers") { Description = "Comma-separated subset of mip, mppi, cem, gradient.", DefaultValueFactory = _ => "mip,mppi,cem,gradient" };
        var models = new Option<string?>("--models") { Description = "Folder with pusher-sparse-relu*.model.json (default models/artifacts of the repository)." };
        var output = new Option<string?>("--out") { Description = "Also write the markdown table to this file." };
        var command = new Command("push-bench",
            "Closed-loop pushing benchmark: final box pose error and success rate of MIP-MPC on the sparsified model vs MPPI, CEM and gradient MPC on the dense model (prints a markdown table).")
        {
            pairs, seed, budget, steps, relus, backend, trust, gap, controllers, models, output,
        };
        command.SetAction(parse =>
        {
            int p = parse.GetValue(pairs), s = parse.GetValue(steps), r = parse.GetValue(relus);
            double b = parse.GetValue(budget), tr = parse.GetValue(trust), g = parse.GetValue(gap);
            string dir = parse.GetValue(models) ?? Path.Combine(RepoPaths.Root, "models", "artifacts");
            string? error = null;
            if (p < 1) error = $"--pairs must be >= 1, got {p}.";
            else if (s is < 1 or > 1000) error = $"--steps must be in 1 .. 1000, got {s}.";
            else if (!(b >= 1 && b <= 10_000)) error = $"--budget-ms must be in 1 .. 10000, got {b.ToString(CultureInfo.InvariantCulture)}.";
            else if (!(g >= 1e-9 && g <= 0.5)) error = $"--mip-gap must be in 1e-9 .. 0.5, got {g.ToString(CultureInfo.InvariantCulture)}.";
            else if (!(tr >= 0 && tr <= 0.2)) error = $"--trust-region must be in 0 .. 0.2 m/s (0 = none), got {tr.ToString(CultureInfo.InvariantCulture)}.";
            else if (!File.Exists(Path.Combine(dir, $"pusher-sparse-relu{r}.model.json"))) error = $"--relus {r}: {Path.Combine(dir, $"pusher-sparse-relu{r}.model.json")} does not exist; use one of the committed levels or --models.";
            else if (!File.Exists(Path.Combine(dir, "pusher-sparse-relu64.model.json"))) error = $"--models: {Path.Combine(dir, "pusher-sparse-relu64.model.json")} (the dense model) does not exist.";

            // By name only: Enum.TryParse would also take numbers ("7", "+1").
            string? backendName = Enum.GetNames<MipBackend>().FirstOrDefault(n => string.Equals(n, parse.GetValue(backend), StringComparison.OrdinalIgnoreCase));
            MipBackend mipBackend = backendName is null ? MipBackend.HighsNative : Enum.Parse<MipBackend>(backendName);
            if (error is null && backendName is null) error = $"--mip-backend must be highsnative, highs, cbc or scip, got '{parse.GetValue(backend)}'.";
            var names = (parse.GetValue(controllers) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (string n in names)
            {
                if (error is null && n is not ("mip" or "mppi" or "cem" or "gradient")) error = $"--controllers: unknown controller '{n}'; allowed: mip, mppi, cem, gradient.";
            }

            if (error is null && names.Length == 0) error = "--controllers: give at least one of mip, mppi, cem, gradient.";
            if (error is not null)
            {
                Console.Error.WriteLine("robotics push-bench: " + error);
                return 2;
            }

            var options = new PushBenchOptions
            {
                Pairs = p,
                Seed = parse.GetValue(seed),
                BudgetMs = b,
                Steps = s,
                SparseRelus = r,
                Backend = mipBackend,
                TrustRegion = tr,
                MipGap = g,
                ModelsDirectory = dir,
                Controllers = names,
            };
            var rows = PushingBenchmark.Run(options, line => Console.Error.WriteLine(line));
            string table = PushingBenchmark.ToMarkdown(rows, options);
            Console.WriteLine(table);
            string? file = parse.GetValue(output);
            if (file is not null) File.WriteAllText(file, table);
            return 0;
        });
        return command;
    }
}
