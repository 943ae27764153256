namespace Robotics.Control.Hybrid;

/// <summary>
/// The paper's planner at mode switches (<c>plan_a_b_sample</c>): evaluate a grid of candidate decisions (switch
/// point and next references) and take the argmin of the RoA loss; optionally refine it by a few RMSprop steps on
/// a finite-difference gradient, kept inside the grid's bounding box ("ours-d").
/// </summary>
/// <remarks>Ties keep the first grid point in lexicographic order (deterministic). Allocates per plan (small arrays).</remarks>
public sealed class SwitchPlanner
{
    private readonly SwitchPlannerOptions _options;

    /// <summary>Creates the planner.</summary>
    /// <exception cref="ArgumentException">An axis is empty.</exception>
    public SwitchPlanner(SwitchPlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.GridAxes);
        for (int i = 0; i < options.GridAxes.Length; i++)
        {
            if (options.GridAxes[i] is null || options.GridAxes[i].Length == 0)
                throw new ArgumentException($"GridAxes[{i}] is empty; give at least one candidate value per decision variable.", nameof(options));
        }

        if (options.RefinementSteps < 0)
            throw new ArgumentException($"RefinementSteps is {options.RefinementSteps}; use 0 or more.", nameof(options));
        _options = options;
    }

    /// <summary>Number of grid candidates.</summary>
    public int GridSize
    {
        get
        {
            int size = 1;
            foreach (var axis in _options.GridAxes)
                size *= axis.Length;
            return size;
        }
    }

    /// <summary>The paper's per-mode loss term relu(V - c / allow).</summary>
    /// <param name="v">V of the (predicted) state.</param>
    /// <param name="level">The RoA level c.</param>
    /// <param name="allow">Shrink factor &gt;= 1 (larger = stay deeper inside).</param>
    public static double RoaLoss(double v, double level, double allow = 1.0) => Math.Max(0.0, v - level / allow);

    /// <summary>Grid search (plus optional refinement) of the evaluator's loss.</summary>
    /// <exception cref="ArgumentException">The evaluator's decision size differs from the number of axes.</exception>
    public SwitchPlan Plan(ISwitchCandidateEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        var axes = _options.GridAxes;
        int d = axes.Length;
        if (evaluator.DecisionSize != d)
            throw new ArgumentException($"the evaluator has {evaluator.DecisionSize} decision variables but the grid has {d} axes.", nameof(evaluator));
        var index = new int[d];
        var candidate = new double[d];
        var best = new double[d];
        double bestLoss = double.PositiveInfinity;
        int evaluated = 0;
        while (true)
        {
            for (int i = 0; i < d; i++)
                candidate[i] = axes[i][index[i]];
            double loss = evaluator.Evaluate(candidate);
            evaluated++;
            if (loss < bestLoss)
            {
                bestLoss = loss;
                Array.Copy(candidate, best, d);
            }

            int k = d - 1;
            while (k >= 0 && ++index[k] == axes[k].Length)
            {
                index[k] = 0;
                k--;
            }

            if (k < 0)
                break;
        }

        if (_options.RefinementSteps > 0 && bestLoss > 0)
            evaluated += Refine(evaluator, best, ref bestLoss);
        return new SwitchPlan(best, bestLoss, evaluated);
    }

    private int Refine(ISwitchCandidateEvaluator evaluator, double[] best, ref double bestLoss)
    {
        var axes = _options.GridAxes;
        int d = best.Length;
        var x = (double[])best.Clone();
        var grad = new double[d];
        var square = new double[d];
        var probe = new double[d];
        int evaluated = 0;
        double h = _options.FiniteDifferenceStep;
        for (int step = 0; step < _options.RefinementSteps; step++)
        {
            for (int i = 0; i < d; i++)
            {
                Array.Copy(x, probe, d);
                probe[i] = x[i] + h;
                double up = evaluator.Evaluate(probe);
                probe[i] = x[i] - h;
                double down = evaluator.Evaluate(probe);
                evaluated += 2;
                grad[i] = (up - down) / (2 * h);
            }

            for (int i = 0; i < d; i++)
            {
                square[i] = 0.9 * square[i] + 0.1 * grad[i] * grad[i];
                x[i] -= _options.RefinementStepSize * grad[i] / (Math.Sqrt(square[i]) + 1e-8);
                x[i] = Math.Clamp(x[i], axes[i].Min(), axes[i].Max());
            }

            double loss = evaluator.Evaluate(x);
            evaluated++;
            if (loss < bestLoss)
            {
                bestLoss = loss;
                Array.Copy(x, best, d);
            }
        }

        return evaluated;
    }
}
