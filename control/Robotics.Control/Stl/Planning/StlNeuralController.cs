using Robotics.Control.Loop;
using Robotics.Control.Stl.Tasks;
using Robotics.Core.Time;

namespace Robotics.Control.Stl.Planning;

/// <summary>
/// The STL-NPC controller run like MPC: each tick the policy predicts a whole control sequence from the current state;
/// optionally, when the sequence's predicted hard robustness is negative, the backup policy (grid over the first steps,
/// completed by the policy's sequence) picks the most robust alternative, and the task's safe control is applied when
/// nothing satisfies. Allocation-free per tick.
/// </summary>
public sealed class StlNeuralController : IController
{
    private readonly IStlTask task;
    private readonly StlSequencePolicy policy;
    private readonly StlTrajectoryScorer scorer;
    private readonly StlBackupPolicy? backup;
    private readonly bool safeFallback;
    private readonly double[] plan;

    /// <summary>Creates the controller.</summary>
    /// <param name="task">The task.</param>
    /// <param name="policy">The trained policy (same horizon and sizes as the task).</param>
    /// <param name="options">Backup settings (the sampling settings are unused).</param>
    /// <exception cref="ArgumentException">The policy does not fit the task.</exception>
    public StlNeuralController(IStlTask task, StlSequencePolicy policy, StlPlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        if (policy.Horizon != task.Horizon || policy.InputSize != task.Dynamics.InputSize || policy.StateSize != task.Dynamics.StateSize)
        {
            throw new ArgumentException(
                $"The STL-NPC policy (horizon {policy.Horizon}, {policy.StateSize} states, {policy.InputSize} inputs) does not fit task '{task.Name}' (horizon {task.Horizon}, {task.Dynamics.StateSize} states, {task.Dynamics.InputSize} inputs); retrain it with ./robotics train-stl {task.Name}.",
                nameof(policy));
        }

        this.task = task;
        this.policy = policy;
        scorer = new StlTrajectoryScorer(task, task.PlanningSpecification, task.Horizon, options.RobustnessTemperature);
        backup = options.UseBackup ? new StlBackupPolicy(task, options.BackupLevels, options.BackupSteps, options.RobustnessTemperature) : null;
        safeFallback = options.UseBackup && options.UseSafeFallback;
        plan = new double[task.Horizon * task.Dynamics.InputSize];
    }

    /// <inheritdoc />
    public string Name => backup is null ? "stl_npc" : "stl_npc_backup";

    /// <inheritdoc />
    public int StateSize => task.Dynamics.StateSize;

    /// <inheritdoc />
    public int ReferenceSize => task.Dynamics.StateSize;

    /// <inheritdoc />
    public int CommandSize => task.Dynamics.InputSize;

    /// <summary>How the last command was chosen.</summary>
    public StlPlanOutcome LastOutcome { get; private set; }

    /// <summary>Predicted hard robustness of the applied sequence (NaN when the backup is off: not computed).</summary>
    public double LastRobustness { get; private set; } = double.NaN;

    /// <inheritdoc />
    public void Reset()
    {
    }

    /// <inheritdoc />
    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
    {
        int m = task.Dynamics.InputSize;
        if (command.Length != m || state.Length < StateSize)
        {
            return ControllerStatus.Failed;
        }

        policy.Evaluate(state, plan);
        LastOutcome = StlPlanOutcome.Satisfied;
        if (backup is not null)
        {
            double rho = scorer.HardOfPlan(state, plan);
            if (!(rho >= 0))
            {
                rho = backup.Improve(state, plan, double.IsNaN(rho) ? double.NegativeInfinity : rho);
                LastOutcome = rho >= 0 ? StlPlanOutcome.Backup : StlPlanOutcome.BestEffort;
            }

            LastRobustness = rho;
            if (LastOutcome == StlPlanOutcome.BestEffort && safeFallback)
            {
                for (int j = 0; j < m; j++)
                {
                    command[j] = task.SafeControl[j];
                }

                LastOutcome = StlPlanOutcome.SafeFallback;
                return ControllerStatus.Ok;
            }
        }

        plan.AsSpan(0, m).CopyTo(command);
        return ControllerStatus.Ok;
    }
}
