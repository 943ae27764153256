using System.Globalization;

namespace Robotics.Control.Snn;

/// <summary>
/// The parameters of one <see cref="LifNetwork"/>: a population of leaky integrate-and-fire neurons driven by a
/// dense input layer, read out by one leaky integrator. Plain arrays so a genome decoder can fill them in place.
/// </summary>
/// <remarks>
/// <para>Sizes: N = <see cref="NeuronCount"/>, M = <see cref="InputCount"/>. <see cref="InputWeights"/> is row-major
/// N x M (neuron n's weights are entries n*M .. n*M+M-1). Every other per-neuron array has N entries.</para>
/// <para>See <see cref="LifNetwork"/> for the equations. Ranges (checked by <see cref="Validate"/>): leaks in [0, 1],
/// thresholds &gt; 0, readout leak in [0, 1), refractory steps &gt;= 0, all values finite.</para>
/// </remarks>
public sealed class LifNetworkDefinition
{
    /// <summary>Allocates a definition with all weights and leaks 0 and thresholds 1.</summary>
    /// <param name="neuronCount">N, at least 1.</param>
    /// <param name="inputCount">M, at least 1.</param>
    /// <exception cref="ArgumentException">A size is below 1.</exception>
    public LifNetworkDefinition(int neuronCount, int inputCount)
    {
        if (neuronCount < 1)
        {
            throw new ArgumentException($"neuronCount = {neuronCount} must be >= 1; give the number of LIF neurons.", nameof(neuronCount));
        }

        if (inputCount < 1)
        {
            throw new ArgumentException($"inputCount = {inputCount} must be >= 1; give the number of encoded input signals.", nameof(inputCount));
        }

        NeuronCount = neuronCount;
        InputCount = inputCount;
        CurrentLeak = new double[neuronCount];
        VoltageLeak = new double[neuronCount];
        Threshold = new double[neuronCount];
        Array.Fill(Threshold, 1.0);
        Bias = new double[neuronCount];
        InputWeights = new double[neuronCount * inputCount];
        OutputWeights = new double[neuronCount];
    }

    /// <summary>Number of LIF neurons N.</summary>
    public int NeuronCount { get; }

    /// <summary>Number of input signals M.</summary>
    public int InputCount { get; }

    /// <summary>Per-neuron current leak (decay factor per step) in [0, 1]; 1 makes the current a perfect integrator.</summary>
    public double[] CurrentLeak { get; }

    /// <summary>Per-neuron voltage leak (decay factor per step) in [0, 1].</summary>
    public double[] VoltageLeak { get; }

    /// <summary>Per-neuron firing threshold theta &gt; 0 (same units as the voltage).</summary>
    public double[] Threshold { get; }

    /// <summary>Per-neuron constant input current b added every step.</summary>
    public double[] Bias { get; }

    /// <summary>Input weights W, row-major N x M.</summary>
    public double[] InputWeights { get; }

    /// <summary>Readout weights w_out (output units per spike), one per neuron.</summary>
    public double[] OutputWeights { get; }

    /// <summary>Leak of the leaky-integrator readout, in [0, 1): y = leak y + (1 - leak) w_out . s.</summary>
    public double ReadoutLeak { get; set; }

    /// <summary>Steps a neuron stays silent (voltage held at 0) after a spike; 0 = no refractory period.</summary>
    public int RefractorySteps { get; set; }

    /// <summary>Checks every value; throws with a message naming the field, neuron, value and allowed range.</summary>
    /// <exception cref="ArgumentException">A value is out of range or not finite.</exception>
    public void Validate()
    {
        for (int n = 0; n < NeuronCount; n++)
        {
            Range(CurrentLeak[n], 0.0, 1.0, "current_leak", n);
            Range(VoltageLeak[n], 0.0, 1.0, "voltage_leak", n);
            if (!double.IsFinite(Threshold[n]) || Threshold[n] <= 0.0)
            {
                throw new ArgumentException(Invariant($"LIF network: threshold[{n}] = {Threshold[n]} must be a finite value > 0."));
            }

            Finite(Bias[n], "bias", n);
            Finite(OutputWeights[n], "output_weights", n);
        }

        for (int k = 0; k < InputWeights.Length; k++) Finite(InputWeights[k], "input_weights", k);
        if (!double.IsFinite(ReadoutLeak) || ReadoutLeak < 0.0 || ReadoutLeak >= 1.0)
        {
            throw new ArgumentException(Invariant($"LIF network: readout_leak = {ReadoutLeak} is outside [0, 1); use e.g. 0.9 (a 10-step time constant)."));
        }

        if (RefractorySteps < 0)
        {
            throw new ArgumentException(Invariant($"LIF network: refractory_steps = {RefractorySteps} must be >= 0 (0 = no refractory period)."));
        }
    }

    /// <summary>A deep copy.</summary>
    public LifNetworkDefinition Clone()
    {
        var copy = new LifNetworkDefinition(NeuronCount, InputCount) { ReadoutLeak = ReadoutLeak, RefractorySteps = RefractorySteps };
        CurrentLeak.CopyTo(copy.CurrentLeak, 0);
        VoltageLeak.CopyTo(copy.VoltageLeak, 0);
        Threshold.CopyTo(copy.Threshold, 0);
        Bias.CopyTo(copy.Bias, 0);
        InputWeights.CopyTo(copy.InputWeights, 0);
        OutputWeights.CopyTo(copy.OutputWeights, 0);
        return copy;
    }

    private static void Range(double value, double min, double max, string name, int n)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new ArgumentException(Invariant($"LIF network: {name}[{n}] = {value} is outside [{min}, {max}]."));
        }
    }

    private static void Finite(double value, string name, int n)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException(Invariant($"LIF network: {name}[{n}] = {value} is not finite."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
