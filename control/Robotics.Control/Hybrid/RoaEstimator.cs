using Robotics.Core.Randomness;

namespace Robotics.Control.Hybrid;

/// <summary>
/// Estimates the region of attraction of a mode as a sublevel set of its Lyapunov function: seeded closed-loop
/// rollouts from samples, then a level-set line search for the largest c such that every sample with V &lt;= c
/// converged (the paper's <c>levelset_linesearch</c>).
/// </summary>
/// <remarks>
/// With the samples sorted by V, the largest admissible level is the largest V of a converged sample that is
/// strictly below the smallest V of any diverging sample (if no sample diverged: the largest sampled V). It is an
/// empirical, sample-based estimate, not a certificate: a diverging state between samples can exist; the tests
/// measure that against a denser sample set. Design time: allocates.
/// </remarks>
public static class RoaEstimator
{
    /// <summary>Samples, rolls out and line-searches the level of <paramref name="mode"/>.</summary>
    /// <param name="mode">The mode's LQR (its V and x*).</param>
    /// <param name="rollout">The mode's closed-loop rollout.</param>
    /// <param name="options">Sample count and box.</param>
    /// <param name="rng">Seeded randomness (consumed: n uniforms per sample).</param>
    /// <exception cref="ArgumentException">The box does not match the state size or is empty.</exception>
    public static RoaEstimate Estimate(ModeLqr mode, IModeRollout rollout, RoaEstimatorOptions options, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        int n = mode.StateSize;
        if (options.SampleLower.Length != n || options.SampleUpper.Length != n)
            throw new ArgumentException($"SampleLower/SampleUpper must have {n} entries (the mode's state size); they have {options.SampleLower.Length}/{options.SampleUpper.Length}.", nameof(options));
        if (options.SampleCount < 1)
            throw new ArgumentException($"SampleCount is {options.SampleCount}; use at least 1.", nameof(options));
        if (!(options.SafetyFactor > 0 && options.SafetyFactor <= 1))
            throw new ArgumentException($"SafetyFactor is {options.SafetyFactor}; it must be in (0, 1].", nameof(options));

        var levels = new List<double>(options.SampleCount + options.EllipsoidSampleCount);
        var converged = new List<bool>(levels.Capacity);
        var x = new double[n];
        int convergedCount = 0;
        for (int s = 0; s < options.SampleCount; s++)
        {
            Draw(mode, options, options.EllipsoidMaxLevel, rng, x);
            bool ok = rollout.Converges(mode.Parameter, x);
            levels.Add(mode.Lyapunov(x));
            converged.Add(ok);
            if (ok)
                convergedCount++;
        }

        if (options.EllipsoidSampleCount > 0)
        {
            double bound = SmallestDiverging(levels, converged);
            if (double.IsPositiveInfinity(bound))
                bound = levels.Max();
            for (int s = 0; s < options.EllipsoidSampleCount; s++)
            {
                Draw(mode, options, bound, rng, x);
                bool ok = rollout.Converges(mode.Parameter, x);
                levels.Add(mode.Lyapunov(x));
                converged.Add(ok);
                if (ok)
                    convergedCount++;
            }
        }

        double level = LevelSetLineSearch(levels, converged);
        return new RoaEstimate(mode.Parameter, options.SafetyFactor * level, levels.Count, convergedCount, SmallestDiverging(levels, converged));
    }

    /// <summary>
    /// Draws one sample: uniform in the box x* + [lower, upper] if <paramref name="ellipsoidLevel"/> is 0, else
    /// x* + t z with z Gaussian scaled by the box half-widths and t such that V(x) is uniform in [0, ellipsoidLevel].
    /// </summary>
    public static void Draw(ModeLqr mode, RoaEstimatorOptions options, double ellipsoidLevel, Rng rng, Span<double> x)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        int n = mode.StateSize;
        if (ellipsoidLevel <= 0)
        {
            for (int i = 0; i < n; i++)
                x[i] = mode.OperatingState[i] + rng.NextUniform(options.SampleLower[i], options.SampleUpper[i]);
            return;
        }

        for (int i = 0; i < n; i++)
            x[i] = mode.OperatingState[i] + 0.5 * (options.SampleUpper[i] - options.SampleLower[i]) * rng.NextGaussian();
        double v = mode.Lyapunov(x);
        double t = v > 0 ? Math.Sqrt(rng.NextDouble() * ellipsoidLevel / v) : 0.0;
        for (int i = 0; i < n; i++)
            x[i] = mode.OperatingState[i] + t * (x[i] - mode.OperatingState[i]);
    }

    /// <summary>
    /// The largest level c such that every sample with V &lt;= c converged: the largest converged V strictly below
    /// the smallest diverging V (0 if there is none).
    /// </summary>
    /// <param name="levels">V of each sample.</param>
    /// <param name="converged">Whether each sample converged.</param>
    public static double LevelSetLineSearch(IReadOnlyList<double> levels, IReadOnlyList<bool> converged)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(converged);
        if (levels.Count != converged.Count)
            throw new ArgumentException($"levels has {levels.Count} entries but converged has {converged.Count}; pass one flag per sample.", nameof(converged));
        double minDiverging = SmallestDiverging(levels, converged);
        double best = 0;
        for (int i = 0; i < levels.Count; i++)
        {
            if (converged[i] && levels[i] < minDiverging && levels[i] > best)
                best = levels[i];
        }

        return best;
    }

    /// <summary>
    /// Checks <paramref name="level"/> against a dense, independently seeded sample set: how many samples inside
    /// {V &lt;= level} diverge (should be none) and how the estimate compares with the dense set's own line-search level.
    /// </summary>
    /// <param name="mode">The mode's LQR.</param>
    /// <param name="rollout">The mode's rollout.</param>
    /// <param name="level">The estimated level.</param>
    /// <param name="dense">Dense sampling options (more samples than the estimate used).</param>
    /// <param name="rng">Seeded randomness, independent of the estimate's.</param>
    public static RoaValidation Validate(ModeLqr mode, IModeRollout rollout, double level, RoaEstimatorOptions dense, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(dense);
        ArgumentNullException.ThrowIfNull(rng);
        int n = mode.StateSize;
        if (dense.SampleLower.Length != n || dense.SampleUpper.Length != n)
            throw new ArgumentException($"SampleLower/SampleUpper must have {n} entries (the mode's state size).", nameof(dense));
        var levels = new double[dense.SampleCount];
        var converged = new bool[dense.SampleCount];
        var x = new double[n];
        int inside = 0, insideDiverging = 0, converging = 0;
        for (int s = 0; s < dense.SampleCount; s++)
        {
            Draw(mode, dense, dense.EllipsoidMaxLevel, rng, x);
            levels[s] = mode.Lyapunov(x);
            converged[s] = rollout.Converges(mode.Parameter, x);
            if (converged[s])
                converging++;
            if (levels[s] <= level)
            {
                inside++;
                if (!converged[s])
                    insideDiverging++;
            }
        }

        double denseLevel = LevelSetLineSearch(levels, converged);
        int insideDense = 0;
        for (int s = 0; s < levels.Length; s++)
        {
            if (levels[s] <= denseLevel)
                insideDense++;
        }

        return new RoaValidation(mode.Parameter, level, denseLevel, dense.SampleCount, inside, insideDiverging, converging, insideDense, n);
    }

    private static double SmallestDiverging(IReadOnlyList<double> levels, IReadOnlyList<bool> converged)
    {
        double min = double.PositiveInfinity;
        for (int i = 0; i < levels.Count; i++)
        {
            if (!converged[i] && levels[i] < min)
                min = levels[i];
        }

        return min;
    }
}
