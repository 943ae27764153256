using System.Globalization;
using Robotics.Control.Mip.Networks;
using Robotics.Control.Mip.Planning;
using Robotics.Core.Randomness;
using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Xunit.Abstractions;

namespace Robotics.Control.Mip.Tests;

/// <summary>
/// Acceptance "MIP solve time vs remaining ReLUs": the committed pusher models (models/artifacts/pusher-sparse-relu*),
/// horizon 10, HiGHS, 10 seeded start/goal pairs per level. Prints the table (no timing assertion); asserts only that
/// every solved plan, replayed through the managed evaluator, reproduces the MIP's predicted states.
/// </summary>
public sealed class PusherSolveTimeTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Plan_PusherSparsityLevels_PrintsSolveTimeTable()
    {
        string dir = Environment.GetEnvironmentVariable("ROBOTICS_PUSHER_MODELS") ?? Path.Combine(RepoRoot(), "models", "artifacts");
        var files = Directory.GetFiles(dir, "pusher-sparse-relu*.model.json")
            .Where(f => Environment.GetEnvironmentVariable("ROBOTICS_PUSHER_LEVELS") is not { } only || only.Split(',').Any(l => f.EndsWith($"relu{l}.model.json", StringComparison.Ordinal)))
            .OrderBy(f => int.Parse(Path.GetFileName(f)["pusher-sparse-relu".Length..].Split('.')[0], CultureInfo.InvariantCulture)).ToArray();
        Assert.NotEmpty(files);
        var lines = new List<string>
        {
            "| ReLUs | binaries / step (mean) | solve ms median | p90 | max | optimal | time limit | fallback |",
            "|---|---|---|---|---|---|---|---|",
        };
        foreach (string file in files)
        {
            var artifact = ModelArtifactReader.Load(file);
            var net = ReluDynamicsNetwork.FromArtifact(artifact);
            var managed = ModelLoader.Create(artifact);
            var backend = Enum.Parse<MipBackend>(Environment.GetEnvironmentVariable("ROBOTICS_PUSHER_BACKEND") ?? "Highs");
            double limitS = double.Parse(Environment.GetEnvironmentVariable("ROBOTICS_PUSHER_LIMIT_S") ?? "2", CultureInfo.InvariantCulture);
            double gap = double.Parse(Environment.GetEnvironmentVariable("ROBOTICS_PUSHER_GAP") ?? "0.001", CultureInfo.InvariantCulture);
            var options = PushingOptions(TimeSpan.FromSeconds(limitS)) with { Backend = backend, RelativeGap = gap };
            if (Environment.GetEnvironmentVariable("ROBOTICS_PUSHER_UNSCALED") is null)
            {
                // Scale the variables by the typical magnitudes the model was normalised with.
                var std = artifact.Metadata.Normalization.InputStd;
                options = options with { StateScale = std[..5], InputScale = std[5..] };
            }

            var planner = new MipMpcPlanner(net, options);
            var rng = new Rng(77);
            var times = new List<double>();
            int optimal = 0, limit = 0, fallback = 0;
            double binaries = 0;
            for (int i = 0; i < 10; i++)
            {
                var (x0, goal) = StartGoal(rng);
                // ROBOTICS_PUSHER_HINT: give a zero-input plan as fallback and warm start (SCIP and CBC use it).
                var result = Environment.GetEnvironmentVariable("ROBOTICS_PUSHER_HINT") is null ? planner.Plan(x0, goal) : planner.Plan(x0, goal, new double[20]);
                times.Add(result.SolveMilliseconds);
                binaries += result.BinaryCount / 10.0;
                if (result.Status == MipPlanStatus.Optimal) optimal++;
                else if (result.Status == MipPlanStatus.TimeLimitIncumbent) limit++;
                else fallback++;
                if (!result.UsedFallback)
                {
                    var x = (double[])x0.Clone();
                    for (int t = 0; t < 10; t++)
                    {
                        managed.Step(x, result.Controls.AsSpan(t * 2, 2), x);
                        for (int k = 0; k < 5; k++) Assert.True(Math.Abs(x[k] - result.PredictedStates[(t + 1) * 5 + k]) < 1e-4, $"{Path.GetFileName(file)} step {t + 1} state {k}");
                    }
                }
            }

            times.Sort();
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {net.ReluCount} | {binaries / 10:F1} | {Percentile(times, 0.5):F1} | {Percentile(times, 0.9):F1} | {times[^1]:F1} | {optimal} | {limit} | {fallback} |"));
            output.WriteLine(lines[^1]);
        }

        foreach (var line in lines) output.WriteLine(line);
    }

    /// <summary>The pushing MPC settings used for the table and the benchmark (see docs/mip-mpc.md).</summary>
    internal static MipMpcOptions PushingOptions(TimeSpan limit) => new()
    {
        Horizon = 10,
        InputLow = [-0.1, -0.1],
        InputHigh = [0.1, 0.1],
        // Box position error in m, yaw error weighted as 0.05 m per rad; pusher position free.
        StateWeights = [1, 1, 0.05, 0, 0],
        TerminalWeights = [5, 5, 0.25, 0, 0],
        InputWeights = [0.01, 0.01],
        // In H = 10 steps of 0.1 s at <= 0.1 m/s per axis the pusher moves <= 0.1 m per axis and pushes the box no
        // further; yaw changes well under 1 rad. 0.15 m / 1 rad leaves margin for model error.
        StateRadius = [0.15, 0.15, 1.0, 0.15, 0.15],
        TimeLimit = limit,
        RelativeGap = 1e-3,
    };

    /// <summary>A box at a random pose, the pusher just off a random face, and a goal 3-8 cm away.</summary>
    internal static (double[] Start, double[] Goal) StartGoal(Rng rng)
    {
        double yaw = rng.NextUniform(-0.3, 0.3);
        double bx = rng.NextUniform(-0.02, 0.02), by = rng.NextUniform(-0.02, 0.02);
        double c = Math.Cos(yaw), s = Math.Sin(yaw);
        double px = -0.057, py = rng.NextUniform(-0.03, 0.03);
        double[] start = [bx, by, yaw, bx + c * px - s * py, by + s * px + c * py];
        double distance = rng.NextUniform(0.03, 0.08), heading = rng.NextUniform(-0.5, 0.5) + yaw;
        double[] goal = [bx + distance * Math.Cos(heading), by + distance * Math.Sin(heading), yaw + rng.NextUniform(-0.2, 0.2), 0, 0];
        return (start, goal);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(p * (sorted.Count - 1) + 0.5))];

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        // The test binaries may live outside the repository (--artifacts-path): start from this source file.
        var dir = new DirectoryInfo(Path.GetDirectoryName(source) ?? AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "models", "artifacts"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("models/artifacts not found above " + AppContext.BaseDirectory);
    }
}
