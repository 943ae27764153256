using Robotics.Models.Artifacts;
using Robotics.Models.Networks;

namespace Robotics.Models.Dynamics;

/// <summary>
/// An MLP between normalised signals: it sees ([x; u] - mean) / std and its output o means a state change of
/// o * std + mean. Shared by the MLP, ensemble and residual models.
/// </summary>
internal sealed class NormalizedNetwork
{
    private readonly MlpNetwork _network;
    private readonly double[] _inputMean;
    private readonly double[] _inputStd;
    private readonly double[] _outputMean;
    private readonly double[] _outputStd;
    private readonly float[] _input;
    private readonly float[] _output;
    private readonly float[] _inputPair;
    private readonly float[] _outputPair;
    private readonly double[] _jacobian;

    public NormalizedNetwork(MlpNetwork network, NormalizationInfo normalization, int stateSize, int inputSize)
    {
        if (network.Inputs != stateSize + inputSize || network.Outputs != stateSize)
        {
            throw new ArgumentException($"The network maps {network.Inputs} -> {network.Outputs} values; a model with {stateSize} states and {inputSize} inputs needs {stateSize + inputSize} -> {stateSize}.");
        }

        _network = network;
        StateSize = stateSize;
        InputSize = inputSize;
        _inputMean = normalization.InputMean;
        _inputStd = normalization.InputStd;
        _outputMean = normalization.OutputMean;
        _outputStd = normalization.OutputStd;
        _input = new float[network.Inputs];
        _output = new float[network.Outputs];
        _inputPair = new float[network.Inputs];
        _outputPair = new float[network.Outputs];
        _jacobian = new double[network.Inputs * network.Outputs];
    }

    public int StateSize { get; }

    public int InputSize { get; }

    public MlpNetwork Network => _network;

    /// <summary>delta = network([x; u]) in state units.</summary>
    public void Delta(ReadOnlySpan<double> x, ReadOnlySpan<double> u, Span<double> delta)
    {
        Normalize(x, u);
        _network.Forward(_input, _output);
        for (int k = 0; k < StateSize; k++) delta[k] = _output[k] * _outputStd[k] + _outputMean[k];
    }

    /// <summary>
    /// Deltas of two samples at once (the batched path of <see cref="MlpDynamicsModel.StepBatch"/>): bit-identical to
    /// two <see cref="Delta"/> calls. Allocation-free.
    /// </summary>
    public void DeltaPair(ReadOnlySpan<double> x0, ReadOnlySpan<double> u0, ReadOnlySpan<double> x1, ReadOnlySpan<double> u1, Span<double> delta0, Span<double> delta1)
    {
        Normalize(x0, u0, _input);
        Normalize(x1, u1, _inputPair);
        _network.ForwardPair(_input, _inputPair, _output, _outputPair);
        for (int k = 0; k < StateSize; k++)
        {
            delta0[k] = _output[k] * _outputStd[k] + _outputMean[k];
            delta1[k] = _outputPair[k] * _outputStd[k] + _outputMean[k];
        }
    }

    /// <summary>delta and its Jacobians d delta / dx (n x n) and d delta / du (n x m), added into the spans given.</summary>
    public void AddDeltaJacobians(ReadOnlySpan<double> x, ReadOnlySpan<double> u, Span<double> delta, Span<double> dDeltaDx, Span<double> dDeltaDu, double scale)
    {
        Normalize(x, u);
        _network.Jacobian(_input, _output, _jacobian);
        int n = StateSize, m = InputSize, cols = n + m;
        for (int k = 0; k < n; k++)
        {
            delta[k] = _output[k] * _outputStd[k] + _outputMean[k];
            for (int i = 0; i < n; i++) dDeltaDx[k * n + i] += scale * _outputStd[k] * _jacobian[k * cols + i] / _inputStd[i];
            for (int j = 0; j < m; j++) dDeltaDu[k * m + j] += scale * _outputStd[k] * _jacobian[k * cols + n + j] / _inputStd[n + j];
        }
    }

    private void Normalize(ReadOnlySpan<double> x, ReadOnlySpan<double> u) => Normalize(x, u, _input);

    private void Normalize(ReadOnlySpan<double> x, ReadOnlySpan<double> u, float[] into)
    {
        int n = StateSize;
        for (int i = 0; i < n; i++) into[i] = (float)((x[i] - _inputMean[i]) / _inputStd[i]);
        for (int j = 0; j < InputSize; j++) into[n + j] = (float)((u[j] - _inputMean[n + j]) / _inputStd[n + j]);
    }
}
