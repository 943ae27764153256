using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Costs;
using Robotics.Control.Stl.Tasks;
using Robotics.Core.Randomness;

namespace Robotics.Control.Stl.Planning;

/// <summary>The plain MPC baselines of the STL benchmark: MPPI or CEM tracking the task's nominal goal, without the specification.</summary>
public static class StlTrackingBaseline
{
    /// <summary>Creates a sampling MPC on <paramref name="task"/>'s dynamics with a goal cost (<see cref="IStlTask.NominalGoalWeights"/>) and a small control effort.</summary>
    /// <param name="task">The task.</param>
    /// <param name="cem">CEM instead of MPPI.</param>
    /// <param name="batchSize">Samples per plan.</param>
    /// <param name="rng">Random stream.</param>
    /// <returns>The controller; pass <see cref="IStlTask.NominalGoal"/> as its reference.</returns>
    public static SamplingMpcController Create(IStlTask task, bool cem, int batchSize, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(task);
        int m = task.Dynamics.InputSize;
        var std = new double[m];
        var min = new double[m];
        var max = new double[m];
        for (int j = 0; j < m; j++)
        {
            min[j] = task.ControlMin[j];
            max[j] = task.ControlMax[j];
            std[j] = 0.25 * (max[j] - min[j]);
        }

        var options = new SamplingMpcOptions
        {
            BatchSize = batchSize, Horizon = task.Horizon, Iterations = cem ? 3 : 2, Temperature = 0.3, NoiseStd = std,
            ControlMin = min, ControlMax = max, WarmStart = true, EliteCount = Math.Max(4, batchSize / 10),
        };
        ICostTerm[] costs =
        [
            new GoalCost { Weight = 1.0, StateWeights = [.. task.NominalGoalWeights], RunningFactor = 1.0, TerminalFactor = 1.0 },
            new ControlEffortCost { Weight = 1e-3 },
        ];
        return cem ? new CemController(task.Dynamics, options, costs, rng, name: "cem") : new MppiController(task.Dynamics, options, costs, rng, name: "mppi");
    }
}
