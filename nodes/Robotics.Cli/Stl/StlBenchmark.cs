using System.Diagnostics;
using System.Globalization;
using System.Text;
using Robotics.Control.Loop;
using Robotics.Control.Stl;
using Robotics.Control.Stl.Planning;
using Robotics.Control.Stl.Tasks;
using Robotics.Core.Randomness;
using Robotics.Core.Time;

namespace Robotics.Cli.Stl;

/// <summary>
/// The STL task benchmark: closed-loop episodes from seeded initial states for every controller, judged by the task's
/// episode specification (hard robustness at time 0 ≥ 0 = satisfied), with the wall time of each control step.
/// </summary>
public static class StlBenchmark
{
    /// <summary>One controller's result on one task.</summary>
    /// <param name="Task">Task name.</param>
    /// <param name="Controller">Controller label.</param>
    /// <param name="Episodes">Episodes run.</param>
    /// <param name="Satisfied">Episodes whose closed-loop trace satisfies the episode specification.</param>
    /// <param name="MeanRobustness">Mean episode robustness.</param>
    /// <param name="MeanStepMs">Mean wall time per control step, ms (inflated when the machine is loaded).</param>
    /// <param name="P95StepMs">95th percentile of the compute time per step, ms.</param>
    /// <param name="CpuStepMs">Process CPU time per control step, ms (episode total / steps; robust to machine load).</param>
    /// <param name="BackupShare">Share of steps where the backup grid ran (NaN when the controller has none).</param>
    public sealed record Row(string Task, string Controller, int Episodes, int Satisfied, double MeanRobustness, double MeanStepMs, double P95StepMs, double CpuStepMs, double BackupShare);

    /// <summary>Runs the benchmark.</summary>
    /// <param name="tasks">Task names.</param>
    /// <param name="states">Initial states per task.</param>
    /// <param name="seed">Seed of the initial states and samplers.</param>
    /// <param name="policyDirectory">Folder holding <c>stl-&lt;task&gt;-npc.json</c> policies (rows skipped when absent).</param>
    /// <param name="progress">Progress lines.</param>
    public static List<Row> Run(IReadOnlyList<string> tasks, int states, ulong seed, string policyDirectory, TextWriter progress)
    {
        var rows = new List<Row>();
        foreach (string name in tasks)
        {
            var task = StlTaskCatalog.Create(name);
            string policyPath = Path.Combine(policyDirectory, $"stl-{name}-npc.json");
            StlSequencePolicy? policy = File.Exists(policyPath) ? StlSequencePolicy.Load(policyPath) : null;
            var labels = new List<string> { "stl_planner" };
            if (policy is not null)
            {
                labels.Add("stl_npc");
                labels.Add("stl_npc_backup");
            }
            else
            {
                progress.WriteLine($"stl bench: {policyPath} not found; neural rows skipped (train with ./robotics train-stl {name}).");
            }

            labels.Add("mppi_tracking");
            labels.Add("cem_tracking");
            foreach (string label in labels)
            {
                rows.Add(RunController(task, label, policy, states, seed, progress));
            }
        }

        return rows;
    }

    /// <summary>The planner settings the benchmark uses (128 samples, 1 MPPI iteration, 3 gradient steps, 5-level backup over 2 steps).</summary>
    public static StlPlannerOptions PlannerOptions { get; } = new() { BatchSize = 128, Iterations = 1, GradientSteps = 3 };

    private static IController Create(IStlTask task, string label, StlSequencePolicy? policy, Rng rng) => label switch
    {
        "stl_planner" => new StlPlanner(task, PlannerOptions, rng),
        "stl_planner_no_backup" => new StlPlanner(task, PlannerOptions with { UseBackup = false, UseSafeFallback = false }, rng),
        "stl_npc" => new StlNeuralController(task, policy!, new StlPlannerOptions { UseBackup = false }),
        "stl_npc_backup" => new StlNeuralController(task, policy!, new StlPlannerOptions()),
        "mppi_tracking" => StlTrackingBaseline.Create(task, cem: false, batchSize: 256, rng),
        _ => StlTrackingBaseline.Create(task, cem: true, batchSize: 256, rng),
    };

    private static Row RunController(IStlTask task, string label, StlSequencePolicy? policy, int states, ulong seed, TextWriter progress)
    {
        int n = task.Dynamics.StateSize, m = task.Dynamics.InputSize, steps = task.EpisodeSteps;
        double dt = task.Dynamics.TimeStep;
        var evaluator = new StlRobustnessEvaluator(task.EpisodeSpecification, dt, steps + 1);
        var index = task.EpisodeSpecification.Signals.Select(s => task.SignalNames.ToList().IndexOf(s)).ToArray();
        var columns = index.Select(_ => new double[steps + 1]).ToArray();
        var values = new double[task.SignalNames.Count];
        var goal = task.NominalGoal.ToArray();
        var state = new double[n];
        var next = new double[n];
        var command = new double[m];
        var stepMs = new List<double>(states * steps);
        int satisfied = 0;
        double robustnessSum = 0;
        long backupSteps = 0, totalSteps = 0;
        var root = new Rng(seed);
        var clock = Stopwatch.StartNew();
        double cpuMs = 0;
        for (int e = 0; e < states; e++)
        {
            task.SampleInitialState(root.Fork(task.Name).Fork($"state{e}"), state);
            IController controller = Create(task, label, policy, root.Fork(task.Name).Fork(label).Fork($"episode{e}"));
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            for (int k = 0; ; k++)
            {
                task.Signals(state, values);
                for (int i = 0; i < index.Length; i++)
                {
                    columns[i][k] = values[index[i]];
                }

                if (k == steps)
                {
                    break;
                }

                long t0 = Stopwatch.GetTimestamp();
                var status = controller.Update(SimTime.FromSeconds(k * dt), SimTime.FromSeconds(dt), state, goal, command);
                stepMs.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                if (status == ControllerStatus.Failed)
                {
                    for (int j = 0; j < m; j++)
                    {
                        command[j] = task.SafeControl[j];
                    }
                }

                StlPlanOutcome outcome = controller switch
                {
                    StlPlanner p => p.LastOutcome,
                    StlNeuralController c => c.LastOutcome,
                    _ => StlPlanOutcome.Satisfied,
                };
                if (outcome != StlPlanOutcome.Satisfied)
                {
                    backupSteps++;
                }

                totalSteps++;
                task.Dynamics.Step(state, command, next);
                next.CopyTo(state, 0);
            }

            cpuMs += (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
            double rho = evaluator.Evaluate(columns);
            robustnessSum += rho;
            if (rho >= 0)
            {
                satisfied++;
            }

            if ((e + 1) % 10 == 0 || e + 1 == states)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"stl bench: {task.Name} {label}: {e + 1}/{states} episodes, {satisfied} satisfied, {clock.Elapsed.TotalSeconds:F1} s"));
            }
        }

        stepMs.Sort();
        bool hasBackup = label is "stl_planner" or "stl_npc_backup";
        return new Row(task.Name, label, states, satisfied, robustnessSum / states, stepMs.Average(),
            stepMs[(int)Math.Min(stepMs.Count - 1, Math.Ceiling(0.95 * stepMs.Count) - 1)], cpuMs / totalSteps,
            hasBackup ? (double)backupSteps / totalSteps : double.NaN);
    }

    /// <summary>Formats the rows as a markdown table.</summary>
    public static string Markdown(IReadOnlyList<Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        sb.AppendLine("| task | controller | satisfied | rate | mean episode robustness | CPU ms/step | wall ms/step (mean) | wall ms/step (p95) | backup steps |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Task} | {r.Controller} | {r.Satisfied}/{r.Episodes} | {100.0 * r.Satisfied / r.Episodes:F0} % | {r.MeanRobustness:F3} | {r.CpuStepMs:F3} | {r.MeanStepMs:F3} | {r.P95StepMs:F3} | {(double.IsNaN(r.BackupShare) ? "-" : (100 * r.BackupShare).ToString("F1", CultureInfo.InvariantCulture) + " %")} |"));
        }

        return sb.ToString();
    }
}
