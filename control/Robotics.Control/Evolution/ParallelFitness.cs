namespace Robotics.Control.Evolution;

/// <summary>
/// Evaluates a population in parallel with one reusable workspace per worker. Worker w evaluates candidates
/// w, w + W, w + 2W, ... (a fixed partition) and writes fitness[i] for candidate i, so as long as the fitness
/// function is a pure function of the candidate (given its workspace state is reset per call) the result does not
/// depend on thread scheduling.
/// </summary>
/// <typeparam name="TWorkspace">Per-worker scratch (networks, plant state, buffers) created once.</typeparam>
public sealed class ParallelFitness<TWorkspace>
{
    private readonly TWorkspace[] _workspaces;
    private readonly Func<TWorkspace, double[], double> _fitness;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="workers">Number of workers W &gt;= 1 (1 = sequential on the calling thread).</param>
    /// <param name="createWorkspace">Creates one workspace per worker.</param>
    /// <param name="fitness">Fitness of one candidate using a workspace; must not depend on earlier calls.</param>
    public ParallelFitness(int workers, Func<TWorkspace> createWorkspace, Func<TWorkspace, double[], double> fitness)
    {
        ArgumentNullException.ThrowIfNull(createWorkspace);
        ArgumentNullException.ThrowIfNull(fitness);
        if (workers < 1)
        {
            throw new ArgumentException($"workers = {workers} must be >= 1.", nameof(workers));
        }

        _workspaces = new TWorkspace[workers];
        for (int w = 0; w < workers; w++) _workspaces[w] = createWorkspace();
        _fitness = fitness;
    }

    /// <summary>Number of workers.</summary>
    public int Workers => _workspaces.Length;

    /// <summary>Fills <paramref name="fitness"/>[i] with the fitness of <paramref name="candidates"/>[i].</summary>
    public void Evaluate(IReadOnlyList<double[]> candidates, double[] fitness)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(fitness);
        int workers = Math.Min(_workspaces.Length, candidates.Count);
        if (workers <= 1)
        {
            for (int i = 0; i < candidates.Count; i++) fitness[i] = _fitness(_workspaces[0], candidates[i]);
            return;
        }

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var workspace = _workspaces[w];
            for (int i = w; i < candidates.Count; i += workers) fitness[i] = _fitness(workspace, candidates[i]);
        });
    }
}
