using Robotics.Control.Loop;
using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Costs;
using Robotics.Control.Stl.Tasks;
using Robotics.Core.Randomness;
using Robotics.Core.Time;

namespace Robotics.Control.Stl.Planning;

/// <summary>
/// STL-robust model predictive control: each tick it (1) samples with <see cref="MppiController"/> on the cost
/// <see cref="StlRobustnessCost"/> (minus the smooth robustness of the predicted trajectory), (2) refines the plan by
/// gradient ascent on the smooth robustness through the dynamics Jacobians, (3) checks the hard robustness of the
/// prediction and, when negative, runs the STL-NPC backup policy (<see cref="StlBackupPolicy"/>), and (4) applies the
/// task's safe control when nothing satisfies (if enabled). Allocation-free per tick after construction.
/// </summary>
/// <remarks>
/// Inputs: the task state. Output: the first control of the chosen plan. The MPPI warm start is MPPI's own shifted plan
/// (the refined/backup plan is not fed back into it). Reference: ignored (the specification is the objective).
/// </remarks>
public sealed class StlPlanner : IController
{
    private readonly IStlTask task;
    private readonly StlPlannerOptions options;
    private readonly MppiController mppi;
    private readonly StlTrajectoryScorer scorer;
    private readonly StlBackupPolicy? backup;
    private readonly double[] plan;
    private readonly double[] trial;
    private readonly double[] gradient;
    private readonly double[] reference;
    private readonly double[] first;
    private readonly int n;
    private readonly int m;

    /// <summary>Creates the planner.</summary>
    /// <param name="task">The task (dynamics, signals, planning specification, bounds).</param>
    /// <param name="options">Settings.</param>
    /// <param name="rng">Random stream for the sampler.</param>
    public StlPlanner(IStlTask task, StlPlannerOptions options, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        this.task = task;
        this.options = options;
        n = task.Dynamics.StateSize;
        m = task.Dynamics.InputSize;
        var std = new double[m];
        var min = new double[m];
        var max = new double[m];
        var nominal = new double[m];
        for (int j = 0; j < m; j++)
        {
            min[j] = task.ControlMin[j];
            max[j] = task.ControlMax[j];
            std[j] = options.NoiseFraction * (max[j] - min[j]);
            nominal[j] = Math.Clamp(0.0, min[j], max[j]);
        }

        mppi = new MppiController(task.Dynamics, new SamplingMpcOptions
        {
            BatchSize = options.BatchSize,
            Horizon = task.Horizon,
            Iterations = options.Iterations,
            Temperature = options.MppiTemperature,
            NoiseStd = std,
            ControlMin = min,
            ControlMax = max,
            NominalControl = nominal,
            WarmStart = true,
        }, [new StlRobustnessCost(task, options.RobustnessTemperature)], rng.Fork("stl_mppi"), name: "stl_mppi");
        scorer = new StlTrajectoryScorer(task, task.PlanningSpecification, task.Horizon, options.RobustnessTemperature);
        backup = options.UseBackup ? new StlBackupPolicy(task, options.BackupLevels, options.BackupSteps, options.RobustnessTemperature) : null;
        plan = new double[task.Horizon * m];
        trial = new double[task.Horizon * m];
        gradient = new double[task.Horizon * m];
        reference = new double[n];
        first = new double[m];
    }

    /// <inheritdoc />
    public string Name => "stl_planner";

    /// <inheritdoc />
    public int StateSize => n;

    /// <inheritdoc />
    public int ReferenceSize => n;

    /// <inheritdoc />
    public int CommandSize => m;

    /// <summary>The chosen plan of the last tick (Horizon x m).</summary>
    public ReadOnlySpan<double> PlannedControls => plan;

    /// <summary>Predicted hard robustness of the chosen plan at the last tick.</summary>
    public double LastRobustness { get; private set; }

    /// <summary>How the last command was chosen.</summary>
    public StlPlanOutcome LastOutcome { get; private set; }

    /// <inheritdoc />
    public void Reset() => mppi.Reset();

    /// <inheritdoc />
    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
    {
        if (command.Length != m || state.Length < n)
        {
            return ControllerStatus.Failed;
        }

        LastOutcome = Step(now, state, command);
        return LastOutcome == StlPlanOutcome.Failed ? ControllerStatus.Failed : ControllerStatus.Ok;
    }

    /// <summary>Plans from <paramref name="state"/> and writes the first control into <paramref name="command"/>.</summary>
    public StlPlanOutcome Step(SimTime now, ReadOnlySpan<double> state, Span<double> command)
    {
        var status = mppi.Update(now, SimTime.FromSeconds(task.Dynamics.TimeStep), state[..n], reference, first);
        if (status == ControllerStatus.Failed)
        {
            Safe(command);
            LastRobustness = double.NegativeInfinity;
            return StlPlanOutcome.Failed;
        }

        // Reconstruct MPPI's pre-shift plan: first control, then the shifted nominal.
        first.CopyTo(plan, 0);
        mppi.PlannedControls[..((task.Horizon - 1) * m)].CopyTo(plan.AsSpan(m));
        Refine(state);
        double rho = scorer.HardOfPlan(state, plan);
        var outcome = StlPlanOutcome.Satisfied;
        if (!(rho >= 0) && backup is not null)
        {
            rho = backup.Improve(state, plan, double.IsNaN(rho) ? double.NegativeInfinity : rho);
            if (!(rho >= 0) && options.RefineBackup)
            {
                // The backup's best sequence often gets close (a straight move); gradient steps can bend it the rest.
                Refine(state);
                rho = Math.Max(rho, scorer.HardOfPlan(state, plan));
            }

            outcome = rho >= 0 ? StlPlanOutcome.Backup : StlPlanOutcome.BestEffort;
        }
        else if (!(rho >= 0))
        {
            outcome = StlPlanOutcome.BestEffort;
        }

        LastRobustness = rho;
        if (outcome == StlPlanOutcome.BestEffort && options.UseSafeFallback)
        {
            Safe(command);
            Seed(shift: false);
            return StlPlanOutcome.SafeFallback;
        }

        plan.AsSpan(0, m).CopyTo(command);
        Seed(shift: true);
        return outcome;
    }

    private void Refine(ReadOnlySpan<double> state)
    {
        for (int iteration = 0; iteration < options.GradientSteps; iteration++)
        {
            double current = scorer.SmoothGradient(state, plan, gradient);
            double norm = 0;
            for (int i = 0; i < gradient.Length; i++)
            {
                norm = Math.Max(norm, Math.Abs(gradient[i]));
            }

            if (!(norm > 0) || !double.IsFinite(current))
            {
                return;
            }

            bool improved = false;
            double alpha = options.GradientStepFraction;
            for (int attempt = 0; attempt < 4 && !improved; attempt++, alpha *= 0.5)
            {
                for (int i = 0; i < plan.Length; i++)
                {
                    int j = i % m;
                    double range = task.ControlMax[j] - task.ControlMin[j];
                    trial[i] = Math.Clamp(plan[i] + alpha * range * gradient[i] / norm, task.ControlMin[j], task.ControlMax[j]);
                }

                scorer.Rollout(state, trial);
                if (scorer.Smooth(scorer.States) > current)
                {
                    trial.CopyTo(plan, 0);
                    improved = true;
                }
            }

            if (!improved)
            {
                return;
            }
        }
    }

    // Hands the chosen plan (refined or from the backup) back to MPPI as the next warm start, shifted by the applied
    // step, so sampling continues around what was applied rather than around MPPI's own discarded plan.
    private void Seed(bool shift)
    {
        if (!options.SeedSampler)
        {
            return;
        }

        if (shift)
        {
            plan.AsSpan(m).CopyTo(trial);
            plan.AsSpan((task.Horizon - 1) * m, m).CopyTo(trial.AsSpan((task.Horizon - 1) * m));
            mppi.SeedPlan(trial);
        }
        else
        {
            mppi.SeedPlan(plan);
        }
    }

    private void Safe(Span<double> command)
    {
        for (int j = 0; j < m; j++)
        {
            command[j] = task.SafeControl[j];
        }
    }
}
