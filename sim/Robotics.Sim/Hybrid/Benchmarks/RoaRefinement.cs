using Robotics.Control.Hybrid;
using Robotics.Core.Randomness;

namespace Robotics.Sim.Hybrid.Benchmarks;

/// <summary>
/// Verification rounds after the box line search: draw fresh samples uniformly inside {V &lt;= c}, roll them out, and
/// if any fails lower c to just below the smallest failing V (largest passing V under it); repeat until a round is
/// clean or the round limit is hit. Box samples rarely fall inside a small ellipsoid in 3-D, so without this the
/// level is set by few samples (design-time, allocates).
/// </summary>
public static class RoaRefinement
{
    /// <summary>Returns the refined level and the number of verification rollouts that failed in total.</summary>
    public static (double Level, int Failures) Refine(ModeLqr mode, double level, Func<double[], bool> rollout, Rng rng, int samplesPerRound = 100, int rounds = 4)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(rng);
        if (!(level > 0.0))
        {
            return (0.0, 0);
        }

        var center = new double[mode.StateSize];
        for (int i = 0; i < center.Length; i++)
        {
            center[i] = mode.OperatingState[i];
        }

        var sampler = new SectionSampler(center, mode.LyapunovMatrix.Data.ToArray());
        int failures = 0;
        var x = new double[center.Length];
        for (int r = 0; r < rounds; r++)
        {
            var values = new double[samplesPerRound];
            var ok = new bool[samplesPerRound];
            bool clean = true;
            for (int s = 0; s < samplesPerRound; s++)
            {
                sampler.Sample(rng, level, x);
                values[s] = mode.Lyapunov(x);
                ok[s] = rollout(x);
                if (!ok[s])
                {
                    clean = false;
                    failures++;
                }
            }

            if (clean)
            {
                break;
            }

            level = RoaEstimator.LevelSetLineSearch(values, ok);
            if (!(level > 0.0))
            {
                return (0.0, failures);
            }
        }

        return (level, failures);
    }
}
