using Robotics.Models.Artifacts;
using Robotics.Models.Networks;

namespace Robotics.Models.Dynamics;

/// <summary>
/// A NARX model with one recurrent layer (families <c>gru</c> and <c>lstm</c>): per step the layer reads the
/// normalised [y; u], updates its hidden state, and a linear head predicts the normalised change of y. The hidden
/// state (and for an LSTM the cell state) is carried in the model state: x = [y, h] (GRU) or [y, h, c] (LSTM).
/// </summary>
/// <remarks>
/// <para>y' = y + (W_head h' + b_head) * output_std + output_mean, with h' (and c') from <see cref="GruCell"/> or
/// <see cref="LstmCell"/> fed x_in = ([y; u] - input_mean) / input_std. Tensors: <c>rnn.weight_ih_l0</c>,
/// <c>rnn.weight_hh_l0</c>, <c>rnn.bias_ih_l0</c>, <c>rnn.bias_hh_l0</c> (PyTorch layout, gate order r, z, n for GRU and
/// i, f, g, o for LSTM), <c>head.weight</c> [n, H] and <c>head.bias</c> [n].</para>
/// <para>Evaluated in float32 like the trainer; Jacobians are exact by the chain rule through the gates, with respect
/// to the whole state [y, h(, c)] and the input.</para>
/// </remarks>
public sealed class RecurrentDynamicsModel : IDifferentiableDynamicsModel
{
    private readonly GruCell? _gru;
    private readonly LstmCell? _lstm;
    private readonly DenseLayer _head;
    private readonly int _n, _m, _h;
    private readonly double[] _inMean, _inStd, _outMean, _outStd;
    private readonly string[] _stateNames, _inputNames;
    private readonly float[] _xin, _hPrev, _cPrev, _hNew, _cNew, _o;
    private readonly double[] _dh, _dc;

    internal RecurrentDynamicsModel(ModelArtifact artifact)
    {
        var meta = artifact.Metadata;
        _n = meta.State.Count;
        _m = meta.Inputs.Count;
        _h = meta.Architecture.RecurrentHiddenSize;
        int inputs = _n + _m;
        if (meta.Family == ModelFamily.Lstm) _lstm = LstmCell.FromArtifact(artifact, "rnn.", inputs, _h);
        else _gru = GruCell.FromArtifact(artifact, "rnn.", inputs, _h);
        _head = new DenseLayer(artifact.GetTensor("head.weight", _n, _h), artifact.GetTensor("head.bias", _n), _h, Activation.Identity);
        _inMean = meta.Normalization.InputMean;
        _inStd = meta.Normalization.InputStd;
        _outMean = meta.Normalization.OutputMean;
        _outStd = meta.Normalization.OutputStd;
        TimeStep = meta.DtS;
        _stateNames = meta.State.Select(s => s.Name).ToArray();
        _inputNames = meta.Inputs.Select(s => s.Name).ToArray();
        _xin = new float[inputs];
        _hPrev = new float[_h];
        _cPrev = new float[_h];
        _hNew = new float[_h];
        _cNew = new float[_h];
        _o = new float[_n];
        int v = inputs + LatentSize;
        _dh = new double[_h * v];
        _dc = new double[_h * v];
    }

    /// <summary>True for an LSTM, false for a GRU.</summary>
    public bool IsLstm => _lstm is not null;

    /// <summary>Hidden size H of the recurrent layer.</summary>
    public int HiddenSize => _h;

    /// <inheritdoc />
    public int StateSize => _n + LatentSize;

    /// <inheritdoc />
    public int InputSize => _m;

    /// <inheritdoc />
    public int LatentSize => IsLstm ? 2 * _h : _h;

    /// <inheritdoc />
    public double TimeStep { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> StateNames => _stateNames;

    /// <inheritdoc />
    public IReadOnlyList<string> InputNames => _inputNames;

    /// <inheritdoc />
    public void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState) =>
        Evaluate(state, input, nextState, jacobians: false);

    /// <inheritdoc />
    public void Jacobians(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState, Span<double> dfdx, Span<double> dfdu)
    {
        Evaluate(state, input, nextState, jacobians: true);
        int n = _n, m = _m, H = _h, I = n + m, L = LatentSize, V = I + L, S = StateSize;
        dfdx[..(S * S)].Clear();
        dfdu[..(S * m)].Clear();

        // Latent rows: the cell's Jacobian w.r.t. v = [x_in, h(, c)] with x_in = ([y; u] - mean) / std.
        for (int row = 0; row < L; row++)
        {
            ReadOnlySpan<double> source = row < H ? _dh.AsSpan(row * V, V) : _dc.AsSpan((row - H) * V, V);
            int r = n + row;
            for (int i = 0; i < n; i++) dfdx[r * S + i] = source[i] / _inStd[i];
            for (int k = 0; k < L; k++) dfdx[r * S + n + k] = source[I + k];
            for (int j = 0; j < m; j++) dfdu[r * m + j] = source[n + j] / _inStd[n + j];
        }

        // Observed rows: y' = y + output_std * (W_head h' + b_head) + output_mean.
        for (int i = 0; i < n; i++)
        {
            for (int col = 0; col < S; col++)
            {
                double sum = 0;
                for (int k = 0; k < H; k++) sum += _head.Weight(i, k) * dfdx[(n + k) * S + col];
                dfdx[i * S + col] = _outStd[i] * sum + (col == i ? 1.0 : 0.0);
            }

            for (int j = 0; j < m; j++)
            {
                double sum = 0;
                for (int k = 0; k < H; k++) sum += _head.Weight(i, k) * dfdu[(n + k) * m + j];
                dfdu[i * m + j] = _outStd[i] * sum;
            }
        }
    }

    private void Evaluate(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> next, bool jacobians)
    {
        int n = _n, m = _m, H = _h;
        for (int i = 0; i < n; i++) _xin[i] = (float)((state[i] - _inMean[i]) / _inStd[i]);
        for (int j = 0; j < m; j++) _xin[n + j] = (float)((input[j] - _inMean[n + j]) / _inStd[n + j]);
        for (int k = 0; k < H; k++) _hPrev[k] = (float)state[n + k];
        if (_lstm is not null)
        {
            for (int k = 0; k < H; k++) _cPrev[k] = (float)state[n + H + k];
            if (jacobians) _lstm.Jacobian(_xin, _hPrev, _cPrev, _hNew, _cNew, _dh, _dc);
            else _lstm.Step(_xin, _hPrev, _cPrev, _hNew, _cNew);
        }
        else if (jacobians)
        {
            _gru!.Jacobian(_xin, _hPrev, _hNew, _dh);
        }
        else
        {
            _gru!.Step(_xin, _hPrev, _hNew);
        }

        _head.Forward(_hNew, _o);
        for (int i = 0; i < n; i++) next[i] = state[i] + _o[i] * _outStd[i] + _outMean[i];
        for (int k = 0; k < H; k++) next[n + k] = _hNew[k];
        if (_lstm is not null)
        {
            for (int k = 0; k < H; k++) next[n + H + k] = _cNew[k];
        }
    }
}
