using Robotics.Control.Stl.Tasks;

namespace Robotics.Control.Stl.Planning;

/// <summary>
/// The STL-NPC backup policy (<c>back_solve</c>): enumerate a grid of <c>levels</c> values per input over the first
/// <c>steps</c> control steps ((levels^m)^steps sequences), complete each with a given plan for the remaining steps,
/// roll every candidate out and keep the one with the highest hard robustness. Also tried: each of the levels^m grid
/// actions held for 1..horizon steps and followed by the task's safe control (straight, steady moves that stop on
/// arrival, which a short prefix completed by a sampled plan cannot express: the rover task needs them to reach a
/// charger 7 m away). Allocation-free after construction.
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
    private readonly int gridCount;
    private readonly int constantCount;
    private readonly double[] safe;
    private readonly double[] holdGrid;
    private readonly int holdLevels;

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
        gridCount = (int)count;
        holdLevels = levels;
        constantCount = (int)Math.Pow(holdLevels, m) * horizon;
        CandidateCount = gridCount + constantCount;
        safe = [.. task.SafeControl];
        scorer = new StlTrajectoryScorer(task, task.PlanningSpecification, horizon, temperature);
        grid = new double[levels * m];
        for (int j = 0; j < m; j++)
        {
            for (int l = 0; l < levels; l++)
            {
                grid[j * levels + l] = task.ControlMin[j] + (task.ControlMax[j] - task.ControlMin[j]) * l / (levels - 1);
            }
        }

        holdGrid = new double[holdLevels * m];
        for (int j = 0; j < m; j++)
        {
            for (int l = 0; l < holdLevels; l++)
            {
                holdGrid[j * holdLevels + l] = task.ControlMin[j] + (task.ControlMax[j] - task.ControlMin[j]) * l / (holdLevels - 1);
            }
        }

        candidate = new double[horizon * m];
    }

    /// <summary>Sequences tried per call: (levels^m)^steps grid prefixes plus levels^m × horizon held actions.</summary>
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
        if (index >= gridCount)
        {
            // A grid action held for d = 1..horizon steps, then the task's safe control: straight, steady moves (and
            // stopping on arrival) that a sampled plan rarely contains.
            int rest0 = index - gridCount;
            int duration = 1 + (rest0 % horizon);
            rest0 /= horizon;
            for (int j = 0; j < m; j++)
            {
                int level = rest0 % holdLevels;
                rest0 /= holdLevels;
                for (int t = 0; t < horizon; t++)
                {
                    candidate[t * m + j] = t < duration ? holdGrid[j * holdLevels + level] : safe[j];
                }
            }

            return;
        }

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
