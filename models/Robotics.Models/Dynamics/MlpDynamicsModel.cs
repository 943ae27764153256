namespace Robotics.Models.Dynamics;

/// <summary>
/// A learned feed-forward model x_{k+1} = x_k + f(x_k, u_k), f an MLP between normalised signals (family
/// <c>mlp</c>), or the mean of several such MLPs (family <c>ensemble</c>) whose spread is the disagreement.
/// </summary>
/// <remarks>
/// Jacobians are exact for the network (back-propagated through the layers): dF/dx = I + mean_k d f_k / dx.
/// Build instances with <see cref="ModelLoader"/>.
/// </remarks>
public sealed class MlpDynamicsModel : IDifferentiableDynamicsModel, IUncertainDynamicsModel
{
    private readonly NormalizedNetwork[] _members;
    private readonly double[] _delta;
    private readonly double[] _deltaPair;
    private readonly double[] _sum;
    private readonly double[] _sumSquares;
    private readonly string[] _stateNames;
    private readonly string[] _inputNames;

    internal MlpDynamicsModel(NormalizedNetwork[] members, double timeStep, string[] stateNames, string[] inputNames)
    {
        _members = members;
        TimeStep = timeStep;
        _stateNames = stateNames;
        _inputNames = inputNames;
        _delta = new double[StateSize];
        _deltaPair = new double[StateSize];
        _sum = new double[StateSize];
        _sumSquares = new double[StateSize];
    }

    /// <inheritdoc />
    public int StateSize => _stateNames.Length;

    /// <inheritdoc />
    public int InputSize => _inputNames.Length;

    /// <inheritdoc />
    public int LatentSize => 0;

    /// <inheritdoc />
    public double TimeStep { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> StateNames => _stateNames;

    /// <inheritdoc />
    public IReadOnlyList<string> InputNames => _inputNames;

    /// <summary>Number of ensemble members (1 for a plain MLP).</summary>
    public int MemberCount => _members.Length;

    /// <inheritdoc />
    public void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState)
    {
        MeanAndSpread(state, input);
        for (int k = 0; k < StateSize; k++) nextState[k] = state[k] + _sum[k] / _members.Length;
    }

    /// <summary>
    /// Steps <paramref name="batch"/> samples (states B x n, inputs B x m, row-major). A single MLP evaluates them two at a
    /// time (each weight vector loaded once for both samples; see DensePairKernels), bit-identical to calling
    /// <see cref="Step"/> per sample; an ensemble steps them one by one. Allocation-free; <paramref name="nextStates"/>
    /// may be the same storage as <paramref name="states"/>.
    /// </summary>
    public void StepBatch(ReadOnlySpan<double> states, ReadOnlySpan<double> inputs, Span<double> nextStates, int batch)
    {
        int n = StateSize, m = InputSize;
        if (batch < 0 || states.Length < batch * n || inputs.Length < batch * m || nextStates.Length < batch * n)
        {
            throw new ArgumentException($"A batch of {batch} needs {batch * n} states, {batch * m} inputs and {batch * n} next states; got {states.Length}, {inputs.Length} and {nextStates.Length}.", nameof(batch));
        }

        int b = 0;
        if (_members.Length == 1)
        {
            var member = _members[0];
            for (; b + 1 < batch; b += 2)
            {
                var x0 = states.Slice(b * n, n);
                var x1 = states.Slice((b + 1) * n, n);
                member.DeltaPair(x0, inputs.Slice(b * m, m), x1, inputs.Slice((b + 1) * m, m), _delta, _deltaPair);
                var y0 = nextStates.Slice(b * n, n);
                var y1 = nextStates.Slice((b + 1) * n, n);
                // Same arithmetic as Step: x + (0 + delta) / 1.
                for (int k = 0; k < n; k++)
                {
                    y0[k] = x0[k] + (0.0 + _delta[k]) / 1;
                    y1[k] = x1[k] + (0.0 + _deltaPair[k]) / 1;
                }
            }
        }

        for (; b < batch; b++) Step(states.Slice(b * n, n), inputs.Slice(b * m, m), nextStates.Slice(b * n, n));
    }

    /// <inheritdoc />
    public void Jacobians(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState, Span<double> dfdx, Span<double> dfdu)
    {
        int n = StateSize;
        dfdx[..(n * n)].Clear();
        dfdu[..(n * InputSize)].Clear();
        Array.Clear(_sum);
        double scale = 1.0 / _members.Length;
        foreach (var member in _members)
        {
            member.AddDeltaJacobians(state, input, _delta, dfdx, dfdu, scale);
            for (int k = 0; k < n; k++) _sum[k] += _delta[k];
        }

        for (int k = 0; k < n; k++)
        {
            nextState[k] = state[k] + _sum[k] * scale;
            dfdx[k * n + k] += 1.0;
        }
    }

    /// <inheritdoc />
    public void Disagreement(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> disagreement)
    {
        MeanAndSpread(state, input);
        int count = _members.Length;
        for (int k = 0; k < StateSize; k++)
        {
            double mean = _sum[k] / count;
            disagreement[k] = Math.Sqrt(Math.Max(0.0, _sumSquares[k] / count - mean * mean));
        }
    }

    private void MeanAndSpread(ReadOnlySpan<double> state, ReadOnlySpan<double> input)
    {
        Array.Clear(_sum);
        Array.Clear(_sumSquares);
        foreach (var member in _members)
        {
            member.Delta(state, input, _delta);
            for (int k = 0; k < _delta.Length; k++)
            {
                _sum[k] += _delta[k];
                _sumSquares[k] += _delta[k] * _delta[k];
            }
        }
    }
}
