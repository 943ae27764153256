namespace Robotics.Control.Snn;

/// <summary>
/// Maps a genome in the unit cube [0, 1]^D to the parameters of a <see cref="LifNetwork"/> with 2 inputs
/// (error, derivative), for CMA-ES. Allocation-free decode into a preallocated definition.
/// </summary>
/// <remarks>
/// <para>Neurons come in mirrored pairs (the paper's +/- pair encoding): neuron 2p has input weights (w_e, w_d), bias b,
/// threshold theta and readout weight w_out; neuron 2p+1 has (-w_e, -w_d), b, theta and -w_out. A pair therefore
/// responds symmetrically to positive and negative errors.</para>
/// <para>Genome (D = 5 P + 3 for P = N/2 pairs): for each pair [w_e, w_d, b, w_out, theta], then the shared
/// [current leak, voltage leak, readout leak]. Gene g maps linearly to [lo, hi] of its bound after clamping to
/// [0, 1] (symmetric bounds: g = 0.5 is 0).</para>
/// </remarks>
public sealed class SnnPopulationLayout
{
    private const int GenesPerPair = 5;

    /// <summary>Creates the layout for <paramref name="spec"/> (validated).</summary>
    public SnnPopulationLayout(SnnPopulationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Spec = spec;
        Pairs = spec.Neurons / 2;
        Dimension = GenesPerPair * Pairs + 3;
    }

    /// <summary>The population's size and bounds.</summary>
    public SnnPopulationSpec Spec { get; }

    /// <summary>Number of mirrored pairs P.</summary>
    public int Pairs { get; }

    /// <summary>Genome length D.</summary>
    public int Dimension { get; }

    /// <summary>Allocates a definition of the right size (neurons x 2 inputs).</summary>
    public LifNetworkDefinition CreateDefinition() => new(Spec.Neurons, SnnErrorEncoder.InputCount);

    /// <summary>Writes the network parameters encoded by <paramref name="genome"/> into <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException">The genome length or the target's size is wrong.</exception>
    public void Decode(ReadOnlySpan<double> genome, LifNetworkDefinition target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (genome.Length != Dimension)
        {
            throw new ArgumentException($"Genome has {genome.Length} genes; population '{Spec.Name}' needs {Dimension}.", nameof(genome));
        }

        if (target.NeuronCount != Spec.Neurons || target.InputCount != SnnErrorEncoder.InputCount)
        {
            throw new ArgumentException($"Target definition is {target.NeuronCount} x {target.InputCount}; population '{Spec.Name}' needs {Spec.Neurons} x 2.", nameof(target));
        }

        var s = Spec;
        int shared = GenesPerPair * Pairs;
        double leakI = Map(genome[shared], s.CurrentLeakMin, s.CurrentLeakMax);
        double leakV = Map(genome[shared + 1], s.VoltageLeakMin, s.VoltageLeakMax);
        target.ReadoutLeak = Map(genome[shared + 2], s.ReadoutLeakMin, s.ReadoutLeakMax);
        target.RefractorySteps = s.RefractorySteps;
        for (int p = 0; p < Pairs; p++)
        {
            int g = GenesPerPair * p;
            double we = Map(genome[g], -s.InputWeightMax, s.InputWeightMax);
            double wd = Map(genome[g + 1], -s.InputWeightMax, s.InputWeightMax);
            double b = Map(genome[g + 2], -s.BiasMax, s.BiasMax);
            double wo = Map(genome[g + 3], -s.OutputWeightMax, s.OutputWeightMax);
            double th = Map(genome[g + 4], s.ThresholdMin, s.ThresholdMax);
            int a = 2 * p, c = 2 * p + 1;
            target.InputWeights[2 * a] = we;
            target.InputWeights[2 * a + 1] = wd;
            target.InputWeights[2 * c] = -we;
            target.InputWeights[2 * c + 1] = -wd;
            target.Bias[a] = b;
            target.Bias[c] = b;
            target.OutputWeights[a] = wo;
            target.OutputWeights[c] = -wo;
            target.Threshold[a] = th;
            target.Threshold[c] = th;
            target.CurrentLeak[a] = leakI;
            target.CurrentLeak[c] = leakI;
            target.VoltageLeak[a] = leakV;
            target.VoltageLeak[c] = leakV;
        }
    }

    private static double Map(double gene, double lo, double hi)
    {
        double g = double.IsNaN(gene) ? 0.5 : Math.Clamp(gene, 0.0, 1.0);
        return lo + g * (hi - lo);
    }
}
