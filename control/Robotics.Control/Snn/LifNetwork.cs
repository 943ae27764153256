namespace Robotics.Control.Snn;

/// <summary>
/// A discrete-time population of leaky integrate-and-fire (LIF) neurons with current and voltage leak, threshold,
/// hard reset and an optional refractory period, read out by one leaky integrator. Deterministic and
/// allocation-free per <see cref="Step"/>.
/// </summary>
/// <remarks>
/// <para><b>Inputs.</b> x (length M), already encoded as currents (see <see cref="SnnErrorEncoder"/>).
/// <b>Output.</b> y, the readout, in the units of the output weights (e.g. N of thrust).</para>
/// <para><b>Equations</b> per step t for neuron n (the LIF model of the blimp paper's code, <c>neurons/lif.py</c>):</para>
/// <code>
///   i_n[t] = a_n i_n[t-1] + sum_m W[n,m] x_m[t] + b_n               current leak a_n
///   v_n[t] = beta_n v_n[t-1] (1 - s_n[t-1]) + i_n[t]                voltage leak beta_n, hard reset after a spike
///   s_n[t] = 1 if v_n[t] &gt;= theta_n else 0
///   y[t]   = lambda y[t-1] + (1 - lambda) sum_n w_out[n] s_n[t]        leaky-integrator readout
/// </code>
/// <para><b>Refractory period</b> R = <see cref="LifNetworkDefinition.RefractorySteps"/>: for the R steps after a
/// spike the current still integrates but the voltage is held at 0 and the neuron cannot fire; with R = 0 the
/// equations above hold exactly.</para>
/// <para><b>Firing rate for constant drive</b> (a = 0, drive c &gt; 0): after a spike v[k] = c (1 - beta^k)/(1 - beta),
/// which equals the continuous LIF v(t) = V_inf (1 - e^(-t/tau)) at t = k h with V_inf = c/(1 - beta) and
/// beta = e^(-h/tau); so the inter-spike interval is ceil(tau ln(V_inf/(V_inf - theta)) / h) + R steps.</para>
/// <para>The state starts at 0 (<see cref="Reset"/>). <see cref="Load"/> replaces the parameters in place
/// (same sizes, no allocation) so evolution can reuse one network object per worker thread.</para>
/// </remarks>
public sealed class LifNetwork
{
    private readonly int _n, _m;
    private readonly double[] _leakI, _leakV, _theta, _bias, _w, _wOut;
    private readonly double[] _i, _v, _s;
    private readonly int[] _refractory;
    private double _readoutLeak, _y;
    private int _refractorySteps;
    private long _spikeCount;
    private int _lastSpikes;

    /// <summary>Creates a network with the parameters of <paramref name="definition"/> (copied; validated).</summary>
    /// <exception cref="ArgumentException">A parameter is out of range.</exception>
    public LifNetwork(LifNetworkDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _n = definition.NeuronCount;
        _m = definition.InputCount;
        _leakI = new double[_n];
        _leakV = new double[_n];
        _theta = new double[_n];
        _bias = new double[_n];
        _w = new double[_n * _m];
        _wOut = new double[_n];
        _i = new double[_n];
        _v = new double[_n];
        _s = new double[_n];
        _refractory = new int[_n];
        Load(definition);
    }

    /// <summary>Number of neurons N.</summary>
    public int NeuronCount => _n;

    /// <summary>Number of inputs M.</summary>
    public int InputCount => _m;

    /// <summary>The readout y after the last <see cref="Step"/>.</summary>
    public double Output => _y;

    /// <summary>Spikes emitted since construction or the last <see cref="Reset"/>.</summary>
    public long SpikeCount => _spikeCount;

    /// <summary>Spikes emitted in the last <see cref="Step"/>.</summary>
    public int LastStepSpikes => _lastSpikes;

    /// <summary>Synaptic currents i (one per neuron).</summary>
    public ReadOnlySpan<double> Currents => _i;

    /// <summary>Membrane voltages v (one per neuron).</summary>
    public ReadOnlySpan<double> Voltages => _v;

    /// <summary>Spikes s of the last step (0 or 1 per neuron).</summary>
    public ReadOnlySpan<double> Spikes => _s;

    /// <summary>Replaces the parameters with those of <paramref name="definition"/> (validated, same sizes) and
    /// resets the state. Allocates nothing.</summary>
    /// <exception cref="ArgumentException">The sizes differ or a parameter is out of range.</exception>
    public void Load(LifNetworkDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.NeuronCount != _n || definition.InputCount != _m)
        {
            throw new ArgumentException($"LIF network: definition has {definition.NeuronCount} neurons x {definition.InputCount} inputs; this network has {_n} x {_m}. Create a new network for a different size.", nameof(definition));
        }

        definition.Validate();
        definition.CurrentLeak.CopyTo(_leakI, 0);
        definition.VoltageLeak.CopyTo(_leakV, 0);
        definition.Threshold.CopyTo(_theta, 0);
        definition.Bias.CopyTo(_bias, 0);
        definition.InputWeights.CopyTo(_w, 0);
        definition.OutputWeights.CopyTo(_wOut, 0);
        _readoutLeak = definition.ReadoutLeak;
        _refractorySteps = definition.RefractorySteps;
        Reset();
    }

    /// <summary>Sets currents, voltages, spikes, refractory counters, readout and spike counters to 0.</summary>
    public void Reset()
    {
        Array.Clear(_i);
        Array.Clear(_v);
        Array.Clear(_s);
        Array.Clear(_refractory);
        _y = 0.0;
        _spikeCount = 0;
        _lastSpikes = 0;
    }

    /// <summary>Advances the network one step with inputs <paramref name="x"/> and returns the readout y.</summary>
    /// <remarks>Allocates nothing. Inputs beyond M are ignored; a shorter span is an error.</remarks>
    /// <exception cref="ArgumentException"><paramref name="x"/> has fewer than M entries.</exception>
    public double Step(ReadOnlySpan<double> x)
    {
        if (x.Length < _m)
        {
            throw new ArgumentException($"LIF network: {x.Length} inputs given, {_m} expected.", nameof(x));
        }

        double sum = _m == 2 ? StepTwoInputs(x[0], x[1], out int spikes) : StepGeneral(x, out spikes);
        _y = _readoutLeak * _y + (1.0 - _readoutLeak) * sum;
        _spikeCount += spikes;
        _lastSpikes = spikes;
        return _y;
    }

    private double StepTwoInputs(double x0, double x1, out int spikes)
    {
        double[] leakI = _leakI, leakV = _leakV, theta = _theta, bias = _bias, w = _w, wOut = _wOut, cur = _i, v = _v, s = _s;
        int[] refractory = _refractory;
        int n = _n;
        double sum = 0.0;
        int count = 0;
        bool useRefractory = _refractorySteps > 0;
        for (int k = 0; k < n; k++)
        {
            double c = leakI[k] * cur[k] + (w[2 * k] * x0 + w[2 * k + 1] * x1) + bias[k];
            cur[k] = c;
            if (useRefractory && refractory[k] > 0)
            {
                refractory[k]--;
                v[k] = 0.0;
                s[k] = 0.0;
                continue;
            }

            double vk = leakV[k] * v[k] * (1.0 - s[k]) + c;
            v[k] = vk;
            if (vk >= theta[k])
            {
                s[k] = 1.0;
                sum += wOut[k];
                count++;
                if (useRefractory) refractory[k] = _refractorySteps;
            }
            else
            {
                s[k] = 0.0;
            }
        }

        spikes = count;
        return sum;
    }

    private double StepGeneral(ReadOnlySpan<double> x, out int spikes)
    {
        int n = _n, m = _m;
        double sum = 0.0;
        int count = 0;
        for (int k = 0; k < n; k++)
        {
            double drive = 0.0;
            int row = k * m;
            for (int j = 0; j < m; j++) drive += _w[row + j] * x[j];
            double c = _leakI[k] * _i[k] + drive + _bias[k];
            _i[k] = c;
            if (_refractorySteps > 0 && _refractory[k] > 0)
            {
                _refractory[k]--;
                _v[k] = 0.0;
                _s[k] = 0.0;
                continue;
            }

            double vk = _leakV[k] * _v[k] * (1.0 - _s[k]) + c;
            _v[k] = vk;
            if (vk >= _theta[k])
            {
                _s[k] = 1.0;
                sum += _wOut[k];
                count++;
                if (_refractorySteps > 0) _refractory[k] = _refractorySteps;
            }
            else
            {
                _s[k] = 0.0;
            }
        }

        spikes = count;
        return sum;
    }
}
