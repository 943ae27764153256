using Robotics.Control.Stl.Tasks;

namespace Robotics.Control.Stl.Planning;

/// <summary>
/// The STL-NPC backup policy (<c>back_solve</c>): enumerate a grid of <c>levels</c> values per input over the first
/// <c>steps</c> control steps ((levels^m)^steps sequences), complete each with a given plan for the remaining steps,
/// roll every candidate out and keep the one with the highest hard robustness. Allocation-free after construction.
/// </summary>
public sealed class StlBackupPolicy
{
    private readonly StlTrajectoryScorer scorer;
    private readonly double[] grid;
    private readonly double[] candidate;
    private readonly int m;
    private readonly int levels;
    private readonly int steps;
    private readonly int horizon;

    /// <summary>Creates the enumerator.</summary>
    /// <param name="task">The task (its planning specification and control bounds).</param>
    /// <param name="levels">Grid values per input (&gt;= 2), evenly spaced from the lower to the upper bound.</param>
    /// <param name="steps">Leading steps enumerated (1..horizon).</param>
    /// <param name="temperature">Smooth temperature (unused for the choice, needed by the scorer).</param>
    /// <exception cref="ArgumentException">A setting is out of range or the enumeration exceeds 10^6 sequences.</exception>
    public StlBackupPolicy(IStlTask task, int levels, int steps, double temperature)
    {
        ArgumentNullException.ThrowIfNull(task);
        horizon = task.Horizon;
        m = task.Dynamics.InputSize;
        if (levels < 2)
        {
            throw new ArgumentException($"backup levels must be >= 2, got {levels}.", nameof(levels));
        }

        if (steps < 1 || steps > horizon)
        {
            throw new ArgumentException($"backup steps must be in [1, {horizon}], got {steps}.", nameof(steps));
        }

        double count = Math.Pow(Math.Pow(levels, m), steps);
        if (count > 1e6)
        {
            throw new ArgumentException($"The backup grid has {count:G3} sequences (levels^(inputs*steps)); keep it <= 10^6 by lowering levels or steps.", nameof(levels));
        }

        this.levels = levels;
        this.steps = steps;
        CandidateCount = (int)count;
        scorer = new StlTrajectoryScorer(task, task.PlanningSpecification, horizon, temperature);
        grid = new double[levels * m];
        for (int j = 0; j < m; j++)
        {
            for (int l = 0; l < levels; l++)
            {
                grid[j * levels + l] = task.ControlMin[j] + (task.ControlMax[j] - task.ControlMin[j]) * l / (levels - 1);
            }
        }

        candidate = new double[horizon * m];
    }

    /// <summary>Sequences tried per call.</summary>
    public int CandidateCount { get; }

    /// <summary>
    /// Tries every grid prefix completed by <paramref name="plan"/> (Horizon x m); overwrites <paramref name="plan"/>
    /// with the most robust candidate when it beats <paramref name="planRobustness"/>.
    /// </summary>
    /// <returns>The hard robustness of the plan kept.</returns>
    public double Improve(ReadOnlySpan<double> state, Span<double> plan, double planRobustness)
    {
        double best = planRobustness;
        int bestIndex = -1;
        for (int c = 0; c < CandidateCount; c++)
        {
            Compose(c, plan);
            double rho = scorer.HardOfPlan(state, candidate);
            if (rho > best)
            {
                best = rho;
                bestIndex = c;
            }
        }

        if (bestIndex >= 0)
        {
            Compose(bestIndex, plan);
            candidate.CopyTo(plan);
        }

        return best;
    }

    private void Compose(int index, ReadOnlySpan<double> plan)
    {
        plan.CopyTo(candidate);
        int rest = index;
        for (int t = 0; t < steps; t++)
        {
            for (int j = 0; j < m; j++)
            {
                int level = rest % levels;
                rest /= levels;
                candidate[t * m + j] = grid[j * levels + level];
            }
        }
    }
}
