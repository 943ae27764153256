namespace Robotics.Models.Dynamics;

/// <summary>
/// An analytic nominal model plus a learned correction: x_{k+1} = F_nominal(x_k, u_k) + g(x_k, u_k), g an MLP
/// between normalised signals (family <c>residual</c>). The network only has to learn what the physics misses.
/// </summary>
/// <remarks>Jacobians: the nominal model's (central differences for analytic plants) plus the network's exact ones.</remarks>
public sealed class ResidualDynamicsModel : IDifferentiableDynamicsModel
{
    private readonly IDifferentiableDynamicsModel _nominal;
    private readonly NormalizedNetwork _correction;
    private readonly double[] _delta;
    private readonly double[] _state;

    internal ResidualDynamicsModel(IDifferentiableDynamicsModel nominal, NormalizedNetwork correction)
    {
        if (correction.StateSize != nominal.StateSize || correction.InputSize != nominal.InputSize)
        {
            throw new ArgumentException($"The correction network is for {correction.StateSize} states and {correction.InputSize} inputs, the nominal model has {nominal.StateSize} and {nominal.InputSize}.");
        }

        _nominal = nominal;
        _correction = correction;
        _delta = new double[nominal.StateSize];
        _state = new double[nominal.StateSize];
    }

    /// <summary>The nominal (physics) part.</summary>
    public IDifferentiableDynamicsModel Nominal => _nominal;

    /// <inheritdoc />
    public int StateSize => _nominal.StateSize;

    /// <inheritdoc />
    public int InputSize => _nominal.InputSize;

    /// <inheritdoc />
    public int LatentSize => 0;

    /// <inheritdoc />
    public double TimeStep => _nominal.TimeStep;

    /// <inheritdoc />
    public IReadOnlyList<string> StateNames => _nominal.StateNames;

    /// <inheritdoc />
    public IReadOnlyList<string> InputNames => _nominal.InputNames;

    /// <inheritdoc />
    public void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState)
    {
        _correction.Delta(state, input, _delta);   // first, so nextState may be the state's own storage
        _nominal.Step(state, input, nextState);
        for (int k = 0; k < StateSize; k++) nextState[k] += _delta[k];
    }

    /// <inheritdoc />
    public void Jacobians(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState, Span<double> dfdx, Span<double> dfdu)
    {
        state[..StateSize].CopyTo(_state);           // nextState may be the state's own storage
        _nominal.Jacobians(_state, input, nextState, dfdx, dfdu);
        _correction.AddDeltaJacobians(_state, input, _delta, dfdx, dfdu, 1.0);
        for (int k = 0; k < StateSize; k++) nextState[k] += _delta[k];
    }
}
