using Robotics.Core.Randomness;

namespace Robotics.Control.Risk;

/// <summary>
/// The probability that a robot whose initial state is uncertain collides with obstacles while its closed loop runs
/// over a horizon: samples of the initial distribution are carried with their density by
/// <see cref="LiouvilleDensityPropagator"/>, and at every step the mass of the samples whose footprint touches an
/// obstacle is summed.
/// </summary>
/// <remarks>
/// <para>How the mass is estimated: each sample stands for a cell of state space with mass <c>ρ_t(x_t) · V_t</c>;
/// Liouville's equation keeps this product equal to <c>ρ0(x0) · V0</c>, which is what the samples carry. With
/// density-weighted sampling (<see cref="DensitySampling.DensityWeighted"/>) the cells tile the box holding the initial
/// distribution evenly, so unlikely regions (where collisions usually are) are resolved as finely as likely ones; the
/// estimate is unbiased, and its error comes from the cells cut by an obstacle's boundary (it shrinks roughly like
/// 1/N for smooth boundaries, against 1/sqrt(N) for plain Monte Carlo). Mass outside the box is reported as
/// <see cref="CollisionRisk.TruncationError"/>.</para>
/// <para>Allocation-free after construction.</para>
/// </remarks>
public sealed class CollisionRiskEstimator
{
    private readonly DensitySampleSet samples;
    private readonly LiouvilleDensityPropagator propagator;
    private readonly bool[] collided;
    private readonly bool[] hitNow;
    private readonly double[] soaStates;
    private readonly double[] xs;
    private readonly double[] ys;
    private double[] stepRisk = [];
    private int stepCount;

    /// <summary>Creates an estimator.</summary>
    /// <param name="dimension">State dimension of the closed-loop dynamics.</param>
    /// <param name="options">Settings (validated).</param>
    public CollisionRiskEstimator(int dimension, CollisionRiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(dimension);
        Options = options;
        samples = new DensitySampleSet(options.Samples, dimension);
        propagator = new LiouvilleDensityPropagator(dimension, options.Samples);
        collided = new bool[options.Samples];
        hitNow = new bool[options.Samples];
        soaStates = new double[options.Samples * dimension];
        xs = new double[options.Samples];
        ys = new double[options.Samples];
    }

    /// <summary>
    /// Forces the per-sample propagation even for <see cref="IBatchClosedLoopDynamics"/> (default false: the batched,
    /// structure-of-arrays path is used when the dynamics offer it). The two give identical results; this exists for
    /// tests and benchmarks.
    /// </summary>
    public bool ForcePerSample { get; set; }

    /// <summary>The settings.</summary>
    public CollisionRiskOptions Options { get; }

    /// <summary>The samples after the last check (their final states and log-densities).</summary>
    public DensitySampleSet Samples => samples;

    /// <summary>Collision probability at each step of the last check (index 0 = initial state).</summary>
    public ReadOnlySpan<double> StepRisk => stepRisk.AsSpan(0, stepCount);

    /// <summary>Runs a check.</summary>
    /// <param name="dynamics">The closed loop (plant, controller following the plan, disturbances as state).</param>
    /// <param name="initial">The initial-state distribution.</param>
    /// <param name="obstacles">Obstacles in the plane.</param>
    /// <param name="step">Seconds per step.</param>
    /// <param name="steps">Number of steps of the horizon.</param>
    /// <param name="rng">Randomness for the samples (a fork per check keeps runs reproducible).</param>
    /// <returns>The risk.</returns>
    public CollisionRisk Evaluate(IClosedLoopDynamics dynamics, IInitialDistribution initial, IReadOnlyList<IPlanarObstacle> obstacles,
        double step, int steps, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(obstacles);
        if (stepRisk.Length < steps + 1)
        {
            // Grows only: checks of shorter horizons (a plan's remaining steps) reuse the buffer.
            stepRisk = new double[steps + 1];
        }

        stepCount = steps + 1;

        if (Options.QuasiMonteCarlo)
        {
            DensitySampling.QuasiMonteCarlo(initial, rng, samples);
        }
        else if (Options.DensityWeighted)
        {
            DensitySampling.DensityWeighted(initial, rng, samples);
        }
        else
        {
            DensitySampling.MonteCarlo(initial, rng, samples);
        }

        Array.Clear(collided);
        int count = samples.Count;
        int n = samples.Dimension;
        var batch = ForcePerSample ? null : dynamics as IBatchClosedLoopDynamics;
        if (batch is not null)
        {
            LiouvilleDensityPropagator.ToStructureOfArrays(samples.States, count, n, soaStates);
        }

        double anyStep = 0;
        double[] masses = samples.Masses;
        for (int k = 0; k <= steps; k++)
        {
            if (k > 0)
            {
                if (batch is not null)
                {
                    propagator.StepBatch(batch, (k - 1) * step, step, soaStates, count, samples.LogDensities, samples.LogVolumes);
                }
                else
                {
                    propagator.Step(dynamics, (k - 1) * step, step, samples);
                }
            }

            ReadOnlySpan<double> px;
            ReadOnlySpan<double> py;
            if (batch is not null)
            {
                px = soaStates.AsSpan(Options.PositionXIndex * count, count);
                py = soaStates.AsSpan(Options.PositionYIndex * count, count);
            }
            else
            {
                double[] states = samples.States;
                for (int i = 0; i < count; i++)
                {
                    xs[i] = states[(i * n) + Options.PositionXIndex];
                    ys[i] = states[(i * n) + Options.PositionYIndex];
                }

                px = xs;
                py = ys;
            }

            stepRisk[k] = CollisionMass.AddStep(obstacles, k * step, px, py, Options.FootprintRadius, masses.AsSpan(0, count), hitNow, collided, ref anyStep);
        }

        if (batch is not null)
        {
            LiouvilleDensityPropagator.ToRowMajor(soaStates, count, n, samples.States);
        }

        int worst = CollisionMass.WorstStep(stepRisk, steps);

        return new CollisionRisk(anyStep, stepRisk[worst], worst, initial.MassOutsideBox, anyStep <= Options.Threshold);
    }
}
