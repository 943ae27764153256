using Robotics.Control.Loop;
using Robotics.Core.Time;

namespace Robotics.Control.Snn;

/// <summary>
/// An altitude (or any single-output set-point) controller made of one or more spiking populations whose
/// leaky-integrator readouts are summed: the blimp paper's combination of a fast population (damps overshoot and
/// oscillation) and a slow one (removes the steady-state error of the buoyancy bias).
/// </summary>
/// <remarks>
/// <para><b>Inputs.</b> state[measurement index] = measured altitude y (m), reference[reference index] = set-point r (m).
/// <b>Output.</b> command[0] = u, thrust in N.</para>
/// <code>
///   x_k = encode(y_k, r_k)                              <see cref="SnnErrorEncoder"/>: [e/e_s, d/d_s]
///   u_k = clamp(u_off + sum_p LIF_p(x_k), u_min, u_max)  <see cref="LifNetwork"/> readouts
/// </code>
/// <para>Status <see cref="ControllerStatus.Saturated"/> when u was clipped, <see cref="ControllerStatus.Failed"/> (command 0,
/// state unchanged) on non-finite y, r or period. Update allocates nothing. <see cref="TotalSpikes"/> counts spikes
/// (the energy proxy).</para>
/// </remarks>
public sealed class SnnAltitudeController : IController
{
    private readonly LifNetwork[] _populations;
    private readonly SnnErrorEncoder _encoder;
    private readonly double[] _inputs = new double[SnnErrorEncoder.InputCount];
    private readonly double[] _populationOutputs;
    private readonly double _offset, _min, _max;
    private readonly int _measurementIndex, _referenceIndex;

    /// <summary>Creates the controller.</summary>
    /// <param name="populations">One or more population definitions (2 inputs each); copied.</param>
    /// <param name="encoder">Encoder settings (the instance is used, and reset by <see cref="Reset"/>).</param>
    /// <param name="outputOffset">u_off, N.</param>
    /// <param name="outputMin">u_min, N.</param>
    /// <param name="outputMax">u_max, N.</param>
    /// <param name="stateSize">State vector length (default 2: altitude, vertical velocity).</param>
    /// <param name="measurementIndex">Index of the altitude in the state (default 0).</param>
    /// <param name="referenceIndex">Index of the set-point in the reference (default 0).</param>
    /// <param name="name">Controller name.</param>
    /// <exception cref="ArgumentException">A population has the wrong input count, the limits are inverted, or an
    /// index is out of range.</exception>
    public SnnAltitudeController(IReadOnlyList<LifNetworkDefinition> populations, SnnErrorEncoder encoder, double outputOffset,
        double outputMin, double outputMax, int stateSize = 2, int measurementIndex = 0, int referenceIndex = 0, string name = "snn")
    {
        ArgumentNullException.ThrowIfNull(populations);
        ArgumentNullException.ThrowIfNull(encoder);
        if (populations.Count == 0)
        {
            throw new ArgumentException("SNN controller: give at least one population.", nameof(populations));
        }

        _populations = new LifNetwork[populations.Count];
        for (int p = 0; p < populations.Count; p++)
        {
            if (populations[p].InputCount != SnnErrorEncoder.InputCount)
            {
                throw new ArgumentException($"SNN controller: population {p} has {populations[p].InputCount} inputs; the encoder gives {SnnErrorEncoder.InputCount} (error, derivative).", nameof(populations));
            }

            _populations[p] = new LifNetwork(populations[p]);
        }

        if (!double.IsFinite(outputOffset) || double.IsNaN(outputMin) || double.IsNaN(outputMax) || outputMin > outputMax)
        {
            throw new ArgumentException($"SNN controller: output_offset = {outputOffset} must be finite and output_min = {outputMin} <= output_max = {outputMax}.");
        }

        if (stateSize < 1 || measurementIndex < 0 || measurementIndex >= stateSize || referenceIndex < 0)
        {
            throw new ArgumentException($"SNN controller: measurement_index = {measurementIndex} must lie in [0, {stateSize - 1}] and reference_index = {referenceIndex} must be >= 0.");
        }

        _populationOutputs = new double[populations.Count];
        _encoder = encoder;
        _offset = outputOffset;
        _min = outputMin;
        _max = outputMax;
        _measurementIndex = measurementIndex;
        _referenceIndex = referenceIndex;
        StateSize = stateSize;
        ReferenceSize = referenceIndex + 1;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int StateSize { get; }

    /// <inheritdoc />
    public int ReferenceSize { get; }

    /// <inheritdoc />
    public int CommandSize => 1;

    /// <summary>Total number of neurons over all populations.</summary>
    public int NeuronCount
    {
        get
        {
            int n = 0;
            foreach (var p in _populations) n += p.NeuronCount;
            return n;
        }
    }

    /// <summary>The populations (for inspection).</summary>
    public IReadOnlyList<LifNetwork> Populations => _populations;

    /// <summary>The readout of each population in the last update, N.</summary>
    public ReadOnlySpan<double> PopulationOutputs => _populationOutputs;

    /// <summary>Spikes of all populations since construction or <see cref="Reset"/>.</summary>
    public long TotalSpikes
    {
        get
        {
            long s = 0;
            foreach (var p in _populations) s += p.SpikeCount;
            return s;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _encoder.Reset();
        foreach (var p in _populations) p.Reset();
        Array.Clear(_populationOutputs);
    }

    /// <inheritdoc />
    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
    {
        if (command.Length < 1) return ControllerStatus.Failed;
        double h = period.Seconds;
        if (state.Length <= _measurementIndex || reference.Length <= _referenceIndex || !(h > 0.0) || !double.IsFinite(h))
        {
            command[0] = 0.0;
            return ControllerStatus.Failed;
        }

        double y = state[_measurementIndex], r = reference[_referenceIndex];
        if (!double.IsFinite(y) || !double.IsFinite(r))
        {
            command[0] = 0.0;
            return ControllerStatus.Failed;
        }

        _encoder.Encode(y, r, h, _inputs);
        double u = _offset;
        for (int p = 0; p < _populations.Length; p++)
        {
            double o = _populations[p].Step(_inputs);
            _populationOutputs[p] = o;
            u += o;
        }

        bool saturated = false;
        if (u > _max)
        {
            u = _max;
            saturated = true;
        }
        else if (u < _min)
        {
            u = _min;
            saturated = true;
        }

        command[0] = u;
        return saturated ? ControllerStatus.Saturated : ControllerStatus.Ok;
    }
}
