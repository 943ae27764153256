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
/// measure that against a denser sample set. If the rollout also implements <see cref="ILyapunovStepCheck"/> and
/// <see cref="RoaEstimatorOptions.DecreaseRays"/> &gt; 0, the level is then lowered below every ray-scanned state
/// where one closed-loop step does not lower V (<see cref="ShrinkToDecrease"/>): a rollout that converges but whose V
/// rises somewhere is not accepted, and the reported smallest diverging level is the smallest non-converging OR
/// non-decreasing V. Design time: allocates.
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
        double smallestFailing = SmallestDiverging(levels, converged);
        if (options.DecreaseRays > 0 && rollout is ILyapunovStepCheck step && level > 0)
        {
            var scan = ShrinkToDecrease(mode, x => step.Decreases(mode.Parameter, x), level, options, rng.Fork("decrease"));
            level = scan.Level;
            smallestFailing = Math.Min(smallestFailing, scan.SmallestFailing);
        }

        return new RoaEstimate(mode.Parameter, options.SafetyFactor * level, levels.Count, convergedCount, smallestFailing);
    }

    /// <summary>
    /// Lowers <paramref name="level"/> below every sampled state of {V &lt;= level} where one closed-loop step does not
    /// strictly lower V: <see cref="RoaEstimatorOptions.DecreaseRays"/> random directions from x* (Gaussian scaled by
    /// the box half-widths), each scanned outward at <see cref="RoaEstimatorOptions.DecreaseLevelsPerRay"/> levels
    /// uniform in V up to the current bound (the smallest failing V so far) and stopped at its first failure.
    /// </summary>
    /// <param name="mode">The mode's LQR (V and x*).</param>
    /// <param name="decreases">True if one closed-loop step from the state strictly lowers V.</param>
    /// <param name="level">The level to start from (e.g. the rollout line-search level).</param>
    /// <param name="options">Box (ray scaling), ray and level counts.</param>
    /// <param name="rng">Seeded randomness.</param>
    /// <returns>
    /// The largest checked V below the smallest failing V (or <paramref name="level"/> if nothing failed), the smallest
    /// failing V (+infinity if none), and the number of states checked.
    /// </returns>
    /// <remarks>
    /// Levels are relative: V ∝ t² along a ray, so every ray contributes its own first-failure level; with R rays the
    /// minimum over rays is the smallest non-decrease level in all but a direction-space fraction of about 3/R of
    /// directions (95 %, rule of three). An empirical estimate, not a proof.
    /// </remarks>
    public static (double Level, double SmallestFailing, int Checked) ShrinkToDecrease(ModeLqr mode, Func<double[], bool> decreases, double level,
        RoaEstimatorOptions options, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(decreases);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        int n = mode.StateSize;
        if (options.SampleLower.Length != n || options.SampleUpper.Length != n)
            throw new ArgumentException($"SampleLower/SampleUpper must have {n} entries (the mode's state size).", nameof(options));
        if (options.DecreaseLevelsPerRay < 1)
            throw new ArgumentException($"DecreaseLevelsPerRay is {options.DecreaseLevelsPerRay}; use at least 1.", nameof(options));
        if (!(level > 0))
            return (0.0, double.PositiveInfinity, 0);

        var z = new double[n];
        var x = new double[n];
        var values = new List<double>();
        var ok = new List<bool>();
        double bound = level;
        bool failed = false;
        int k = options.DecreaseLevelsPerRay;
        for (int ray = 0; ray < options.DecreaseRays; ray++)
        {
            for (int i = 0; i < n; i++)
                x[i] = mode.OperatingState[i] + 0.5 * (options.SampleUpper[i] - options.SampleLower[i]) * rng.NextGaussian();
            double v1 = mode.Lyapunov(x);
            if (!(v1 > 0))
                continue;
            for (int i = 0; i < n; i++)
                z[i] = (x[i] - mode.OperatingState[i]) / Math.Sqrt(v1);
            double top = bound;
            for (int j = 1; j <= k; j++)
            {
                double v = top * j / k;
                double t = Math.Sqrt(v);
                for (int i = 0; i < n; i++)
                    x[i] = mode.OperatingState[i] + t * z[i];
                bool pass = decreases(x);
                values.Add(mode.Lyapunov(x));
                ok.Add(pass);
                if (!pass)
                {
                    failed = true;
                    bound = Math.Min(bound, values[^1]);
                    break;
                }
            }
        }

        if (!failed)
            return (level, double.PositiveInfinity, values.Count);
        return (LevelSetLineSearch(values, ok), SmallestDiverging(values, ok), values.Count);
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
