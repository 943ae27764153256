namespace Robotics.Control.Risk;

/// <summary>
/// Run-time density propagation with a trained <see cref="LearnedDensityNetwork"/>: given initial samples (states,
/// log-densities, masses), returns x_t and log ρ_t(x_t) = log ρ0(x0) + g(x0, t) at any time, without integrating the
/// closed loop. Allocation-free after construction.
/// </summary>
/// <remarks>
/// The cell volume of each sample moves opposite to its log-density (<c>log V_t = log V0 - Δ log ρ</c>), so the mass
/// <c>ρ_t · V_t</c> stays what the sample carried, exactly as with <see cref="LiouvilleDensityPropagator"/>; the
/// collision-risk mass estimate (<see cref="LearnedCollisionRiskEstimator"/>, <see cref="CollisionRiskEstimator"/>)
/// therefore works on the output unchanged.
/// </remarks>
public sealed class LearnedDensityEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="network">The trained network (the estimator uses its own clone of the scratch buffers).</param>
    /// <exception cref="ArgumentNullException">No network.</exception>
    public LearnedDensityEstimator(LearnedDensityNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network.Clone();
    }

    /// <summary>The network.</summary>
    public LearnedDensityNetwork Network { get; }

    /// <summary>State dimension.</summary>
    public int StateSize => Network.StateSize;

    /// <summary>
    /// Writes the samples at time <paramref name="time"/> into <paramref name="result"/>: states x_t, log-densities
    /// log ρ0 + g, log-volumes log V0 - g, masses copied. Allocation-free.
    /// </summary>
    /// <param name="initial">The samples at t = 0.</param>
    /// <param name="time">t, seconds (the network is trained on [0, <see cref="LearnedDensityNetwork.Horizon"/>]).</param>
    /// <param name="result">Receives the samples at t (same count and dimension; not the same object).</param>
    /// <exception cref="ArgumentException">The sets do not match the network or each other.</exception>
    public void Propagate(DensitySampleSet initial, double time, DensitySampleSet result)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(result);
        if (initial.Dimension != StateSize || result.Dimension != StateSize || result.Count != initial.Count || ReferenceEquals(initial, result))
        {
            throw new ArgumentException($"Learned density: need two distinct sample sets of dimension {StateSize} and equal counts; got {initial.Dimension}/{initial.Count} and {result.Dimension}/{result.Count}.", nameof(result));
        }

        // The change of log-density goes to LogVolumes first, then both are offset from the initial values.
        Network.EvaluateBatch(initial.States, initial.Count, time, result.States, result.LogVolumes);
        for (int i = 0; i < initial.Count; i++)
        {
            double change = result.LogVolumes[i];
            result.LogDensities[i] = initial.LogDensities[i] + change;
            result.LogVolumes[i] = initial.LogVolumes[i] - change;
            result.Masses[i] = initial.Masses[i];
        }
    }

    /// <summary>
    /// x_t and log ρ_t at every step k = 0..<paramref name="steps"/> (t = k · <paramref name="step"/>), for
    /// <paramref name="count"/> initial states. Allocation-free.
    /// </summary>
    /// <param name="initialStates">x0, row-major (count x n).</param>
    /// <param name="initialLogDensities">log ρ0(x0) (count).</param>
    /// <param name="count">Number of samples.</param>
    /// <param name="step">Seconds per step.</param>
    /// <param name="steps">Number of steps.</param>
    /// <param name="states">Receives x at each step, [(steps + 1) x count x n].</param>
    /// <param name="logDensities">Receives log ρ at each step, [(steps + 1) x count].</param>
    /// <exception cref="ArgumentException">A buffer is too short.</exception>
    public void PropagateHorizon(ReadOnlySpan<double> initialStates, ReadOnlySpan<double> initialLogDensities, int count, double step, int steps,
        Span<double> states, Span<double> logDensities)
    {
        int n = StateSize;
        if (count < 0 || steps < 0 || initialStates.Length < count * n || initialLogDensities.Length < count
            || states.Length < (steps + 1) * count * n || logDensities.Length < (steps + 1) * count)
        {
            throw new ArgumentException($"Learned density: {count} samples over {steps} steps need states of {(steps + 1) * count * n} and log-densities of {(steps + 1) * count}; got {states.Length} and {logDensities.Length}.", nameof(states));
        }

        for (int k = 0; k <= steps; k++)
        {
            Span<double> logs = logDensities.Slice(k * count, count);
            Network.EvaluateBatch(initialStates, count, k * step, states.Slice(k * count * n, count * n), logs);
            for (int i = 0; i < count; i++)
            {
                logs[i] += initialLogDensities[i];
            }
        }
    }
}
