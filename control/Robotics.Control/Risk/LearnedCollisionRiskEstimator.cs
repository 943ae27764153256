using Robotics.Core.Randomness;

namespace Robotics.Control.Risk;

/// <summary>
/// The collision risk of <see cref="CollisionRiskEstimator"/> with the closed loop replaced by a trained
/// <see cref="LearnedDensityEstimator"/>: the same samples (density-weighted or Monte Carlo), the same mass per sample,
/// the same footprint test and step/any-step sums; only x_t and log ρ_t come from the network instead of RK4.
/// Allocation-free after construction.
/// </summary>
/// <remarks>
/// The error of the estimate is the error of <see cref="CollisionRiskEstimator"/> (cells cut by the obstacle boundary,
/// mass outside the box) plus the network's state error, which moves samples across the obstacle boundary
/// (docs/risk-learned-density.md states both, measured).
/// </remarks>
public sealed class LearnedCollisionRiskEstimator
{
    private readonly LearnedDensityEstimator estimator;
    private readonly DensitySampleSet initialSamples;
    private readonly DensitySampleSet samples;
    private readonly bool[] collided;
    private readonly bool[] hitNow;
    private readonly double[] xs;
    private readonly double[] ys;
    private double[] stepRisk = [];
    private int stepCount;

    /// <summary>Creates the estimator.</summary>
    /// <param name="network">The trained network.</param>
    /// <param name="options">Settings (validated against the network's state size).</param>
    public LearnedCollisionRiskEstimator(LearnedDensityNetwork network, CollisionRiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(network.StateSize);
        Options = options;
        estimator = new LearnedDensityEstimator(network);
        initialSamples = new DensitySampleSet(options.Samples, network.StateSize);
        samples = new DensitySampleSet(options.Samples, network.StateSize);
        collided = new bool[options.Samples];
        hitNow = new bool[options.Samples];
        xs = new double[options.Samples];
        ys = new double[options.Samples];
    }

    /// <summary>The settings.</summary>
    public CollisionRiskOptions Options { get; }

    /// <summary>The samples at the last step of the last check.</summary>
    public DensitySampleSet Samples => samples;

    /// <summary>The initial samples of the last check.</summary>
    public DensitySampleSet InitialSamples => initialSamples;

    /// <summary>Collision probability at each step of the last check (index 0 = initial state).</summary>
    public ReadOnlySpan<double> StepRisk => stepRisk.AsSpan(0, stepCount);

    /// <summary>Runs a check.</summary>
    /// <param name="initial">The initial-state distribution (the one the network was trained around).</param>
    /// <param name="obstacles">Obstacles in the plane.</param>
    /// <param name="step">Seconds per step.</param>
    /// <param name="steps">Number of steps of the horizon.</param>
    /// <param name="rng">Randomness for the samples.</param>
    /// <returns>The risk.</returns>
    public CollisionRisk Evaluate(IInitialDistribution initial, IReadOnlyList<IPlanarObstacle> obstacles, double step, int steps, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(obstacles);
        if (stepRisk.Length < steps + 1)
        {
            stepRisk = new double[steps + 1];
        }

        stepCount = steps + 1;
        if (Options.DensityWeighted)
        {
            DensitySampling.DensityWeighted(initial, rng, initialSamples);
        }
        else
        {
            DensitySampling.MonteCarlo(initial, rng, initialSamples);
        }

        Array.Clear(collided);
        int count = samples.Count;
        int n = samples.Dimension;
        double anyStep = 0;
        double[] masses = initialSamples.Masses;
        for (int k = 0; k <= steps; k++)
        {
            double time = k * step;
            estimator.Propagate(initialSamples, time, samples);
            double[] states = samples.States;
            for (int i = 0; i < count; i++)
            {
                xs[i] = states[(i * n) + Options.PositionXIndex];
                ys[i] = states[(i * n) + Options.PositionYIndex];
            }

            stepRisk[k] = CollisionMass.AddStep(obstacles, time, xs, ys, Options.FootprintRadius, masses.AsSpan(0, count), hitNow, collided, ref anyStep);
        }

        int worst = CollisionMass.WorstStep(stepRisk, steps);

        return new CollisionRisk(anyStep, stepRisk[worst], worst, initial.MassOutsideBox, anyStep <= Options.Threshold);
    }
}
